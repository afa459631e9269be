/**
 * Opening an account through the API (v2.0.0 createAccount): the account row, its holder and the
 * holder's views are written in one transaction, so a failure leaves nothing behind.
 */
import { randomInt } from 'node:crypto';
import type { Repositories, Store } from '../../store/index.js';
import type { Account } from '../model.js';
import { viewsForCreatedAccount } from '../views/definitions.js';

export interface NewAccount {
  bankId: string;
  accountId: string;
  kind: string;
  label: string;
  /** ISO 4217, already validated */
  currency: string;
  holder: { userId: string; name: string };
}

export type CreateOutcome =
  | { outcome: 'created'; account: Account }
  /** the ACCOUNT_ID was taken: by an account the holder already has, or by someone else's */
  | { outcome: 'existing'; account: Account; heldByHolder: boolean };

/** Random 8-digit numbers, lengthened by a digit after repeated collisions, unique within the bank. */
export async function freshAccountNumber(store: Repositories, bankId: string): Promise<string> {
  for (let digits = 8; ; digits++) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const candidate = String(randomInt(10 ** (digits - 1), 10 ** digits));
      if (!(await store.accounts.numberTaken(bankId, candidate))) return candidate;
    }
  }
}

export async function createAccount(store: Store, input: NewAccount): Promise<CreateOutcome> {
  const existing = await existingOutcome(store, input);
  if (existing) return existing;
  try {
    return await store.transaction(async (tx) => {
      const account: Account = {
        bankId: input.bankId,
        accountId: input.accountId,
        number: await freshAccountNumber(tx, input.bankId),
        kind: input.kind,
        label: input.label,
        currency: input.currency.toUpperCase(),
        balance: 0n,
        holderName: input.holder.name,
        iban: '',
        swiftBic: '',
        routingScheme: '',
        routingAddress: '',
      };
      await tx.accounts.insert(account);
      await tx.accounts.addHolder(input.bankId, input.accountId, input.holder.userId);
      for (const viewId of viewsForCreatedAccount) {
        await tx.access.grant(input.holder.userId, input.bankId, input.accountId, viewId);
      }
      return { outcome: 'created' as const, account };
    });
  } catch (error) {
    // a concurrent request for the same ACCOUNT_ID won the insert: answer as if it had come first
    const raced = await existingOutcome(store, input);
    if (raced) return raced;
    throw error;
  }
}

async function existingOutcome(store: Repositories, input: NewAccount): Promise<CreateOutcome | undefined> {
  const account = await store.accounts.get(input.bankId, input.accountId);
  if (!account) return undefined;
  const holders = await store.accounts.holders(input.bankId, input.accountId);
  return { outcome: 'existing', account, heldByHolder: holders.includes(input.holder.userId) };
}
