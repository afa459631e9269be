/**
 * OBP v2.2.0 explicit counterparties (APIMethods220 createCounterparty, getExplicitCounterpartiesForAccount,
 * getExplicitCounterpartyById) under /obp/v2.2.0, and their absence under /obp/v2.1.0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemView, toStoredView } from '../../src/domain/views/definitions.js';
import { seedOwnedAccount, startTestServer, type TestServer, type TestUser } from '../helpers/server.js';

const v = '/obp/v2.2.0';
const notLoggedIn = { code: 401, message: 'OBP-20001: User not logged in. Authentication is required!' };
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let server: TestServer;
let owner: TestUser;
let stranger: TestUser;
let bankId: string;
let accountId: string;
/** another account of the owner, the destination the OBP routing names */
let payee: { bankId: string; accountId: string };

const base = () => `${v}/banks/${bankId}/accounts/${accountId}`;

function err(code: string, status: number) {
  return { code: status, message: expect.stringMatching(new RegExp(`^${code}:`)) as unknown as string };
}

function body(over: Record<string, unknown> = {}) {
  return {
    name: 'Piano teacher',
    description: 'Miss Nipa',
    other_account_routing_scheme: 'OBP',
    other_account_routing_address: payee.accountId,
    other_account_secondary_routing_scheme: 'IBAN',
    other_account_secondary_routing_address: 'DE89370400440532013000',
    other_bank_routing_scheme: 'OBP',
    other_bank_routing_address: payee.bankId,
    other_branch_routing_scheme: '',
    other_branch_routing_address: '',
    is_beneficiary: true,
    bespoke: [{ key: 'englishName', value: 'english Name' }],
    ...over,
  };
}

async function customView(viewId: string, drop: string[]) {
  const ownerView = systemView('owner')!;
  const permissions = new Set(ownerView.permissions);
  for (const f of drop) permissions.delete(f);
  const custom = { ...ownerView, viewId, isSystem: false, permissions };
  await server.store.access.saveCustomView(bankId, accountId, viewId, JSON.stringify(toStoredView(custom)));
  await server.store.access.grant(owner.userId, bankId, accountId, viewId);
}

const create = (over: Record<string, unknown> = {}, view = 'owner', token = owner.token) =>
  server.call('POST', `${base()}/${view}/counterparties`, { token, body: body(over) });

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.user();
  stranger = await server.user();
  ({ bankId, accountId } = await seedOwnedAccount(server, owner));
  payee = await seedOwnedAccount(server, owner, 'DE02000000000000000002');
  await customView('_noadd', ['can_add_counterparty']);
  await customView('_noget', ['can_get_counterparty']);
}, 60_000);

afterAll(() => server?.stop());

