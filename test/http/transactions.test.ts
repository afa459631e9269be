import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../src/demo-data/generate.js';
import { maxTransactionPage } from '../../src/api/transactions/transaction-params.js';
import { publicViewTemplate, systemView, toStoredView } from '../../src/domain/views/definitions.js';
import { seedOwnedAccount, startTestServer, type TestServer, type TestUser } from '../helpers/server.js';

const v = '/obp/v2.1.0';
const noViewAccess = {
  code: 400,
  message: 'OBP-20017: Current user does not have access to the view. Please specify a valid value for VIEW_ID.',
};
const notLoggedIn = { code: 401, message: 'OBP-20001: User not logged in. Authentication is required!' };

let server: TestServer;
let owner: TestUser;
let stranger: TestUser;
let bankId: string;
let accountId: string;
let txIds: string[];

function err(code: string) {
  return expect.objectContaining({ code: 400, message: expect.stringMatching(new RegExp(`^${code}:`)) });
}

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.user();
  stranger = await server.user();
  ({ bankId, accountId } = await seedOwnedAccount(server, owner));
  const base = Date.UTC(2020, 0, 1);
  const rows = [0, 1, 2].map((n) => ({
    bankId,
    accountId,
    transactionId: `tx-${n}`,
    kind: n === 1 ? 'CREDIT' : 'DEBIT',
    description: `Payment ${n}`,
    currency: 'EUR',
    amount: n === 1 ? 1250n : -1234n,
    newBalance: 1000n + BigInt(n),
    postedAt: base + n * 86_400_000,
    completedAt: base + n * 86_400_000 + 3_600_000,
    counterpartyId: `cp-${n}`,
    counterpartyName: 'Corner Bakery',
    counterpartyAccountNumber: '999',
    counterpartyIban: 'DE11',
    counterpartyBankName: 'Sparkasse',
    counterpartyKind: 'AC',
  }));
  await server.store.transactions.insertMany(rows);
  txIds = rows.map((r) => r.transactionId);
}, 60_000);

afterAll(() => server?.stop());

const list = () => `${v}/banks/${bankId}/accounts/${accountId}/owner/transactions`;

