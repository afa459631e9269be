/**
 * Who may hand out or take back which view on an account (OBP §7.6). Rights come from the views the
 * caller holds there: a system view is grantable when it is listed in `can_grant_access_to_views` of
 * one of them, a custom view when one of them carries `can_grant_access_to_custom_views`.
 */
import { obpError } from '../../errors/obp-error.js';
import type { Repositories, Store } from '../../store/index.js';
import { heldViews, isCustomViewId, ownerViewId, viewOn } from './access.js';
import type { ViewDefinition } from './definitions.js';

export type AccessChange = 'grant' | 'revoke';

export function mayChangeAccess(callerViews: readonly ViewDefinition[], viewId: string, change: AccessChange): boolean {
  if (isCustomViewId(viewId)) {
    const flag = change === 'grant' ? 'can_grant_access_to_custom_views' : 'can_revoke_access_to_custom_views';
    return callerViews.some((v) => v.permissions.has(flag));
  }
  return callerViews.some((v) => (change === 'grant' ? v.canGrantAccessToViews : v.canRevokeAccessToViews).includes(viewId));
}

function refused(change: AccessChange, detail = '') {
  return obpError(change === 'grant' ? 'OBP-20047' : 'OBP-20048', detail, 403);
}

/**
 * The views named, each existing on the account and each one the caller may grant or revoke there;
 * otherwise 403 (OBP-20047 / OBP-20048), which also covers an unknown view id.
 */
export async function requireChangeableViews(
  store: Repositories,
  callerId: string,
  bankId: string,
  accountId: string,
  viewIds: readonly string[],
  change: AccessChange,
): Promise<ViewDefinition[]> {
  const callerViews = await heldViews(store, callerId, bankId, accountId);
  const out: ViewDefinition[] = [];
  for (const viewId of viewIds) {
    const view = await viewOn(store, bankId, accountId, viewId);
    if (!view || !mayChangeAccess(callerViews, viewId, change)) throw refused(change);
    out.push(view);
  }
  return out;
}

const lastOwner = ' The last owner access to the account cannot be revoked.';

/**
 * Takes views from a user. Runs under a lock on the account so that two parallel revokes of the
 * last two owners cannot both see "another owner remains" (check and delete in one transaction).
 * `all` removes every view the user holds except an owner access nobody else has (OBP Q8 fixed).
 */
export async function revokeAccess(
  store: Store,
  userId: string,
  bankId: string,
  accountId: string,
  viewIds: readonly string[] | 'all',
): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.access.lockAccount(bankId, accountId);
    const held = await tx.access.viewsOf(userId, bankId, accountId);
    const owners = await tx.access.holdersOfView(bankId, accountId, ownerViewId);
    const keepsOwner = held.includes(ownerViewId) && owners.length === 1 && owners[0] === userId;
    let targets = viewIds === 'all' ? held : viewIds.filter((id) => held.includes(id));
    if (keepsOwner) {
      if (viewIds !== 'all' && targets.includes(ownerViewId)) throw refused('revoke', lastOwner);
      targets = targets.filter((id) => id !== ownerViewId);
    }
    for (const viewId of targets) await tx.access.revoke(userId, bankId, accountId, viewId);
  });
}