describe('createCounterparty', () => {
  it('creates the counterparty with a UUID and answers 201 with OBP v2.2.0 CounterpartyWithMetadataJson', async () => {
    const res = await create({ name: 'Landlord' });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body)).toEqual([
      'name',
      'description',
      'created_by_user_id',
      'this_bank_id',
      'this_account_id',
      'this_view_id',
      'counterparty_id',
      'other_bank_routing_scheme',
      'other_bank_routing_address',
      'other_branch_routing_scheme',
      'other_branch_routing_address',
      'other_account_routing_scheme',
      'other_account_routing_address',
      'other_account_secondary_routing_scheme',
      'other_account_secondary_routing_address',
      'is_beneficiary',
      'bespoke',
      'metadata',
    ]);
    expect(res.body).toEqual({
      name: 'Landlord',
      description: 'Miss Nipa',
      created_by_user_id: owner.userId,
      this_bank_id: bankId,
      this_account_id: accountId,
      this_view_id: 'owner',
      counterparty_id: expect.stringMatching(uuid),
      other_bank_routing_scheme: 'OBP',
      other_bank_routing_address: payee.bankId,
      other_branch_routing_scheme: '',
      other_branch_routing_address: '',
      other_account_routing_scheme: 'OBP',
      other_account_routing_address: payee.accountId,
      other_account_secondary_routing_scheme: 'IBAN',
      other_account_secondary_routing_address: 'DE89370400440532013000',
      is_beneficiary: true,
      bespoke: [{ key: 'englishName', value: 'english Name' }],
      metadata: {
        public_alias: expect.stringMatching(/^ALIAS_[0-9A-F]{6}$/),
        more_info: '',
        url: '',
        image_url: '',
        open_corporates_url: '',
        corporate_location: null,
        physical_location: null,
        private_alias: '',
      },
    });
    const again = await server.call('GET', `${base()}/owner/counterparties/${res.body.counterparty_id}`, { token: owner.token });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
    const stored = await server.store.explicitCounterparties.byId(res.body.counterparty_id);
    expect(stored?.name).toBe('Landlord');
  });

  it('needs a logged-in user', async () => {
    const res = await server.call('POST', `${base()}/owner/counterparties`, { body: body({ name: 'anon' }) });
    expect(res.status).toBe(401);
    expect(res.body).toEqual(notLoggedIn);
  });

  it('refuses a second counterparty of the same name on the account with OBP-30014 naming it', async () => {
    expect((await create({ name: 'Twice' })).status).toBe(201);
    const res = await create({ name: 'Twice' }, '_noget');
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(
      `OBP-30014: Counterparty already exists. Please specify a different COUNTERPARTY_NAME(Twice) for the BANK_ID(${bankId}) and ACCOUNT_ID(${accountId}) and VIEW_ID(_noget)`,
    );
  });

  it('of concurrent creations of one name exactly one succeeds', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => create({ name: 'Race' })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400, 400, 400, 400, 400]);
    const list = await server.call('GET', `${base()}/owner/counterparties`, { token: owner.token });
    expect(list.body.counterparties.filter((c: { name: string }) => c.name === 'Race')).toHaveLength(1);
  });

  it('needs a view the caller holds, with can_add_counterparty', async () => {
    const noView = await create({ name: 'x1' }, 'owner', stranger.token);
    expect(noView.status).toBe(403);
    expect(noView.body).toEqual(err('OBP-20017', 403));
    const unknownView = await create({ name: 'x2' }, 'no-such-view');
    expect(unknownView.body).toEqual(err('OBP-20017', 403));
    const noAdd = await create({ name: 'x3' }, '_noadd');
    expect(noAdd.status).toBe(400);
    expect(noAdd.body.message).toBe(
      'OBP-30022: The current view does not have the permission: can_add_counterparty. Please use a view with that permission or add the permission to this view.',
    );
  });

  it('answers unknown banks and accounts, and malformed ids, with OBP codes', async () => {
    const unknownBank = await server.call('POST', `${v}/banks/no-such-bank/accounts/${accountId}/owner/counterparties`, {
      token: owner.token,
      body: body(),
    });
    expect(unknownBank.body).toEqual(err('OBP-30001', 404));
    const unknownAccount = await server.call('POST', `${v}/banks/${bankId}/accounts/no-such-account/owner/counterparties`, {
      token: owner.token,
      body: body(),
    });
    expect(unknownAccount.body).toEqual(err('OBP-30018', 404));
    const badAccount = await server.call('POST', `${v}/banks/${bankId}/accounts/bad%20id/owner/counterparties`, {
      token: owner.token,
      body: body(),
    });
    expect(badAccount.body).toEqual(err('OBP-30110', 400));
    const badBank = await server.call('POST', `${v}/banks/bad%20id/accounts/${accountId}/owner/counterparties`, {
      token: owner.token,
      body: body(),
    });
    expect(badBank.body).toEqual(err('OBP-30111', 400));
  });

  it('refuses bad bodies with OBP-10001 and over-long names or descriptions with OBP-20010', async () => {
    for (const bad of [
      { ...body(), is_beneficiary: 'yes' },
      { ...body(), bespoke: [{ key: 'k' }] },
      { ...body(), name: 3 },
      Object.fromEntries(Object.entries(body()).filter(([k]) => k !== 'other_bank_routing_address')),
      [],
    ]) {
      const res = await server.call('POST', `${base()}/owner/counterparties`, { token: owner.token, body: bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.message).toMatch(/^OBP-10001: /);
    }
    const longDescription = await create({ name: 'long', description: 'x'.repeat(37) });
    expect(longDescription.status).toBe(400);
    expect(longDescription.body.message).toBe('OBP-20010: Value too long. The maximum length of `description` field is 36');
    const longName = await create({ name: 'n'.repeat(37) });
    expect(longName.body.message).toBe('OBP-20010: Value too long. The maximum length of `name` field is 36');
    expect((await create({ name: 'd'.repeat(36), description: 'x'.repeat(36) })).status).toBe(201);
  });

  it('checks that an OBP-routed destination exists on this server; other schemes are not checked', async () => {
    const noBank = await create({ name: 'nb', other_bank_routing_address: 'no-such-bank' });
    expect(noBank.body).toEqual(err('OBP-30001', 404));
    const noAccount = await create({ name: 'na', other_account_routing_address: 'no-such-account' });
    expect(noAccount.body).toEqual(err('OBP-30018', 404));
    const viaSecondary = await create({
      name: 'via secondary',
      other_account_routing_scheme: 'AccountNumber',
      other_account_routing_address: '1',
      other_account_secondary_routing_scheme: 'OBP',
      other_account_secondary_routing_address: 'no-such-account',
    });
    expect(viaSecondary.body).toEqual(err('OBP-30018', 404));
    const sepa = await create({
      name: 'SEPA payee',
      other_bank_routing_scheme: 'BIC',
      other_bank_routing_address: 'COBADEFFXXX',
      other_account_routing_scheme: 'IBAN',
      other_account_routing_address: 'DE89370400440532013000',
      bespoke: [],
      is_beneficiary: false,
    });
    expect(sepa.status).toBe(201);
    expect(sepa.body).toMatchObject({ is_beneficiary: false, bespoke: [] });
  });
});

