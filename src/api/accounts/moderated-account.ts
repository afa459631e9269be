/** The account detail shapes, with owners resolved from the account holders. */
import { accountOwners, type AccountOwner } from '../../domain/accounts/owners.js';
import type { Account } from '../../domain/model.js';
import type { ViewDefinition } from '../../domain/views/definitions.js';
import { moderatedAccountJson, moderatedAccountWithViewsJson, stringOrNull, type OwnerJson } from '../../json/v121.js';
import type { Repositories } from '../../store/index.js';

function ownerJson(o: AccountOwner): OwnerJson {
  return { id: o.providerId, provider: stringOrNull(o.provider), display_name: stringOrNull(o.username) };
}

async function visibleOwners(store: Repositories, account: Account, view: ViewDefinition): Promise<OwnerJson[]> {
  // owners are only looked up when the view may see them
  return view.permissions.has('can_see_bank_account_owners') ? (await accountOwners(store, account)).map(ownerJson) : [];
}

/** ModeratedCoreAccountJSON: the account as `view` shows it. */
export async function moderatedCoreAccount(store: Repositories, account: Account, view: ViewDefinition) {
  return moderatedAccountJson(account, view, await visibleOwners(store, account, view));
}

/** ModeratedAccountJSON: as the core shape, plus the caller's private views. */
export async function moderatedAccountWithViews(
  store: Repositories,
  account: Account,
  view: ViewDefinition,
  viewsAvailable: readonly ViewDefinition[],
) {
  return moderatedAccountWithViewsJson(account, view, await visibleOwners(store, account, view), viewsAvailable);
}
