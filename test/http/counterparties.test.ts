import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { implicitCounterpartyId } from '../../src/domain/sandbox-import/counterparty-id.js';
import { systemView, toStoredView } from '../../src/domain/views/definitions.js';
import { seedOwnedAccount, startTestServer, type TestServer, type TestUser } from '../helpers/server.js';

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
  ({ bankId, accountId } = await seedOwnedAccount(server, owner));
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

describe('counterparty metadata writes', () => {
  const meta = (id = 'cp-shop') => `${base()}/owner/other_accounts/${id}/metadata`;
  const read = async () => (await server.call('GET', meta(), { token: owner.token })).body;

  it('public and private alias: GET, POST 201, PUT 200, DELETE 204 then null', async () => {
    const t = { token: owner.token };
    const p = `${base()}/owner/other_accounts/cp-shop`;
    const first = await server.call('GET', `${p}/public_alias`, t);
    expect(first.body.alias).toMatch(/^ALIAS_/);
    expect((await server.call('GET', `${p}/private_alias`, t)).body).toEqual({ alias: null });
    const add = await server.call('POST', `${p}/private_alias`, { ...t, body: { alias: 'my shop' } });
    expect(add.status).toBe(201);
    expect(add.body).toEqual({ success: 'private alias added' });
    const upd = await server.call('PUT', `${p}/public_alias`, { ...t, body: { alias: 'The Shop' } });
    expect(upd.status).toBe(200);
    expect(upd.body).toEqual({ success: 'public alias updated' });
    expect((await server.call('GET', `${p}/public_alias`, t)).body).toEqual({ alias: 'The Shop' });
    // the private-alias view now labels the holder with it
    const priv = await server.call('GET', `${base()}/_priv/other_accounts/cp-shop`, t);
    expect(priv.body.holder).toEqual({ name: 'my shop', is_alias: true });
    expect((await server.call('DELETE', `${p}/private_alias`, t)).status).toBe(204);
    expect((await server.call('GET', `${p}/private_alias`, t)).body).toEqual({ alias: null });
    expect((await read()).public_alias).toBe('The Shop');
  });

  it('more_info, url, image_url, open_corporates_url: add, update, delete → null', async () => {
    const t = { token: owner.token };
    const cases = [
      ['more_info', 'more_info', 'more info', 'more_info', 'Bakes bread'],
      ['url', 'URL', 'url', 'URL', 'https://shop.example.com'],
      ['image_url', 'image_URL', 'image url', 'image_URL', 'https://shop.example.com/logo.png'],
      ['open_corporates_url', 'open_corporates_URL', 'open corporate url', 'open_corporates_URL', 'https://opencorporates.com/x'],
    ] as const;
    for (const [sub, key, label, jsonKey, value] of cases) {
      const p = `${meta()}/${sub}`;
      const add = await server.call('POST', p, { ...t, body: { [key]: value } });
      expect(add.status).toBe(201);
      expect(add.body).toEqual({ success: `${label} added` });
      expect((await read())[jsonKey]).toBe(value);
      const upd = await server.call('PUT', p, { ...t, body: { [key]: `${value}2` } });
      expect(upd.body).toEqual({ success: `${label} updated` });
      expect((await read())[jsonKey]).toBe(`${value}2`);
      expect((await server.call('DELETE', p, t)).status).toBe(204);
      expect((await read())[jsonKey]).toBeNull();
    }
  });

  it('locations: add with the poster, delete → null; corporate delete with nothing set → 400', async () => {
    const t = { token: owner.token };
    for (const which of ['corporate_location', 'physical_location']) {
      const p = `${meta()}/${which}`;
      const add = await server.call('POST', p, { ...t, body: { [which]: { latitude: 52.5, longitude: 13.4 } } });
      expect(add.status).toBe(201);
      const got = (await read())[which];
      expect(got).toEqual({
        latitude: 52.5,
        longitude: 13.4,
        date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        user: { id: owner.userId, provider: expect.any(String), display_name: expect.any(String) },
      });
      expect((await server.call('DELETE', p, t)).status).toBe(204);
      expect((await read())[which]).toBeNull();
    }
    const again = await server.call('DELETE', `${meta()}/corporate_location`, t);
    expect(again.status).toBe(400);
  });

  it('bad input writes nothing: bad URLs, impossible coordinates, wrong types, over-long text', async () => {
    const t = { token: owner.token };
    const before = await read();
    const bad: [string, string, unknown][] = [
      ['POST', 'url', { URL: 'not a url' }],
      ['POST', 'url', { URL: 'javascript:alert(1)' }],
      ['PUT', 'image_url', { image_URL: 'ftp//x' }],
      ['POST', 'open_corporates_url', { open_corporates_URL: 12 }],
      ['POST', 'corporate_location', { corporate_location: { latitude: 91, longitude: 0 } }],
      ['POST', 'physical_location', { physical_location: { latitude: 0, longitude: -180.5 } }],
      ['POST', 'physical_location', { physical_location: { latitude: 'x', longitude: 0 } }],
      ['POST', 'more_info', { more_info: 'x'.repeat(256) }],
      ['POST', 'more_info', {}],
    ];
    for (const [verb, sub, body] of bad) {
      const res = await server.call(verb, `${meta()}/${sub}`, { ...t, body });
      expect(res.status, `${verb} ${sub}`).toBe(400);
    }
    const alias = await server.call('POST', `${base()}/owner/other_accounts/cp-shop/public_alias`, { ...t, body: { alias: 5 } });
    expect(alias.status).toBe(400);
    expect(await read()).toEqual(before);
  });

  it('401, 403 without the view, 400 unknown counterparty, 400 OBP-30022 without metadata or the flag', async () => {
    const p = `${meta()}/more_info`;
    const body = { more_info: 'x' };
    expect((await server.call('POST', p, { body })).body).toEqual(notLoggedIn);
    expect((await server.call('POST', p, { token: stranger.token, body })).body).toEqual(err('OBP-20017', 403));
    const t = { token: owner.token, body };
    expect((await server.call('POST', `${meta('nope')}/more_info`, t)).body).toEqual(err('OBP-30017'));
    expect((await server.call('POST', `${base()}/_nometa/other_accounts/cp-shop/metadata/more_info`, t)).body).toEqual(
      err('OBP-30022'),
    );
    await customView('_noadd', ['can_add_more_info', 'can_see_private_alias']);
    expect((await server.call('POST', `${base()}/_noadd/other_accounts/cp-shop/metadata/more_info`, t)).body).toEqual(
      err('OBP-30022'),
    );
    const priv = await server.call('GET', `${base()}/_noadd/other_accounts/cp-shop/private_alias`, { token: owner.token });
    expect(priv.body).toEqual(err('OBP-30022'));
    // the public-alias view hides metadata, so no metadata write goes through it
    expect((await server.call('POST', `${base()}/_pub/other_accounts/cp-shop/metadata/more_info`, t)).body).toEqual(
      err('OBP-30022'),
    );
    expect((await read()).more_info).toBeNull();
  });

  it('parallel writes of different fields all survive', async () => {
    const t = { token: owner.token };
    const p = `${base()}/owner/other_accounts/${bakeryId}/metadata`;
    const writes = [
      server.call('POST', `${p}/more_info`, { ...t, body: { more_info: 'info' } }),
      server.call('POST', `${p}/url`, { ...t, body: { URL: 'https://a.example' } }),
      server.call('POST', `${p}/image_url`, { ...t, body: { image_URL: 'https://b.example' } }),
      server.call('POST', `${p}/open_corporates_url`, { ...t, body: { open_corporates_URL: 'https://c.example' } }),
      server.call('POST', `${p}/physical_location`, { ...t, body: { physical_location: { latitude: 1, longitude: 2 } } }),
    ];
    expect((await Promise.all(writes)).map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const m = (await server.call('GET', p, t)).body;
    expect([m.more_info, m.URL, m.image_URL, m.open_corporates_URL, m.physical_location.latitude]).toEqual([
      'info',
      'https://a.example',
      'https://b.example',
      'https://c.example',
      1,
    ]);
  });
});