describe('getExplicitCounterpartiesForAccount', () => {
  it('lists the account\u2019s counterparties in creation order as CounterpartiesJsonV220, without metadata', async () => {
    const { bankId: b, accountId: a } = await seedOwnedAccount(server, owner);
    const url = `${v}/banks/${b}/accounts/${a}/owner/counterparties`;
    const empty = await server.call('GET', url, { token: owner.token });
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ counterparties: [] });
    const first = await server.call('POST', url, { token: owner.token, body: body({ name: 'First' }) });
    const second = await server.call('POST', url, { token: owner.token, body: body({ name: 'Second' }) });
    const res = await server.call('GET', url, { token: owner.token });
    expect(res.status).toBe(200);
    const { metadata: _m1, ...firstJson } = first.body;
    const { metadata: _m2, ...secondJson } = second.body;
    expect(res.body).toEqual({ counterparties: [firstJson, secondJson] });
    expect(res.headers.get('etag')).toBeTruthy();
  });

  it('needs login, the account, a held view and can_get_counterparty', async () => {
    expect((await server.call('GET', `${base()}/owner/counterparties`)).body).toEqual(notLoggedIn);
    const unknownAccount = await server.call('GET', `${v}/banks/${bankId}/accounts/nope/owner/counterparties`, {
      token: owner.token,
    });
    expect(unknownAccount.body).toEqual(err('OBP-30018', 404));
    const unknownBank = await server.call('GET', `${v}/banks/nope/accounts/${accountId}/owner/counterparties`, {
      token: owner.token,
    });
    expect(unknownBank.body).toEqual(err('OBP-30018', 404));
    const stranger_ = await server.call('GET', `${base()}/owner/counterparties`, { token: stranger.token });
    expect(stranger_.body).toEqual(err('OBP-20017', 403));
    const noGet = await server.call('GET', `${base()}/_noget/counterparties`, { token: owner.token });
    expect(noGet.status).toBe(400);
    expect(noGet.body.message).toBe('OBP-30022: The current view does not have the permission: can_get_counterparty');
  });
});

