import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { implicitCounterpartyId } from '../../src/domain/sandbox-import/counterparty-id.js';
import { systemView, toStoredView } from '../../src/domain/views/definitions.js';
import { seedBank, startTestServer, type TestServer, type TestUser } from '../helpers/server.js';

const v = '/obp/v2.1.0';
const notLoggedIn = { code: 401, message: 'OBP-20001: User not logged in. Authentication is required!' };

let server: TestServer;
let owner: TestUser;
let stranger: TestUser;
let bankId: string;
let accountId: string;
let bakeryId: string;

function err(code: string, status = 400) {
  return expect.objectContaining({ code: status, message: expect.stringMatching(new RegExp(`^${code}:`)) });
}

const base = () => `${v}/banks/${bankId}/accounts/${accountId}`;

async function customView(viewId: string, drop: string[], alias: 'public' | 'private' | '' = '', hide = false) {
  const ownerView = systemView('owner')!;
  const permissions = new Set(ownerView.permissions);
  for (const f of drop) permissions.delete(f);
  const custom = { ...ownerView, viewId, isSystem: false, alias, hideMetadataIfAliasUsed: hide, permissions };
  await server.store.access.saveCustomView(bankId, accountId, viewId, JSON.stringify(toStoredView(custom)));
  await server.store.access.grant(owner.userId, bankId, accountId, viewId);
}

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.user();
  stranger = await server.user();
  bankId = await seedBank(server);
  accountId = `acc-${randomUUID()}`;
  await server.store.accounts.insert({
    bankId,
    accountId,
    number: '12345678',
    kind: 'CURRENT',
    label: 'Main',
    currency: 'EUR',
    balance: 100n,
    holderName: 'Owner Name',
    iban: 'DE89000000000012345678',
    swiftBic: '',
    routingScheme: 'AccountNumber',
    routingAddress: '12345678',
  });
  await server.store.access.grant(owner.userId, bankId, accountId, 'owner');
  const t0 = Date.UTC(2020, 0, 1);
  // two payments to the bakery with no stored id (derived, §1.6) and one to a shop with a stored id
  await server.store.transactions.insertMany(
    [0, 1, 2].map((n) => ({
      bankId,
      accountId,
      transactionId: `tx-${n}`,
      kind: 'DEBIT',
      description: `Payment ${n}`,
      currency: 'EUR',
      amount: -100n,
      newBalance: 0n,
      postedAt: t0 + n * 1000,
      completedAt: t0 + n * 1000,
      counterpartyId: n === 2 ? 'cp-shop' : '',
      counterpartyName: n === 2 ? 'Corner Shop' : 'Corner Bakery',
      counterpartyAccountNumber: n === 2 ? '222' : '111',
      counterpartyIban: n === 2 ? 'DE22' : 'DE11',
      counterpartyBankName: 'Sparkasse',
      counterpartyKind: 'AC',
    })),
  );
  bakeryId = implicitCounterpartyId(bankId, accountId, 'Corner Bakery');
  await customView('_nometa', ['can_see_other_account_metadata', 'can_see_other_account_iban']);
  await customView('_pub', [], 'public', true);
  await customView('_priv', [], 'private');
  await customView('_noother', ['can_see_transaction_other_bank_account']);
}, 60_000);

afterAll(() => server?.stop());

