/**
 * Who an account shows as its owners: its account holders. Accounts whose holders were never
 * recorded show one pseudo-owner carrying the stored holder name and empty ids, as OBP does.
 */
import type { Repositories } from '../../store/index.js';
import type { Account, User } from '../model.js';

export type AccountOwner = Pick<User, 'providerId' | 'provider' | 'username'>;

export async function accountOwners(store: Repositories, account: Account): Promise<AccountOwner[]> {
  const holderIds = await store.accounts.holders(account.bankId, account.accountId);
  if (holderIds.length === 0) return [{ providerId: '', provider: '', username: account.holderName }];
  const users = await store.users.getMany(holderIds);
  const byId = new Map(users.map((u) => [u.userId, u]));
  // holders() is ordered by user id; keep that order so the list is stable across calls
  return holderIds.flatMap((id) => {
    const u = byId.get(id);
    return u ? [{ providerId: u.providerId, provider: u.provider, username: u.username }] : [];
  });
}
