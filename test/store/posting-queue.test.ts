/**
 * Payments made together (group commit) on both dialects: a batch records the same balances as the
 * same payments made one by one in order, an overdraft anywhere refuses the whole batch, and the
 * queue batches what arrives while a payment runs, giving a refused payment its own error and every
 * other payment its commit.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchRefused, postMany } from '../../src/domain/payments/ledger.js';
import { postingQueue, type QueuedPayment } from '../../src/domain/payments/posting-queue.js';
import { ObpError } from '../../src/errors/obp-error.js';
import type { Store } from '../../src/store/index.js';
import type { TransactionRequestRow } from '../../src/store/repos/transaction-requests.js';
import { accountRecord, bankRecord } from '../helpers/records.js';
import { postingBetween } from '../helpers/payments.js';
import { openTestStore } from '../helpers/store.js';

let store: Store;
let dispose: () => Promise<void>;
const bankId = `batch-${randomUUID().slice(0, 8)}`;
beforeAll(async () => {
  ({ store, dispose } = await openTestStore());
  await store.banks.insert(bankRecord(bankId));
});
afterAll(async () => dispose());

type Ref = { bankId: string; accountId: string };

const newAccount = async (balance: bigint): Promise<Ref> => {
  const accountId = `a-${randomUUID()}`;
  await store.accounts.insert(accountRecord(bankId, accountId, balance));
  return { bankId, accountId };
};

function payment(source: Ref, target: Ref, cents: bigint): QueuedPayment {
  const transactionId = randomUUID();
  const row: TransactionRequestRow = {
    transaction_request_id: randomUUID(),
    type: 'SANDBOX_TAN',
    bank_id: source.bankId,
    account_id: source.accountId,
    details: '{}',
    currency: 'EUR',
    amount: cents,
    status: 'COMPLETED',
    transaction_id: transactionId,
    start_date: Date.now(),
    end_date: Date.now(),
    charge_policy: 'SHARED',
    charge_summary: '',
    charge_currency: 'EUR',
    charge_amount: '0.0',
    to_bank_id: target.bankId,
    to_account_id: target.accountId,
    debit_amount: cents,
    credit_currency: 'EUR',
    credit_amount: cents,
    payee: '{}',
    challenge_id: '',
    challenge_type: '',
    challenge_allowed_attempts: 0,
    challenge_attempts: 0,
    challenge_answer_hash: '',
    challenge_user_id: '',
    challenge_expires_at: 0,
  };
  return { row, posting: { ...postingBetween(source, target, cents), debitTransactionId: transactionId } };
}

const balance = async (r: Ref) => (await store.accounts.get(r.bankId, r.accountId))!.balance;

describe('postMany', () => {
  it('records each transaction with the balance after it, as if made one by one in order', async () => {
    const [a, b, c] = [await newAccount(1_000n), await newAccount(0n), await newAccount(50n)];
    const postings = [
      postingBetween(a, b, 300n),
      postingBetween(b, c, 100n),
      postingBetween(a, b, 200n),
      postingBetween(a, a, 7n),
      postingBetween(c, a, 150n),
    ];
    const posted = await store.transaction((tx) => postMany(tx, postings));
    expect(posted).toHaveLength(5);
    expect([await balance(a), await balance(b), await balance(c)]).toEqual([650n, 400n, 0n]);
    const legs = [...(await store.transactions.forAccount(bankId, a.accountId))];
    const byId = new Map(
      [
        ...legs,
        ...(await store.transactions.forAccount(bankId, b.accountId)),
        ...(await store.transactions.forAccount(bankId, c.accountId)),
      ].map((t) => [t.transactionId, t]),
    );
    const after = posted.flatMap((p) => [
      byId.get(p.debitTransactionId)!.newBalance,
      byId.get(p.creditTransactionId)!.newBalance,
    ]);
    // a: 1000 -300 = 700; b: 300; b -100 = 200; c: 150; a -200 = 500; b: 400; a -7 = 493, a +7 = 500; c -150 = 0; a: 650
    expect(after).toEqual([700n, 300n, 200n, 150n, 500n, 400n, 493n, 500n, 0n, 650n]);
    // every balance is its opening balance plus its transactions
    for (const [r, opening] of [
      [a, 1_000n],
      [b, 0n],
      [c, 50n],
    ] as const) {
      const sum = (await store.transactions.forAccount(bankId, r.accountId)).reduce((s, t) => s + t.amount, 0n);
      expect(await balance(r)).toBe(opening + sum);
    }
  });

  it('an overdraft of any posting refuses the batch and nothing is written', async () => {
    const [a, b] = [await newAccount(100n), await newAccount(0n)];
    await store.ledger.setOverdraftLimit(a.bankId, a.accountId, 0n);
    // the net change (-100) would be allowed; the second payment alone overdraws before the refund
    await expect(
      store.transaction((tx) => postMany(tx, [postingBetween(a, b, 60n), postingBetween(a, b, 60n), postingBetween(b, a, 20n)])),
    ).rejects.toBeInstanceOf(BatchRefused);
    expect([await balance(a), await balance(b)]).toEqual([100n, 0n]);
    expect(await store.transactions.forAccount(bankId, a.accountId)).toEqual([]);
  });

  it('a missing account refuses the batch', async () => {
    const a = await newAccount(100n);
    await expect(
      store.transaction((tx) =>
        postMany(tx, [postingBetween(a, { bankId, accountId: 'missing' }, 1n), postingBetween(a, a, 1n)]),
      ),
    ).rejects.toBeInstanceOf(BatchRefused);
    expect(await balance(a)).toBe(100n);
  });
});

describe('postingQueue', () => {
  /** the store, counting its transactions */
  function counted() {
    let transactions = 0;
    const counting: Store = { ...store, transaction: (fn) => (transactions++, store.transaction(fn)) };
    return { counting, transactions: () => transactions };
  }

  it('makes what arrives while a payment runs in one transaction', async () => {
    const accounts = await Promise.all(Array.from({ length: 6 }, () => newAccount(10_000n)));
    const { counting, transactions } = counted();
    const queue = postingQueue(counting, { maxInFlight: 1 });
    const payments = Array.from({ length: 30 }, (_, i) => payment(accounts[i % 6]!, accounts[(i + 1) % 6]!, BigInt(i + 1)));
    await Promise.all(payments.map((p) => queue.submit(p)));
    // the first alone, the 29 that waited for it together
    expect(transactions()).toBe(2);
    const total = (await Promise.all(accounts.map(balance))).reduce((s, b) => s + b, 0n);
    expect(total).toBe(60_000n);
    const stored = await Promise.all(payments.map((p) => store.transactionRequests.get(p.row.transaction_request_id)));
    expect(stored.every((r) => r?.status === 'COMPLETED')).toBe(true);
  });

  it('a refused payment gets its own error; the others of its batch commit', async () => {
    const [a, b, poor] = [await newAccount(10_000n), await newAccount(0n), await newAccount(5n)];
    await store.ledger.setOverdraftLimit(poor.bankId, poor.accountId, 0n);
    const faults: unknown[] = [];
    const queue = postingQueue(store, { maxInFlight: 1, onFault: (err) => faults.push(err) });
    const payments = [payment(a, b, 1n), payment(a, b, 2n), payment(poor, b, 6n), payment(a, b, 3n), payment(b, a, 1n)];
    const outcomes = await Promise.allSettled(payments.map((p) => queue.submit(p)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const refused = outcomes[2] as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ObpError);
    expect((refused.reason as ObpError).code).toBe('OBP-40901');
    expect([await balance(a), await balance(b), await balance(poor)]).toEqual([9_995n, 5n, 5n]);
    expect(await store.transactionRequests.get(payments[2]!.row.transaction_request_id)).toBeUndefined();
    // a refused payment is not a fault
    expect(faults).toEqual([]);
  });

  it('a batch failing for another reason is reported, and each payment still gets its own answer', async () => {
    const [a, b] = [await newAccount(1_000n), await newAccount(0n)];
    const faults: unknown[] = [];
    const queue = postingQueue(store, { maxInFlight: 1, onFault: (err) => faults.push(err) });
    const first = payment(a, b, 1n);
    // the same request id twice: the batch's insert fails on the primary key
    const twin = { ...payment(a, b, 2n), row: { ...payment(a, b, 2n).row, transaction_request_id: 'twin' } };
    const outcomes = await Promise.allSettled(
      [first, twin, { ...twin, posting: { ...twin.posting } }].map((p) => queue.submit(p)),
    );
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect(faults).toHaveLength(1);
    expect(await balance(a)).toBe(997n);
  });
});