describe('getOtherAccountsForBankAccount', () => {
  it('lists each counterparty once, with deterministic ids, a stable ALIAS_ public alias and null metadata', async () => {
    const res = await server.call('GET', `${base()}/owner/other_accounts`, { token: owner.token });
    expect(res.status).toBe(200);
    const list = res.body.other_accounts as { id: string; metadata: { public_alias: string } }[];
    expect(list.map((o) => o.id).sort()).toEqual([bakeryId, 'cp-shop'].sort());
    const bakery = list.find((o) => o.id === bakeryId)!;
    expect(bakery).toEqual({
      id: bakeryId,
      holder: { name: 'Corner Bakery', is_alias: false },
      number: '111',
      kind: 'AC',
      IBAN: 'DE11',
      swift_bic: null,
      bank: { national_identifier: null, name: 'Sparkasse' },
      metadata: {
        public_alias: expect.stringMatching(/^ALIAS_[0-9A-F]{6}$/),
        private_alias: null,
        more_info: null,
        URL: null,
        image_URL: null,
        open_corporates_URL: null,
        corporate_location: null,
        physical_location: null,
      },
    });
    const again = await server.call('GET', `${base()}/owner/other_accounts`, { token: owner.token });
    expect(again.body).toEqual(res.body);
    const rows = await server.store.counterparties.metadata(bankId, accountId, [bakeryId, 'cp-shop']);
    expect(rows).toHaveLength(2);
  });

  it('401 is not used: anonymous on a private view → 400 OBP-20017; stranger → 400 OBP-20017', async () => {
    expect((await server.call('GET', `${base()}/owner/other_accounts`)).body).toEqual(err('OBP-20017'));
    const res = await server.call('GET', `${base()}/owner/other_accounts`, { token: stranger.token });
    expect(res.body).toEqual(err('OBP-20017'));
  });

  it('unknown bank, account, view → 400', async () => {
    const t = { token: owner.token };
    expect((await server.call('GET', `${v}/banks/nope/accounts/${accountId}/owner/other_accounts`, t)).body).toEqual(
      err('OBP-30001'),
    );
    expect((await server.call('GET', `${v}/banks/${bankId}/accounts/nope/owner/other_accounts`, t)).body).toEqual(
      err('OBP-30018'),
    );
    expect((await server.call('GET', `${base()}/_nope/other_accounts`, t)).body).toEqual(err('OBP-20017'));
  });

  it('view flags hide fields; the public alias replaces the name and hides metadata when the view says so', async () => {
    const t = { token: owner.token };
    const all = await server.call('GET', `${base()}/owner/other_accounts`, t);
    const alias = (all.body.other_accounts as { id: string; metadata: { public_alias: string } }[]).find(
      (o) => o.id === bakeryId,
    )!.metadata.public_alias;
    const noMeta = await server.call('GET', `${base()}/_nometa/other_accounts/${bakeryId}`, t);
    expect(noMeta.status).toBe(200);
    expect(noMeta.body.metadata).toBeNull();
    expect(noMeta.body.IBAN).toBeNull();
    expect(noMeta.body.number).toBe('111');
    const pub = await server.call('GET', `${base()}/_pub/other_accounts/${bakeryId}`, t);
    expect(pub.body.holder).toEqual({ name: alias, is_alias: true });
    expect(pub.body.metadata).toBeNull();
    // no private alias set: the real name
    const priv = await server.call('GET', `${base()}/_priv/other_accounts/${bakeryId}`, t);
    expect(priv.body.holder).toEqual({ name: 'Corner Bakery', is_alias: false });
    const none = await server.call('GET', `${base()}/_noother/other_accounts`, t);
    expect(none.body).toEqual({ other_accounts: [] });
  });
});

describe('getOtherAccountByIdForBankAccount', () => {
  it('200 with the same JSON as in the list', async () => {
    const res = await server.call('GET', `${base()}/owner/other_accounts/cp-shop`, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body.holder).toEqual({ name: 'Corner Shop', is_alias: false });
  });
  it('unknown counterparty → 400 OBP-30017; no access → 400 OBP-20017', async () => {
    expect((await server.call('GET', `${base()}/owner/other_accounts/nope`, { token: owner.token })).body).toEqual(
      err('OBP-30017'),
    );
    expect((await server.call('GET', `${base()}/owner/other_accounts/cp-shop`)).body).toEqual(err('OBP-20017'));
  });
});

describe('getOtherAccountForTransaction', () => {
  it('200: the counterparty of the transaction, with the derived id', async () => {
    const res = await server.call('GET', `${base()}/owner/transactions/tx-0/other_account`, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(bakeryId);
    expect(res.body.metadata.public_alias).toMatch(/^ALIAS_/);
  });
  it('401 anonymous; 403 without the view; unknown transaction 400 OBP-30067; hidden other account 400', async () => {
    expect((await server.call('GET', `${base()}/owner/transactions/tx-0/other_account`)).body).toEqual(notLoggedIn);
    const s = await server.call('GET', `${base()}/owner/transactions/tx-0/other_account`, { token: stranger.token });
    expect(s.body).toEqual(err('OBP-20017', 403));
    const t = { token: owner.token };
    expect((await server.call('GET', `${base()}/owner/transactions/nope/other_account`, t)).body).toEqual(err('OBP-30067'));
    expect((await server.call('GET', `${base()}/_noother/transactions/tx-0/other_account`, t)).body).toEqual(err('OBP-30022'));
    expect(
      (await server.call('GET', `${v}/banks/nope/accounts/${accountId}/owner/transactions/tx-0/other_account`, t)).status,
    ).toBe(404);
  });
});

describe('getOtherAccountMetadata', () => {
  it('200 with never-set values null', async () => {
    const res = await server.call('GET', `${base()}/owner/other_accounts/cp-shop/metadata`, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      public_alias: expect.stringMatching(/^ALIAS_/),
      private_alias: null,
      more_info: null,
      URL: null,
      image_URL: null,
      open_corporates_URL: null,
      corporate_location: null,
      physical_location: null,
    });
  });
  it('401, 403, unknown counterparty 400, metadata hidden 400 OBP-30022', async () => {
    const path = `${base()}/owner/other_accounts/cp-shop/metadata`;
    expect((await server.call('GET', path)).body).toEqual(notLoggedIn);
    expect((await server.call('GET', path, { token: stranger.token })).body).toEqual(err('OBP-20017', 403));
    const t = { token: owner.token };
    expect((await server.call('GET', `${base()}/owner/other_accounts/nope/metadata`, t)).body).toEqual(err('OBP-30017'));
    expect((await server.call('GET', `${base()}/_nometa/other_accounts/cp-shop/metadata`, t)).body).toEqual(err('OBP-30022'));
  });
});
