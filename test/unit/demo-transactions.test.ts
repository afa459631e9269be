import { describe, expect, it } from 'vitest';
import { generateTransactions, seeded, timeOrderedId } from '../../src/demo-data/transactions.js';

describe('generated demo transactions', () => {
  it('have version-7 UUIDs that sort as their completed dates do', () => {
    const plan = {
      bankId: 'b',
      accountId: 'a',
      currency: 'EUR',
      openingBalance: 0n,
      from: Date.UTC(2021, 0, 1),
      to: Date.UTC(2026, 0, 1),
    };
    const { transactions } = generateTransactions(plan, seeded(7), 0, 2_000, 2_000, 0n);
    for (const t of transactions) {
      expect(t.transactionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(parseInt(t.transactionId.replace(/-/g, '').slice(0, 12), 16)).toBe(t.completedAt);
    }
    const ids = transactions.map((t) => t.transactionId);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('share one implicit counterparty id per counterparty name', () => {
    const plan = { bankId: 'b', accountId: 'a', currency: 'EUR', openingBalance: 0n, from: 0, to: 1e9 };
    const { transactions } = generateTransactions(plan, seeded(1), 0, 500, 500, 0n);
    const byName = new Map<string, Set<string>>();
    for (const t of transactions)
      byName.set(t.counterpartyName, (byName.get(t.counterpartyName) ?? new Set()).add(t.counterpartyId));
    expect(byName.size).toBeGreaterThan(3);
    for (const ids of byName.values()) expect(ids.size).toBe(1);
  });

  it('writes a date before 1970 as time zero rather than a malformed id', () => {
    expect(timeOrderedId(-5).slice(0, 13)).toBe('00000000-0000');
  });
});
