/** Entitlement lists as OBP sends them, with the SuperAdmin pseudo entry where OBP adds it. */
import type { Entitlement } from '../../domain/model.js';
import { entitlementJson, superAdminEntitlement } from '../../json/v200.js';
import type { Services } from '../../http/services.js';

export const exampleEntitlement = {
  entitlement_id: '6fb17583-1e49-4435-bb74-a14fe0996723',
  role_name: 'CanQueryOtherUser',
  bank_id: 'gh.29.uk',
};

/**
 * The list for USER_ID; a super admin (by user id) gets the pseudo entry
 * `{"entitlement_id":"","role_name":"SuperAdmin","bank_id":""}` appended.
 */
export function entitlementListFor(services: Services, userId: string, entitlements: readonly Entitlement[]) {
  const list: object[] = entitlements.map(entitlementJson);
  if (services.isSuperAdmin({ userId })) list.push(superAdminEntitlement);
  return { list };
}
