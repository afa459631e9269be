/** UserJsonV200 for one or many users, each with the entitlements they hold. */
import type { Entitlement, User } from '../../domain/model.js';
import { entitlementJson, userJson } from '../../json/v200.js';
import type { Repositories } from '../../store/index.js';

/** One user with its entitlements in the order they were granted (OBP's `assignedEntitlements`). */
export async function userWithEntitlements(
  store: Pick<Repositories, 'entitlements'>,
  user: Pick<User, 'userId' | 'email' | 'providerId' | 'provider' | 'username'>,
) {
  const held = await store.entitlements.forUser(user.userId);
  return userJson(user, held.map(entitlementJson));
}

/**
 * Many users with one entitlement query. `byRoleName` sorts each user's entitlements by role name,
 * as OBP's v2.1.0 user list does; otherwise they keep the order they were granted in.
 */
export async function usersWithEntitlements(
  store: Pick<Repositories, 'entitlements'>,
  users: readonly User[],
  byRoleName = false,
) {
  const held = await store.entitlements.forUsers(users.map((u) => u.userId));
  const byUser = new Map<string, Entitlement[]>();
  for (const e of held) {
    const list = byUser.get(e.userId);
    if (list) list.push(e);
    else byUser.set(e.userId, [e]);
  }
  return users.map((u) => {
    const list = byUser.get(u.userId) ?? [];
    if (byRoleName) list.sort((a, b) => (a.roleName < b.roleName ? -1 : a.roleName > b.roleName ? 1 : 0));
    return userJson(u, list.map(entitlementJson));
  });
}

export const exampleUser = {
  user_id: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1',
  email: 'felixsmith@example.com',
  provider_id: 'Chris',
  provider: 'http://127.0.0.1:8080',
  username: 'felixsmith',
  entitlements: {
    list: [{ entitlement_id: '6fb17583-1e49-4435-bb74-a14fe0996723', role_name: 'CanQueryOtherUser', bank_id: 'gh.29.uk' }],
  },
};
