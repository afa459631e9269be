/** Which cards a user sees, and the accounts shown with them. */
import type { AccountRef } from '../model.js';
import type { Repositories } from '../../store/index.js';
import { assignedViews } from '../views/access.js';
import type { CardAccount, PhysicalCard } from './card.js';

export interface ListedCard {
  card: PhysicalCard;
  account: CardAccount;
}

/**
 * The cards linked to accounts the user can access privately (holds a private view on), at one bank
 * or at all: OBP's getPhysicalCardsForUser. Nobody sees a card of an account they cannot see.
 */
export async function cardsOfUser(store: Repositories, userId: string, bankId?: string): Promise<ListedCard[]> {
  const summaries = await store.access.privateAccountSummaries(userId);
  const visible = bankId === undefined ? summaries : summaries.filter((a) => a.bankId === bankId);
  return withAccounts(store, await store.cards.forAccounts(visible));
}

/** Each card with its account's label and assigned views (one lookup per distinct account). */
export async function withAccounts(store: Repositories, cards: readonly PhysicalCard[]): Promise<ListedCard[]> {
  const keyOf = (a: AccountRef) => JSON.stringify([a.bankId, a.accountId]);
  const accounts = new Map<string, Promise<CardAccount | undefined>>();
  const accountOf = (ref: AccountRef) => {
    const key = keyOf(ref);
    let found = accounts.get(key);
    if (!found) {
      found = cardAccount(store, ref);
      accounts.set(key, found);
    }
    return found;
  };
  const listed = await Promise.all(cards.map(async (card) => ({ card, account: await accountOf(card) })));
  // a card's account is never removed while the card exists; skip rather than fail if one ever is
  return listed.filter((l): l is ListedCard => l.account !== undefined);
}

export async function cardAccount(store: Repositories, ref: AccountRef): Promise<CardAccount | undefined> {
  const account = await store.accounts.get(ref.bankId, ref.accountId);
  if (!account) return undefined;
  const views = await assignedViews(store, ref.bankId, ref.accountId);
  return { accountId: account.accountId, bankId: account.bankId, label: account.label, views };
}
