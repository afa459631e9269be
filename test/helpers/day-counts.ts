/** Checks of the per-day transaction counts (migration 0012) against the transactions themselves. */
import { expect } from 'vitest';
import type { Store } from '../../src/store/index.js';

export const dayMs = 86_400_000;

/** the counts the table must hold: every account's transactions per UTC day, counted here */
export async function expectedDayCounts(store: Store): Promise<string[]> {
  const rows = await store.connection.db.selectFrom('transactions').select(['bank_id', 'account_id', 'completed_at']).execute();
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = JSON.stringify([r.bank_id, r.account_id, Math.floor(Number(r.completed_at) / dayMs)]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${key} ${n}`).sort();
}

export async function storedDayCounts(store: Store): Promise<string[]> {
  const rows = await store.connection.db.selectFrom('transaction_day_counts').selectAll().execute();
  return rows.map((r) => `${JSON.stringify([r.bank_id, r.account_id, Number(r.day)])} ${Number(r.n)}`).sort();
}

/** the stored counts are exactly the transactions' counts, day by day */
export async function expectDayCountsRight(store: Store): Promise<void> {
  expect(await storedDayCounts(store)).toEqual(await expectedDayCounts(store));
}
