/**
 * The account detail shapes: ModeratedAccountJSON (v1.2.1, with views_available) and
 * ModeratedCoreAccountJSON (v2.0.0, without). Both differ from the plain mapper where OBP's
 * factories do: hidden owners are an empty list, and swift_bic is always null ("None for the moment").
 */
import { accountOwners, type AccountOwner } from '../../domain/accounts/owners.js';
import type { Account } from '../../domain/model.js';
import type { ViewDefinition } from '../../domain/views/definitions.js';
import { moderatedAccountJson, stringOrNull, viewJson } from '../../json/v121.js';
import type { Repositories } from '../../store/index.js';

function ownerJson(o: AccountOwner) {
  return { id: o.providerId, provider: stringOrNull(o.provider), display_name: stringOrNull(o.username) };
}

async function moderated(store: Repositories, account: Account, view: ViewDefinition) {
  const seeOwners = view.permissions.has('can_see_bank_account_owners');
  const owners = seeOwners ? (await accountOwners(store, account)).map(ownerJson) : [];
  // the mapper's own owners/swift_bic are replaced in place, so the field order stays OBP's
  return { ...moderatedAccountJson(account, view, []), owners, swift_bic: null };
}

/** ModeratedCoreAccountJSON: the account as `view` shows it. */
export async function moderatedCoreAccount(store: Repositories, account: Account, view: ViewDefinition) {
  return moderated(store, account, view);
}

/** ModeratedAccountJSON: as the core shape, plus the caller's private views between swift_bic and bank_id. */
export async function moderatedAccountWithViews(
  store: Repositories,
  account: Account,
  view: ViewDefinition,
  viewsAvailable: readonly ViewDefinition[],
) {
  const { bank_id, account_routing, ...head } = await moderated(store, account, view);
  return { ...head, views_available: viewsAvailable.map(viewJson), bank_id, account_routing };
}
