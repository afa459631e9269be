/**
 * Deep pages through the per-day counts (migration 0012) on both dialects: the counted statement
 * answers exactly what the plain OFFSET statement answers, for any offset, limit, dates and direction,
 * and every way transactions are written keeps the counts right.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../src/demo-data/generate.js';
import { seeded } from '../../src/demo-data/transactions.js';
import type { Transaction } from '../../src/domain/model.js';
import { post, type Party, type Posting } from '../../src/domain/payments/ledger.js';
import type { Store } from '../../src/store/index.js';
import { transactionRepo, type TransactionPageQuery } from '../../src/store/repos/transactions.js';
import { dayMs, expectDayCountsRight, storedDayCounts } from '../helpers/day-counts.js';
import { accountRecord, bankRecord } from '../helpers/records.js';
import { openTestStore } from '../helpers/store.js';

let store: Store;
let dispose: () => Promise<void>;
beforeAll(async () => {
  ({ store, dispose } = await openTestStore());
});
afterAll(async () => dispose());

/**
 * Fresh statistics, as the data generator leaves them: on tables never analysed PostgreSQL may run
 * the page's id subquery once per row of the account, for the plain statement as for the counted one.
 */
const analyze = () => sql`analyze`.execute(store.connection.db);

const earliest = -8_640_000_000_000_000;
const latest = 8_640_000_000_000_000;

function transaction(bankId: string, accountId: string, completedAt: number, transactionId: string): Transaction {
  return {
    bankId,
    accountId,
    transactionId,
    kind: 'SEPA',
    description: `at ${completedAt}`,
    currency: 'EUR',
    amount: -100n,
    newBalance: 0n,
    postedAt: completedAt,
    completedAt,
    counterpartyId: 'cp',
    counterpartyName: 'Corner Bakery',
    counterpartyAccountNumber: '',
    counterpartyIban: '',
    counterpartyBankName: '',
    counterpartyKind: '',
  };
}

/**
 * Times over about forty days around a base day, with empty days, many rows sharing one millisecond,
 * rows on and next to midnight, and days on both sides of 1970 (a day starts at a multiple of
 * 86,400,000 there too).
 */
function times(random: () => number, baseDay: number, days: number): number[] {
  const out: number[] = [];
  for (let d = 0; d < days; d++) {
    const start = (baseDay + d) * dayMs;
    if (random() < 0.15) continue;
    const shared = [start + Math.floor(random() * dayMs), start + Math.floor(random() * dayMs)];
    const n = Math.floor(random() * 90);
    for (let i = 0; i < n; i++) {
      const r = random();
      if (r < 0.3) out.push(shared[i % 2]!);
      else if (r < 0.4) out.push(start);
      else if (r < 0.45) out.push(start + dayMs - 1);
      else if (r < 0.5) out.push(start + 1);
      else out.push(start + Math.floor(random() * dayMs));
    }
  }
  return out;
}

