/**
 * Realistic transactions for demo and benchmark accounts: exact minor-unit amounts, dates spread over
 * the chosen span, a running balance, and a small set of counterparties that repeat as in a real
 * account (salary in, rent and utilities out, shops often). Deterministic for a given seed.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from '../domain/model.js';
import { implicitCounterpartyId } from '../domain/sandbox-import/counterparty-id.js';

/** A small deterministic generator so every demo database looks the same. */
export function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

interface CounterpartyKind {
  name: string;
  /** typical amount in minor units; negative = money out */
  typical: number;
  /** relative frequency */
  weight: number;
  bankName: string;
}

export const demoCounterparties: readonly CounterpartyKind[] = [
  { name: 'Payroll GmbH', typical: 320_000, weight: 1, bankName: 'Deutsche Bank' },
  { name: 'Rent Ltd', typical: -110_000, weight: 1, bankName: 'Commerzbank' },
  { name: 'City Utilities', typical: -9_500, weight: 1, bankName: 'Sparkasse' },
  { name: 'Corner Bakery', typical: -650, weight: 8, bankName: 'Volksbank' },
  { name: 'Acme Inc.', typical: -4_200, weight: 3, bankName: 'ING' },
  { name: 'Piano Repair', typical: -15_000, weight: 0.3, bankName: 'GLS Bank' },
  { name: 'Green Grocer', typical: -2_300, weight: 6, bankName: 'Sparkasse' },
  { name: 'Metro Transit', typical: -290, weight: 5, bankName: 'Postbank' },
  { name: 'Book Nook', typical: -1_800, weight: 1, bankName: 'DKB' },
  { name: 'Friends & Family', typical: 5_000, weight: 1, bankName: 'N26' },
];
const totalWeight = demoCounterparties.reduce((sum, c) => sum + c.weight, 0);

export interface TransactionPlan {
  bankId: string;
  accountId: string;
  currency: string;
  openingBalance: bigint;
  /** first and last possible completed date (epoch ms) */
  from: number;
  to: number;
}

/**
 * A UUID (version 7) whose leading 48 bits are the completed date: an account's transactions are
 * written in date order, so a bulk load appends to the primary key instead of inserting at random
 * places in it. The other bits are random as in any UUID.
 */
export function timeOrderedId(epochMs: number): string {
  const time = Math.max(0, epochMs).toString(16).padStart(12, '0');
  const random = randomUUID();
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}

interface CounterpartyFields {
  counterpartyId: string;
  counterpartyAccountNumber: string;
  counterpartyIban: string;
}

function pickCounterparty(random: () => number): CounterpartyKind {
  let r = random() * totalWeight;
  for (const c of demoCounterparties) {
    r -= c.weight;
    if (r < 0) return c;
  }
  return demoCounterparties[0]!;
}

/**
 * `count` transactions in date order starting at index `first` of `total` (so a long account can be
 * produced in chunks); returns them and the balance after the last one.
 */
export function generateTransactions(
  plan: TransactionPlan,
  random: () => number,
  first: number,
  count: number,
  total: number,
  balance: bigint,
): { transactions: Transaction[]; balance: bigint } {
  const step = (plan.to - plan.from) / Math.max(total, 1);
  const transactions: Transaction[] = [];
  // derived once per counterparty: hashing the implicit id for every row would dominate a bulk load
  const derived = new Map<CounterpartyKind, CounterpartyFields>();
  for (let n = first; n < first + count; n++) {
    const c = pickCounterparty(random);
    const amount = BigInt(Math.round(c.typical * (0.5 + random())));
    balance += amount;
    const completed = Math.floor(plan.from + n * step + random() * step);
    let fields = derived.get(c);
    if (fields === undefined) {
      const accountNumber = String(10_000_000 + Math.floor(c.weight * 1000) + c.name.length);
      fields = {
        counterpartyId: implicitCounterpartyId(plan.bankId, plan.accountId, c.name),
        counterpartyAccountNumber: accountNumber,
        counterpartyIban: `DE89${accountNumber.padStart(18, '0')}`,
      };
      derived.set(c, fields);
    }
    transactions.push({
      bankId: plan.bankId,
      accountId: plan.accountId,
      transactionId: timeOrderedId(completed),
      kind: amount < 0n ? 'DEBIT' : 'CREDIT',
      description: amount < 0n ? `Payment to ${c.name}` : `Payment from ${c.name}`,
      currency: plan.currency,
      amount,
      newBalance: balance,
      postedAt: completed - 3_600_000,
      completedAt: completed,
      counterpartyId: fields.counterpartyId,
      counterpartyName: c.name,
      counterpartyAccountNumber: fields.counterpartyAccountNumber,
      counterpartyIban: fields.counterpartyIban,
      counterpartyBankName: c.bankName,
      counterpartyKind: 'AC',
    });
  }
  return { transactions, balance };
}
