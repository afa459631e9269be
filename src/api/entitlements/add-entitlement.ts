import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { isRoleName, requiresBankId, type RoleName } from '../../domain/roles.js';
import { obpError } from '../../errors/obp-error.js';
import { entitlementJson } from '../../json/v200.js';
import { endpoint } from '../endpoint.js';
import { exampleEntitlement } from './entitlement-json.js';
import { sortedRoleNames } from './roles.js';

const CreateEntitlementBody = Type.Object({
  bank_id: Type.String(),
  role_name: Type.String(),
});

const grantRoles: RoleName[][] = [['CanCreateEntitlementAtOneBank'], ['CanCreateEntitlementAtAnyBank']];

export const addEntitlement = endpoint({
  operationId: 'OBPv2.0.0-addEntitlement',
  verb: 'POST',
  path: '/users/USER_ID/entitlements',
  summary: 'Add Entitlement for a User',
  description: [
    'Create Entitlement. Grant a Role to the User specified by USER_ID.',
    '',
    'Entitlements are used to grant System or Bank level roles to Users. (For Account level privileges, see Views.)',
    '',
    'For a System level Role (e.g. CanGetAnyUser), set bank_id to an empty string i.e. `"bank_id":""`.',
    '',
    'For a Bank level Role (e.g. CanCreateAccount), set bank_id to a valid value e.g. `"bank_id":"my-bank-id"`.',
    '',
    'Authentication is required. The caller needs CanCreateEntitlementAtOneBank at that bank_id or',
    'CanCreateEntitlementAtAnyBank, unless it is a Super Admin (listed by user id in the server configuration).',
  ].join('\n'),
  tags: ['Role', 'Entitlement', 'User'],
  style: 'new',
  auth: 'user',
  roles: {
    anyOf: grantRoles,
    check: 'handler',
    condition: 'checked at the body bank_id, after the role name; super admins need no role',
  },
  errors: ['OBP-20005', 'OBP-20050', 'OBP-10001', 'OBP-10007', 'OBP-30205', 'OBP-30206', 'OBP-30001', 'OBP-30216', 'OBP-50000'],
  body: CreateEntitlementBody,
  example: { request: { bank_id: 'gh.29.uk', role_name: 'CanCreateBranch' }, response: exampleEntitlement },
  successStatus: 201,
  handler: async (ctx) => {
    const { params, body, store, services } = ctx;
    const caller = ctx.user();
    const userId = params.USER_ID;
    if (!(await store.users.get(userId))) throw obpError('OBP-20005', ` Current USER_ID(${userId})`);
    const { bank_id: bankId, role_name: roleName } = body;
    if (!isRoleName(roleName)) {
      throw obpError('OBP-10007', `${roleName}. Possible roles are ${sortedRoleNames.join(', ')}`);
    }
    const bankRole = requiresBankId(roleName);
    if (bankRole !== (bankId !== '')) throw obpError(bankRole ? 'OBP-30205' : 'OBP-30206');
    if (!services.isSuperAdmin(caller)) await ctx.requireRoles({ anyOf: grantRoles }, bankId);
    // OBP answers 400 here, not the 404 its other bank lookups give.
    if (bankId !== '' && !(await store.banks.exists(bankId))) throw obpError('OBP-30001', '', 400);
    if (await store.entitlements.find(userId, bankId, roleName)) throw obpError('OBP-30216');
    const entitlement = { entitlementId: randomUUID(), userId, bankId, roleName };
    try {
      await store.entitlements.insert(entitlement);
    } catch (err) {
      // A concurrent grant of the same role won the unique (user, bank, role) index.
      if (await store.entitlements.find(userId, bankId, roleName)) throw obpError('OBP-30216');
      throw err;
    }
    return entitlementJson(entitlement);
  },
});
