/**
 * Deep transaction pages over HTTP: from offset 10,000 the server skips whole days by their counts
 * (migration 0012) and answers the same transactions as the plain OFFSET statement; the sandbox
 * import keeps the counts right.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transaction } from '../../src/domain/model.js';
import { transactionRepo } from '../../src/store/repos/transactions.js';
import { dayMs, expectDayCountsRight, storedDayCounts } from '../helpers/day-counts.js';
import { seedOwnedAccount, startTestServer, type TestServer } from '../helpers/server.js';

const v = '/obp/v2.1.0';
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

describe('deep pages over HTTP', () => {
  it('from offset 10,000 the answer holds the transactions of the plain statement', async () => {
    const owner = await server.user();
    const { bankId, accountId } = await seedOwnedAccount(server, owner);
    const start = Date.UTC(2025, 0, 1);
    // about 160 a day, three to a millisecond, one in five moved to its day's midnight
    const at = (n: number) => {
      const t = start + Math.floor(n / 3) * 1_620_000;
      return n % 5 === 0 ? t - (t % dayMs) : t;
    };
    const rows: Transaction[] = Array.from({ length: 10_500 }, (_, n) => ({
      bankId,
      accountId,
      transactionId: `tx-${String((n * 7919) % 10_500).padStart(5, '0')}`,
      kind: 'SEPA',
      description: '',
      currency: 'EUR',
      amount: -1n,
      newBalance: 0n,
      postedAt: start,
      completedAt: at(n),
      counterpartyId: 'cp',
      counterpartyName: 'Shop',
      counterpartyAccountNumber: '',
      counterpartyIban: '',
      counterpartyBankName: '',
      counterpartyKind: '',
    }));
    await server.store.transaction((tx) => tx.transactions.insertBulk(rows));
    await sql`analyze`.execute(server.store.connection.db);
    await expectDayCountsRight(server.store);
    const plain = transactionRepo(server.store.connection.db, server.store.dialect, Infinity);
    const url = `${v}/banks/${bankId}/accounts/${accountId}/owner/transactions`;
    const cases = [
      { limit: 50, offset: 10_000, direction: 'desc' as const },
      { limit: 50, offset: 10_000, direction: 'asc' as const },
      { limit: 13, offset: 10_480, direction: 'desc' as const },
      { limit: 50, offset: 10_500, direction: 'asc' as const },
      { limit: 50, offset: 10_000, direction: 'desc' as const, from: start + dayMs + 1, to: start + 65 * dayMs - 1 },
    ];
    for (const c of cases) {
      const headers: Record<string, string> = {
        obp_limit: String(c.limit),
        obp_offset: String(c.offset),
        obp_sort_direction: c.direction,
      };
      if (c.from !== undefined) headers.obp_from_date = new Date(c.from).toISOString();
      if (c.to !== undefined) headers.obp_to_date = new Date(c.to).toISOString();
      const res = await server.call('GET', url, { token: owner.token, headers });
      expect(res.status).toBe(200);
      const q = { ...c, fromDate: c.from ?? -8_640_000_000_000_000, toDate: c.to ?? 8_640_000_000_000_000 };
      const expected = (await plain.page(bankId, accountId, q, 'owner')).map((t) => t.transactionId);
      expect(res.body.transactions.map((t: { id: string }) => t.id)).toEqual(expected);
      if (c.from === undefined) expect(expected).toHaveLength(Math.min(c.limit, 10_500 - c.offset));
      else expect(expected).toHaveLength(c.limit);
    }
  }, 60_000);

  it('the sandbox import counts the transactions it writes', async () => {
    const admin = await server.user({ roles: ['CanCreateSandbox'] });
    const tag = randomUUID().slice(0, 8);
    const bank = `import-${tag}`;
    const dates = [
      '1969-12-31T23:59:59.999Z',
      '1970-01-01T00:00:00.000Z',
      '2024-02-29T00:00:00.000Z',
      '2024-02-29T23:59:59.999Z',
    ];
    const file = {
      banks: [{ id: bank, short_name: 'b', full_name: 'Bank', logo: 'http://example.com/logo', website: 'http://example.com' }],
      users: [{ email: `${tag}@example.com`, password: 'TESOBE520berlin123!', user_name: `user ${tag}` }],
      accounts: [
        {
          id: 'account1',
          bank,
          label: 'Account',
          number: '1',
          type: 'savings',
          balance: { currency: 'EUR', amount: '1000.00' },
          IBAN: `IBAN-${tag}`,
          owners: [`user ${tag}`],
          generate_public_view: false,
          generate_accountants_view: false,
          generate_auditors_view: false,
        },
      ],
      transactions: Array.from({ length: 300 }, (_, n) => ({
        id: `t-${n}`,
        this_account: { id: 'account1', bank },
        details: {
          type: 'SEPA',
          description: 'imported',
          posted: dates[n % 4],
          completed: dates[n % 4],
          new_balance: '1000.00',
          value: '-1.00',
        },
      })),
      branches: [],
      atms: [],
      products: [],
      crm_events: [],
    };
    const res = await server.call('POST', `${v}/sandbox/data-import`, { token: admin.token, body: file });
    expect(res.status).toBe(201);
    await expectDayCountsRight(server.store);
    const counts = (await storedDayCounts(server.store)).filter((c) => c.startsWith(`["${bank}",`));
    expect(counts).toEqual([
      `${JSON.stringify([bank, 'account1', -1])} 75`,
      `${JSON.stringify([bank, 'account1', 0])} 75`,
      `${JSON.stringify([bank, 'account1', Date.UTC(2024, 1, 29) / dayMs])} 150`,
    ]);
  });
});