describe('getTransactionsForBankAccount', () => {
  it('lists with the full JSON, newest first', async () => {
    const res = await server.call('GET', list(), { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body.transactions.map((t: { id: string }) => t.id)).toEqual(['tx-2', 'tx-1', 'tx-0']);
    expect(res.body.transactions[1]).toEqual({
      id: 'tx-1',
      this_account: {
        id: accountId,
        holders: [{ name: 'Owner Name', is_alias: false }],
        number: '12345678',
        kind: 'CURRENT',
        IBAN: 'DE89000000000012345678',
        swift_bic: null,
        bank: { national_identifier: null, name: expect.any(String) },
      },
      other_account: {
        id: 'cp-1',
        holder: { name: 'Corner Bakery', is_alias: false },
        number: '999',
        kind: 'AC',
        IBAN: 'DE11',
        swift_bic: null,
        bank: { national_identifier: null, name: 'Sparkasse' },
        metadata: {
          public_alias: null,
          private_alias: null,
          more_info: null,
          URL: null,
          image_URL: null,
          open_corporates_URL: null,
          corporate_location: null,
          physical_location: null,
        },
      },
      details: {
        type: 'CREDIT',
        description: 'Payment 1',
        posted: '2020-01-02T00:00:00Z',
        completed: '2020-01-02T01:00:00Z',
        new_balance: { currency: 'EUR', amount: '10.01' },
        value: { currency: 'EUR', amount: '12.50' },
      },
      metadata: { narrative: null, comments: [], tags: [], images: [], where: null },
    });
    expect(res.body.transactions[0].details.value.amount).toBe('-12.34');
  });

  it('anonymous or without access → 400 OBP-20017; unknown view likewise', async () => {
    expect((await server.call('GET', list())).body).toEqual(noViewAccess);
    expect((await server.call('GET', list(), { token: stranger.token })).body).toEqual(noViewAccess);
    const res = await server.call('GET', `${v}/banks/${bankId}/accounts/${accountId}/nope/transactions`, {
      token: owner.token,
    });
    expect(res.body).toEqual(noViewAccess);
  });

  it('unknown bank → OBP-30001, unknown account → OBP-30018 (400, old style)', async () => {
    let res = await server.call('GET', `${v}/banks/no-bank/accounts/${accountId}/owner/transactions`, { token: owner.token });
    expect(res.body).toEqual(err('OBP-30001'));
    res = await server.call('GET', `${v}/banks/${bankId}/accounts/nope/owner/transactions`, { token: owner.token });
    expect(res.body).toEqual(err('OBP-30018'));
  });

  it('limit, offset and sort direction from headers, aliases and query parameters', async () => {
    const ids = async (headers: Record<string, string>, query = '') =>
      (await server.call('GET', list() + query, { token: owner.token, headers })).body.transactions.map(
        (t: { id: string }) => t.id,
      );
    expect(await ids({ obp_limit: '1' })).toEqual(['tx-2']);
    expect(await ids({ obp_limit: '1', obp_offset: '1' })).toEqual(['tx-1']);
    expect(await ids({ obp_sort_direction: 'ASC' })).toEqual(txIds);
    expect(await ids({ sort_direction: 'asc', obp_sort_direction: 'bad' })).toEqual(txIds);
    expect(await ids({ limit: '2', obp_limit: '1' })).toEqual(['tx-2', 'tx-1']);
    expect(await ids({}, '?limit=1&offset=2')).toEqual(['tx-0']);
    expect(await ids({ obp_offset: '99' })).toEqual([]);
  });

  it('from and to dates filter by completed date (inclusive), both formats', async () => {
    const ids = async (headers: Record<string, string>) =>
      (await server.call('GET', list(), { token: owner.token, headers })).body.transactions.map((t: { id: string }) => t.id);
    expect(await ids({ obp_from_date: '2020-01-02T01:00:00.000Z' })).toEqual(['tx-2', 'tx-1']);
    expect(await ids({ obp_to_date: '2020-01-02T01:00:00.000+0000' })).toEqual(['tx-1', 'tx-0']);
    expect(await ids({ from_date: '2020-01-02T00:00:00.000Z', to_date: '2020-01-02T23:00:00.000Z' })).toEqual(['tx-1']);
    expect(await ids({ obp_from_date: '2100-01-01T00:00:00.000Z' })).toEqual([]);
  });

  it.each([
    ['obp_limit', '0', 'OBP-10025'],
    ['obp_limit', 'x', 'OBP-10025'],
    ['obp_limit', '10001', 'OBP-10025'],
    ['limit', '-1', 'OBP-10025'],
    ['obp_offset', '-1', 'OBP-10024'],
    ['offset', '1.5', 'OBP-10024'],
    ['obp_from_date', '2020-01-01', 'OBP-10026'],
    ['to_date', '2020-01-01T00:00:00Z', 'OBP-10026'],
    ['obp_sort_direction', 'up', 'OBP-10023'],
  ])('%s=%s → 400 %s', async (name, value, code) => {
    const res = await server.call('GET', list(), { token: owner.token, headers: { [name]: value } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(err(code));
    const q = await server.call('GET', `${list()}?${name.replace('obp_', '')}=${encodeURIComponent(value)}`, {
      token: owner.token,
    });
    expect(q.body).toEqual(err(code));
  });

  it(`obp_limit up to ${maxTransactionPage} is a page; one more says how many fit`, async () => {
    const full = await server.call('GET', list(), { token: owner.token, headers: { obp_limit: String(maxTransactionPage) } });
    expect(full.status).toBe(200);
    expect(full.body.transactions).toHaveLength(3);
    const over = await server.call('GET', list(), { token: owner.token, headers: { obp_limit: '2147483647' } });
    expect(over.body).toEqual({
      code: 400,
      message: `OBP-10025: wrong value for obp_limit parameter. Please send a positive integer (=>1)! At most ${maxTransactionPage} transactions fit in one page.`,
    });
  });

  it('a view without a flag hides exactly that field, still 200', async () => {
    const ownerView = systemView('owner')!;
    const permissions = new Set(ownerView.permissions);
    for (const f of ['can_see_transaction_amount', 'can_see_transaction_description', 'can_see_transaction_metadata']) {
      permissions.delete(f);
    }
    const custom = { ...ownerView, viewId: '_limited', isSystem: false, permissions };
    await server.store.access.saveCustomView(bankId, accountId, '_limited', JSON.stringify(toStoredView(custom)));
    await server.store.access.grant(owner.userId, bankId, accountId, '_limited');
    const res = await server.call('GET', `${v}/banks/${bankId}/accounts/${accountId}/_limited/transactions`, {
      token: owner.token,
    });
    expect(res.status).toBe(200);
    const t = res.body.transactions[0];
    expect(t.details.value).toEqual({ currency: 'EUR', amount: null });
    expect(t.details.description).toBeNull();
    expect(t.metadata).toBeNull();
    expect(t.details.type).toBe('DEBIT');
    expect(t.other_account.holder.name).toBe('Corner Bakery');
  });

  it('a public view while public views are off → 400 OBP-00005', async () => {
    await server.store.access.saveCustomView(bankId, accountId, '_public', JSON.stringify(toStoredView(publicViewTemplate)));
    const res = await server.call('GET', `${v}/banks/${bankId}/accounts/${accountId}/_public/transactions`);
    expect(res.body).toEqual(err('OBP-00005'));
  });
});

describe('getTransactionByIdForBankAccount', () => {
  const one = (id: string, view = 'owner') => `${v}/banks/${bankId}/accounts/${accountId}/${view}/transactions/${id}/transaction`;
  it('returns one transaction', async () => {
    const res = await server.call('GET', one('tx-0'), { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe('tx-0');
    expect(res.body.details.value).toEqual({ currency: 'EUR', amount: '-12.34' });
  });
  it('unknown transaction → 400 OBP-30067; no access → 400 OBP-20017', async () => {
    expect((await server.call('GET', one('nope'), { token: owner.token })).body).toEqual(err('OBP-30067'));
    expect((await server.call('GET', one('tx-0'), { token: stranger.token })).body).toEqual(noViewAccess);
    expect((await server.call('GET', one('tx-0'))).body).toEqual(noViewAccess);
  });
});

describe('getCoreTransactionsForBankAccount', () => {
  const core = () => `${v}/my/banks/${bankId}/accounts/${accountId}/transactions`;
  it('lists core JSON through owner', async () => {
    const res = await server.call('GET', core(), { token: owner.token, headers: { obp_limit: '1' } });
    expect(res.status).toBe(200);
    expect(res.body.transactions).toHaveLength(1);
    const t = res.body.transactions[0];
    expect(Object.keys(t)).toEqual(['id', 'account', 'counterparty', 'details']);
    expect(t.counterparty.holder).toEqual({ name: 'Corner Bakery' });
  });
  it('401 anonymous, 400 OBP-20019 without owner, bad params', async () => {
    expect((await server.call('GET', core())).body).toEqual(notLoggedIn);
    expect((await server.call('GET', core(), { token: stranger.token })).body).toEqual(err('OBP-20019'));
    const res = await server.call('GET', core(), { token: owner.token, headers: { obp_sort_direction: 'x' } });
    expect(res.body).toEqual(err('OBP-10023'));
    const missing = await server.call('GET', `${v}/my/banks/${bankId}/accounts/nope/transactions`, { token: owner.token });
    expect(missing.body).toEqual(err('OBP-30018'));
  });
});

describe('paging over generated transactions', () => {
  it('pages are in order, contiguous and complete', async () => {
    const bank = `gen-${randomUUID().slice(0, 8)}`;
    const result = await generateDemoData(server.store, {
      bankId: bank,
      accounts: 1,
      transactions: 3000,
      provider: server.config.localIdentityProvider,
      password: 'Demo-Pass-2026!',
    });
    expect(result.transactions).toBe(3000);
    const token = await server.login(result.users[0]!, 'Demo-Pass-2026!');
    const url = `${v}/banks/${bank}/accounts/${result.accounts[0]}/owner/transactions`;
    const seen: { id: string; completed: string }[] = [];
    for (let offset = 0; offset < 3000; offset += 700) {
      const res = await server.call('GET', url, { token, headers: { obp_limit: '700', obp_offset: String(offset) } });
      expect(res.status).toBe(200);
      seen.push(...res.body.transactions.map((t: any) => ({ id: t.id, completed: t.details.completed })));
    }
    expect(seen).toHaveLength(3000);
    expect(new Set(seen.map((s) => s.id)).size).toBe(3000);
    for (let i = 1; i < seen.length; i++) expect(seen[i - 1]!.completed >= seen[i]!.completed).toBe(true);
    const asc = await server.call('GET', url, { token, headers: { obp_limit: '5', obp_sort_direction: 'asc' } });
    expect(asc.body.transactions[0].details.completed).toBe(seen.at(-1)!.completed);
  }, 60_000);
});
