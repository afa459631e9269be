/**
 * The rare payment whose counterparty's random `ALIAS_` public alias is already taken in its account:
 * the row is still created, under an alias the account does not have yet. Random aliases are pinned
 * here so that the collision is certain.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { post } from '../../src/domain/payments/ledger.js';
import type { Store } from '../../src/store/index.js';
import { accountRecord, bankRecord } from '../helpers/records.js';
import { postingBetween } from '../helpers/payments.js';
import { openTestStore } from '../helpers/store.js';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  // three random bytes make a new alias: always the same ones
  const randomBytes = (n: number) => (n === 3 ? Buffer.from('abcdef', 'hex') : actual.randomBytes(n));
  return { ...actual, default: { ...actual, randomBytes }, randomBytes };
});

let store: Store;
let dispose: () => Promise<void>;
const bankId = `alias-${randomUUID().slice(0, 8)}`;
beforeAll(async () => {
  ({ store, dispose } = await openTestStore());
  await store.banks.insert(bankRecord(bankId));
});
afterAll(async () => dispose());

describe('a public alias already taken in the account', () => {
  it('the new counterparty gets a longer alias the account does not have', async () => {
    const [from, to] = [`a-${randomUUID()}`, `a-${randomUUID()}`];
    await store.accounts.insert(accountRecord(bankId, from, 1_000n));
    await store.accounts.insert(accountRecord(bankId, to, 0n));
    await store.counterparties.ensure(bankId, from, [
      { counterpartyId: 'earlier', name: 'Earlier', publicAlias: 'ALIAS_ABCDEF' },
    ]);
    await store.transaction((tx) => post(tx, postingBetween({ bankId, accountId: from }, { bankId, accountId: to }, 100n)));
    const aliases = [...(await store.counterparties.publicAliases(bankId, from))].sort();
    expect(aliases).toHaveLength(2);
    expect(aliases[0]).toBe('ALIAS_ABCDEF');
    expect(aliases[1]).toMatch(/^ALIAS_ABCDEF[0-9A-F]{2}$/);
    // the payee's account had no alias yet: its row took the pinned one
    expect([...(await store.counterparties.publicAliases(bankId, to))]).toEqual(['ALIAS_ABCDEF']);
    expect((await store.accounts.get(bankId, from))!.balance).toBe(900n);
  });
});
