/**
 * The payment repositories on both dialects: balance changes in lock order with their new balances,
 * the overdraft guard, the attempt counter and the status compare-and-set, idempotency keys.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import type { TransactionRequestRow } from '../../src/store/repos/transaction-requests.js';
import { accountRecord, bankRecord } from '../helpers/records.js';
import { openTestStore } from '../helpers/store.js';

let store: Store;
let dispose: () => Promise<void>;
const bankId = `pay-${randomUUID().slice(0, 8)}`;
beforeAll(async () => {
  ({ store, dispose } = await openTestStore());
  await store.banks.insert(bankRecord(bankId));
});
afterAll(async () => dispose());

const newAccount = async (balance: bigint) => {
  const accountId = `a-${randomUUID()}`;
  await store.accounts.insert(accountRecord(bankId, accountId, balance));
  return { bankId, accountId };
};

function request(a: { bankId: string; accountId: string }, allowed = 3): TransactionRequestRow {
  return {
    transaction_request_id: randomUUID(),
    type: 'SANDBOX_TAN',
    bank_id: a.bankId,
    account_id: a.accountId,
    details: '{}',
    currency: 'EUR',
    amount: 100,
    status: 'INITIATED',
    transaction_id: '',
    start_date: Date.now(),
    end_date: Date.now(),
    charge_policy: 'SHARED',
    charge_summary: '',
    charge_currency: 'EUR',
    charge_amount: '2.0',
    to_bank_id: a.bankId,
    to_account_id: a.accountId,
    debit_amount: 100,
    credit_currency: 'EUR',
    credit_amount: 100,
    payee: '{}',
    challenge_id: randomUUID(),
    challenge_type: 'OBP_TRANSACTION_REQUEST_CHALLENGE',
    challenge_allowed_attempts: allowed,
    challenge_attempts: 0,
    challenge_answer_hash: 'x',
    challenge_user_id: 'u',
    challenge_expires_at: Date.now() + 60_000,
  };
}

describe('ledger', () => {
  it('answers each change its balance after it, in the given order whatever the lock order', async () => {
    const [a, b] = [await newAccount(1_000n), await newAccount(0n)];
    const [first, second] = a.accountId < b.accountId ? [b, a] : [a, b];
    const outcome = await store.transaction((tx) =>
      tx.ledger.applyBalanceChanges([
        { ...first, delta: -300n },
        { ...second, delta: 300n },
        { ...first, delta: 50n },
      ]),
    );
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.balances).toHaveLength(3);
    expect(
      (await store.accounts.get(a.bankId, a.accountId))!.balance + (await store.accounts.get(b.bankId, b.accountId))!.balance,
    ).toBe(1_050n);
  });

  it('an overdraft limit refuses the debit in the same statement; a missing account is reported', async () => {
    const a = await newAccount(100n);
    await store.ledger.setOverdraftLimit(a.bankId, a.accountId, 50n);
    expect(await store.ledger.applyBalanceChanges([{ ...a, delta: -151n }])).toEqual({
      ok: false,
      reason: 'overdraft',
      index: 0,
    });
    expect(await store.ledger.applyBalanceChanges([{ ...a, delta: -150n }])).toEqual({ ok: true, balances: [-50n] });
    expect(await store.ledger.applyBalanceChanges([{ bankId, accountId: 'missing', delta: 1n }])).toEqual({
      ok: false,
      reason: 'missing',
      index: 0,
    });
    await store.ledger.setOverdraftLimit(a.bankId, a.accountId, null);
    expect(await store.ledger.applyBalanceChanges([{ ...a, delta: -1_000n }])).toEqual({ ok: true, balances: [-1_050n] });
  });

  it('a settlement account is created once however many ask at once', async () => {
    const id = `DEFAULT_SETTLEMENT_ACCOUNT_EUR-${randomUUID().slice(0, 4)}`;
    await Promise.all(Array.from({ length: 5 }, () => store.ledger.ensureSettlementAccount(bankId, id, 'EUR')));
    expect((await store.accounts.get(bankId, id))?.balance).toBe(0n);
  });
});

describe('counterparty metadata rows known to this process', () => {
  const key = () => ({ bankId, accountId: `a-${randomUUID()}`, counterpartyId: randomUUID() });

  it('are known only once the transaction that wrote them commits', async () => {
    const [kept, rolledBack] = [key(), key()];
    await store.transaction(async (tx) => {
      await tx.counterparties.insertNew([{ ...kept, name: 'n', publicAlias: `ALIAS_${randomUUID()}` }]);
      tx.counterparties.remember([kept]);
      expect(store.counterparties.isKnown(kept)).toBe(false);
    });
    expect(store.counterparties.isKnown(kept)).toBe(true);
    await expect(
      store.transaction(async (tx) => {
        await tx.counterparties.insertNew([{ ...rolledBack, name: 'n', publicAlias: `ALIAS_${randomUUID()}` }]);
        tx.counterparties.remember([rolledBack]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(store.counterparties.isKnown(rolledBack)).toBe(false);
    expect(await store.counterparties.existing([kept, rolledBack])).toEqual([kept]);
  });
});

describe('transaction requests', () => {
  it('attempts are counted up to the allowance only; the status changes once', async () => {
    const a = await newAccount(0n);
    const r = request(a, 3);
    await store.transactionRequests.insert(r);
    const counted = await Promise.all(
      Array.from({ length: 6 }, () => store.transactionRequests.countAttempt(r.transaction_request_id)),
    );
    expect(counted.filter((c) => c !== undefined)).toHaveLength(3);
    const done = await Promise.all(
      Array.from({ length: 5 }, () => store.transactionRequests.complete(r.transaction_request_id, randomUUID(), Date.now())),
    );
    expect(done.filter(Boolean)).toHaveLength(1);
    expect(await store.transactionRequests.countAttempt(r.transaction_request_id)).toBeUndefined();
  });

  it('the CHECKs refuse an INITIATED request with a transaction and a non-positive amount', async () => {
    const a = await newAccount(0n);
    await expect(store.transactionRequests.insert({ ...request(a), transaction_id: 'tx' })).rejects.toThrow();
    await expect(store.transactionRequests.insert({ ...request(a), amount: 0 })).rejects.toThrow();
    await expect(store.transactionRequests.insert({ ...request(a), status: 'COMPLETED', transaction_id: '' })).rejects.toThrow();
  });
});

describe('idempotency keys', () => {
  const scope = () => ({ userId: randomUUID(), consumerId: '1', operation: 'op', path: '/p', key: 'k' });

  it('claim, save, find; a second claim fails; release frees the key; expired keys are purged', async () => {
    const s = scope();
    const now = Date.now();
    await store.idempotencyKeys.claim(s, 'h1', now, 1_000);
    await store.idempotencyKeys.saveResponse(s, '{"ok":true}');
    expect(await store.idempotencyKeys.find(s, now)).toEqual({ request_hash: 'h1', response: '{"ok":true}' });
    await expect(store.idempotencyKeys.claim(s, 'h2', now, 1_000)).rejects.toThrow();
    // once expired it is gone for find, may be claimed again, and is purged
    expect(await store.idempotencyKeys.find(s, now + 2_000)).toBeUndefined();
    await store.idempotencyKeys.claim(s, 'h3', now + 2_000, 1_000);
    expect((await store.idempotencyKeys.find(s, now + 2_000))?.request_hash).toBe('h3');
    await store.idempotencyKeys.release(s);
    expect(await store.idempotencyKeys.find(s, now)).toBeUndefined();
    const old = scope();
    await store.idempotencyKeys.claim(old, 'h', now - 10_000, 1_000);
    const rowsOf = (userId: string) =>
      store.connection.db.selectFrom('idempotency_keys').select('request_hash').where('user_id', '=', userId).execute();
    expect(await rowsOf(old.userId)).toHaveLength(1);
    await store.idempotencyKeys.purgeExpired(now);
    expect(await rowsOf(old.userId)).toHaveLength(0);
  });
});
