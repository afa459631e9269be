import type { Endpoint } from '../endpoint.js';
import { addEntitlement } from './add-entitlement.js';
import { deleteEntitlement } from './delete-entitlement.js';
import { getAllEntitlements, getEntitlements, getEntitlementsByBankAndUser } from './list-entitlements.js';
import { getRoles } from './roles.js';

export const entitlementsEndpoints: readonly Endpoint[] = [
  addEntitlement,
  getEntitlements,
  deleteEntitlement,
  getAllEntitlements,
  getEntitlementsByBankAndUser,
  getRoles,
];