describe('getExplicitCounterpartyById', () => {
  it('finds only a counterparty of this account; others are OBP-30017', async () => {
    const created = await create({ name: 'By id' });
    const id = created.body.counterparty_id as string;
    const other = await seedOwnedAccount(server, owner);
    const elsewhere = await server.call(
      'GET',
      `${v}/banks/${other.bankId}/accounts/${other.accountId}/owner/counterparties/${id}`,
      {
        token: owner.token,
      },
    );
    expect(elsewhere.body).toEqual({
      code: 400,
      message: 'OBP-30017: Counterparty not found. Please specify a valid value for COUNTERPARTY_ID.',
    });
    const unknown = await server.call('GET', `${base()}/owner/counterparties/no-such-counterparty`, { token: owner.token });
    expect(unknown.body).toEqual(err('OBP-30017', 400));
  });

  it('needs login, the account, a held view and can_get_counterparty', async () => {
    const id = (await create({ name: 'Guarded' })).body.counterparty_id as string;
    expect((await server.call('GET', `${base()}/owner/counterparties/${id}`)).body).toEqual(notLoggedIn);
    const unknownAccount = await server.call('GET', `${v}/banks/${bankId}/accounts/nope/owner/counterparties/${id}`, {
      token: owner.token,
    });
    expect(unknownAccount.body).toEqual(err('OBP-30018', 404));
    expect((await server.call('GET', `${base()}/owner/counterparties/${id}`, { token: stranger.token })).body).toEqual(
      err('OBP-20017', 403),
    );
    expect((await server.call('GET', `${base()}/no-such-view/counterparties/${id}`, { token: owner.token })).body).toEqual(
      err('OBP-20017', 403),
    );
    const noGet = await server.call('GET', `${base()}/_noget/counterparties/${id}`, { token: owner.token });
    expect(noGet.body.message).toBe('OBP-30022: The current view does not have the permission:can_get_counterparty');
  });
});

describe('versions', () => {
  it('v2.1.0 does not serve the v2.2.0 counterparty endpoints', async () => {
    const id = (await create({ name: 'Versioned' })).body.counterparty_id as string;
    const old = `/obp/v2.1.0/banks/${bankId}/accounts/${accountId}/owner/counterparties`;
    for (const [method, url] of [
      ['POST', old],
      ['GET', old],
      ['GET', `${old}/${id}`],
    ] as const) {
      const res = await server.call(method, url, {
        token: owner.token,
        body: method === 'POST' ? body({ name: 'v210' }) : undefined,
      });
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(res.body.message).toMatch(/^OBP-10404: /);
    }
  });

  it('v2.2.0 serves the endpoints of earlier versions too, and its own root', async () => {
    const banks = await server.call('GET', `${v}/banks`);
    expect(banks.status).toBe(200);
    expect((await server.call('GET', `${v}/root`)).body.version).toBe('v2.2.0');
    expect((await server.call('GET', `${v}`)).body.version).toBe('v2.2.0');
    expect((await server.call('GET', '/obp/v2.1.0/root')).body.version).toBe('v2.1.0');
    const docs = await server.call('GET', `${v}/resource-docs/v2.2.0/obp`);
    expect(docs.status).toBe(200);
    const ids = docs.body.resource_docs.map((d: { operation_id: string }) => d.operation_id);
    expect(ids).toEqual(expect.arrayContaining(['OBPv2.2.0-createCounterparty', 'OBPv1.2.1-getOtherAccountsForBankAccount']));
    const older = await server.call('GET', '/obp/v2.1.0/resource-docs/v2.1.0/obp');
    expect(older.body.resource_docs.map((d: { operation_id: string }) => d.operation_id)).not.toContain(
      'OBPv2.2.0-createCounterparty',
    );
  });
});
