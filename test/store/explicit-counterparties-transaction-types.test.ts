/**
 * Explicit counterparties and transaction types on both dialects: the unique indexes decide races,
 * and the SEPA payee lookup finds the latest counterparty by IBAN.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExplicitCounterparty } from '../../src/domain/counterparties/explicit.js';
import type { TransactionType } from '../../src/domain/transactions/transaction-type.js';
import type { Store } from '../../src/store/index.js';
import { openTestStore } from '../helpers/store.js';

let store: Store;
let dispose: () => Promise<void>;
beforeAll(async () => {
  ({ store, dispose } = await openTestStore());
});
afterAll(async () => dispose());

function counterparty(over: Partial<ExplicitCounterparty> = {}): ExplicitCounterparty {
  return {
    counterpartyId: randomUUID(),
    bankId: 'b1',
    accountId: 'a1',
    viewId: 'owner',
    createdByUserId: 'u1',
    name: 'Piano teacher',
    description: 'Miss Nipa',
    otherAccountRoutingScheme: 'OBP',
    otherAccountRoutingAddress: 'acc-2',
    otherAccountSecondaryRoutingScheme: 'IBAN',
    otherAccountSecondaryRoutingAddress: '',
    otherBankRoutingScheme: 'OBP',
    otherBankRoutingAddress: 'b2',
    otherBranchRoutingScheme: '',
    otherBranchRoutingAddress: '',
    isBeneficiary: true,
    bespoke: [{ key: 'k', value: 'v' }],
    createdAt: Date.now(),
    ...over,
  };
}

function transactionType(over: Partial<TransactionType> = {}): TransactionType {
  return {
    transactionTypeId: randomUUID(),
    bankId: `bank-${randomUUID().slice(0, 8)}`,
    shortCode: 'SEPA',
    summary: 's',
    description: 'd',
    chargeCurrency: 'EUR',
    chargeAmount: 9007199254740993n,
    ...over,
  };
}

describe('explicit counterparties', () => {
  it('stores every field, lists per account in creation order, and keeps names unique per account', async () => {
    const accountId = `acc-${randomUUID()}`;
    const first = counterparty({ accountId, createdAt: 1000 });
    expect(await store.explicitCounterparties.insert(first)).toBe(true);
    expect(await store.explicitCounterparties.byId(first.counterpartyId)).toEqual(first);
    expect(await store.explicitCounterparties.insert(counterparty({ accountId }))).toBe(false);
    const other = counterparty({ accountId, name: 'Other', createdAt: 2000, isBeneficiary: false, bespoke: [] });
    expect(await store.explicitCounterparties.insert(other)).toBe(true);
    expect(await store.explicitCounterparties.insert(counterparty({ accountId: `${accountId}-x` }))).toBe(true);
    const listed = await store.explicitCounterparties.listForAccount('b1', accountId);
    expect(listed.map((c) => c.counterpartyId)).toEqual([first.counterpartyId, other.counterpartyId]);
    expect(listed[1]!.isBeneficiary).toBe(false);
    expect(await store.explicitCounterparties.byId(randomUUID())).toBeUndefined();
  });

  it('of concurrent creations of one name exactly one succeeds', async () => {
    const accountId = `acc-${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 8 }, () => store.explicitCounterparties.insert(counterparty({ accountId, name: 'Same' }))),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.explicitCounterparties.listForAccount('b1', accountId)).toHaveLength(1);
  });

  it('finds the latest counterparty by secondary routing address', async () => {
    const iban = `DE${randomUUID()}`;
    const older = counterparty({ accountId: `a-${randomUUID()}`, otherAccountSecondaryRoutingAddress: iban, createdAt: 1000 });
    const newer = counterparty({ accountId: `a-${randomUUID()}`, otherAccountSecondaryRoutingAddress: iban, createdAt: 5000 });
    await store.explicitCounterparties.insert(newer);
    await store.explicitCounterparties.insert(older);
    expect((await store.explicitCounterparties.latestBySecondaryRoutingAddress(iban))?.counterpartyId).toBe(newer.counterpartyId);
    expect(await store.explicitCounterparties.latestBySecondaryRoutingAddress(`${iban}-none`)).toBeUndefined();
  });
});

describe('transaction types', () => {
  it('inserts, updates by id within the bank, and refuses a taken short code as insert or update', async () => {
    const t = transactionType();
    expect(await store.transactionTypes.upsert(t)).toEqual({ kind: 'inserted' });
    expect(await store.transactionTypes.upsert({ ...t, summary: 'changed' })).toEqual({ kind: 'updated' });
    const second = transactionType({ bankId: t.bankId, shortCode: 'OTHER' });
    expect(await store.transactionTypes.upsert({ ...second, shortCode: 'SEPA' })).toEqual({
      kind: 'short-code-taken',
      on: 'insert',
    });
    expect(await store.transactionTypes.upsert(second)).toEqual({ kind: 'inserted' });
    expect(await store.transactionTypes.upsert({ ...second, shortCode: 'SEPA' })).toEqual({
      kind: 'short-code-taken',
      on: 'update',
    });
    // another bank's id is not this bank's to update
    expect(await store.transactionTypes.upsert({ ...t, bankId: `${t.bankId}-x` })).toEqual({
      kind: 'short-code-taken',
      on: 'insert',
    });
    const listed = await store.transactionTypes.forBank(t.bankId);
    expect(listed).toEqual([{ ...t, summary: 'changed' }, second]);
  });

  it('of concurrent upserts of one new short code exactly one inserts', async () => {
    const bankId = `bank-${randomUUID().slice(0, 8)}`;
    const results = await Promise.all(
      Array.from({ length: 8 }, () => store.transactionTypes.upsert(transactionType({ bankId }))),
    );
    expect(results.filter((r) => r.kind === 'inserted')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'short-code-taken')).toHaveLength(7);
  });
});