const hex = (random: () => number) => Array.from({ length: 12 }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');

describe('deep transaction pages', () => {
  const bankId = `pages-${randomUUID().slice(0, 8)}`;
  const accountId = 'acc';
  const random = seeded(7);
  const all: Transaction[] = [];

  beforeAll(async () => {
    const baseDay = Math.floor(Date.UTC(2024, 1, 20) / dayMs);
    const at = [...times(random, baseDay, 40), ...times(random, -4, 8)];
    const rows = at.map((t) => transaction(bankId, accountId, t, hex(random)));
    all.push(...rows);
    // the same days in another account of the bank and in the same account id of another bank
    const others = at
      .slice(0, 800)
      .flatMap((t) => [transaction(bankId, 'other', t, hex(random)), transaction(`${bankId}-b`, accountId, t, hex(random))]);
    const half = Math.floor(rows.length / 2);
    await store.transaction((tx) => tx.transactions.insertBulk([...rows.slice(0, half), ...others]));
    await store.transactions.insertMany(rows.slice(half));
    await analyze();
  });

  it('the counts are the transactions per account and day', async () => {
    expect(all.length).toBeGreaterThan(2_000);
    await expectDayCountsRight(store);
  });

  it('a counted page is the plain page, for any offset, limit, dates and direction', async () => {
    const counted = transactionRepo(store.connection.db, store.dialect, 0);
    const plain = transactionRepo(store.connection.db, store.dialect, Infinity);
    const stamps = [...new Set(all.map((t) => t.completedAt))];
    const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
    const someDate = () => {
      const t = pick(stamps);
      const day = Math.floor(t / dayMs) * dayMs;
      return pick([t, t - 1, t + 1, day, day - 1, day + dayMs, t + Math.floor((random() - 0.5) * 10 * dayMs)]);
    };
    let checked = 0;
    let nonEmpty = 0;
    for (let i = 0; i < Number(process.env.ITER ?? 300); i++) {
      let fromDate = random() < 0.4 ? earliest : someDate();
      let toDate = random() < 0.4 ? latest : someDate();
      if (fromDate > toDate && random() < 0.9) [fromDate, toDate] = [toDate, fromDate];
      const direction = random() < 0.5 ? 'asc' : 'desc';
      const expected = all
        .filter((t) => t.completedAt >= fromDate && t.completedAt <= toDate)
        .sort((a, b) => a.completedAt - b.completedAt || (a.transactionId < b.transactionId ? -1 : 1));
      if (direction === 'desc') expected.reverse();
      // the offsets where a day starts in page order, and next to them
      const dayStarts = expected.flatMap((t, n) =>
        n > 0 && Math.floor(t.completedAt / dayMs) !== Math.floor(expected[n - 1]!.completedAt / dayMs) ? [n] : [],
      );
      const limit = pick([1, 2, 7, 50, 1 + Math.floor(random() * 120)]);
      const offsets = [0, expected.length, expected.length + 3, 5_000_000];
      offsets.push(Math.floor(random() * (expected.length + 10)));
      if (dayStarts.length > 0) for (const d of [-1, 0, 1]) offsets.push(Math.max(0, pick(dayStarts) + d));
      for (const offset of offsets) {
        const q: TransactionPageQuery = { limit, offset, fromDate, toDate, direction };
        const page = await counted.page(bankId, accountId, q, 'owner');
        expect(page, JSON.stringify(q)).toEqual(await plain.page(bankId, accountId, q, 'owner'));
        const ids = expected.slice(offset, offset + limit).map((t) => t.transactionId);
        expect(
          page.map((t) => t.transactionId),
          JSON.stringify(q),
        ).toEqual(ids);
        checked++;
        if (page.length > 0) nonEmpty++;
      }
    }
    expect(checked).toBeGreaterThan(2_000);
    expect(nonEmpty).toBeGreaterThan(500);
  });

  it('the server offset is counted from 10,000 on and answers the plain page', async () => {
    const many = Array.from({ length: 12_000 }, (_, n) =>
      transaction(bankId, 'long', Date.UTC(2025, 0, 1) + Math.floor(n / 37) * 3_600_000, `t${String(n).padStart(6, '0')}`),
    );
    await store.transaction((tx) => tx.transactions.insertBulk(many));
    await analyze();
    const plain = transactionRepo(store.connection.db, store.dialect, Infinity);
    for (const direction of ['asc', 'desc'] as const) {
      for (const offset of [9_999, 10_000, 11_111, 11_999, 12_000]) {
        const q: TransactionPageQuery = { limit: 50, offset, fromDate: earliest, toDate: latest, direction };
        const page = await store.transactions.page(bankId, 'long', q, 'owner');
        expect(page).toEqual(await plain.page(bankId, 'long', q, 'owner'));
        expect(page.length).toBe(Math.min(50, Math.max(0, 12_000 - offset)));
      }
    }
    await expectDayCountsRight(store);
  });
});

describe('the day counts follow every writer', () => {
  const party = (name: string): Party => ({
    name,
    number: '1',
    iban: '',
    bankName: '',
    kind: 'CURRENT',
    routingScheme: 'OBP',
    routingAddress: name,
  });

  it('payments count both legs; a refused payment counts nothing', async () => {
    const bankId = `pay-${randomUUID().slice(0, 8)}`;
    await store.banks.insert(bankRecord(bankId));
    await store.accounts.insert(accountRecord(bankId, 'a', 10_000n));
    await store.accounts.insert(accountRecord(bankId, 'b', 0n));
    const midnight = Date.UTC(2026, 2, 1);
    const posting = (at: number, amount: bigint): Posting => ({
      type: 'SANDBOX_TAN',
      description: 'rent',
      source: { bankId, accountId: 'a' },
      sourceCurrency: 'EUR',
      debit: amount,
      target: { bankId, accountId: 'b' },
      targetCurrency: 'EUR',
      credit: amount,
      payee: party('b'),
      payer: party('a'),
      at,
    });
    for (const at of [midnight - 1, midnight, midnight, midnight + 5]) {
      await store.transaction((tx) => post(tx, posting(at, 100n)));
    }
    await Promise.all(Array.from({ length: 6 }, () => store.transaction((tx) => post(tx, posting(midnight + 7, 10n)))));
    await expectDayCountsRight(store);
    const before = await storedDayCounts(store);
    await store.ledger.setOverdraftLimit(bankId, 'a', 0n);
    await expect(store.transaction((tx) => post(tx, posting(midnight, 1_000_000n)))).rejects.toThrow();
    expect(await storedDayCounts(store)).toEqual(before);
    const day = Math.floor(midnight / dayMs);
    expect(before).toContain(`${JSON.stringify([bankId, 'a', day - 1])} 1`);
    expect(before).toContain(`${JSON.stringify([bankId, 'a', day])} 9`);
    expect(before).toContain(`${JSON.stringify([bankId, 'b', day])} 9`);
  });

  it('the data generator counts what it writes, its chunks in parallel', async () => {
    const result = await generateDemoData(store, {
      bankId: `gen-${randomUUID().slice(0, 8)}`,
      accounts: 1,
      transactions: 25_000,
      provider: 'local',
      password: 'Demo-Pass-2026!',
    });
    expect(result.transactions).toBe(25_000);
    await expectDayCountsRight(store);
  }, 60_000);

  it('a failed bulk insert counts nothing', async () => {
    const bankId = `fail-${randomUUID().slice(0, 8)}`;
    const rows = [1, 2, 3].map((n) => transaction(bankId, 'a', Date.UTC(2025, 5, n), `t${n}`));
    const before = await storedDayCounts(store);
    // the last row repeats the first one's key
    await expect(store.transaction((tx) => tx.transactions.insertBulk([...rows, rows[0]!]))).rejects.toThrow();
    await expect(store.transactions.insertMany([...rows, rows[0]!])).rejects.toThrow();
    expect(await storedDayCounts(store)).toEqual(before);
  });
});
