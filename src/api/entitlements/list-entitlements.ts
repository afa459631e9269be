import { obpError } from '../../errors/obp-error.js';
import { entitlementJson } from '../../json/v200.js';
import { endpoint } from '../endpoint.js';
import { entitlementListFor, exampleEntitlement } from './entitlement-json.js';

export const getEntitlements = endpoint({
  operationId: 'OBPv2.0.0-getEntitlements',
  verb: 'GET',
  path: '/users/USER_ID/entitlements',
  summary: 'Get Entitlements for User',
  description: [
    'Get the entitlements (roles) of the user specified by USER_ID. A Super Admin also gets the pseudo entry',
    '`{"entitlement_id":"","role_name":"SuperAdmin","bank_id":""}`.',
    '',
    'As in OBP, USER_ID is not looked up: an unknown user simply has no entitlements.',
    '',
    'Authentication is required; the CanGetEntitlementsForAnyUserAtAnyBank entitlement is required.',
  ].join('\n'),
  tags: ['Role', 'Entitlement', 'User', 'Old-Style'],
  style: 'old',
  auth: 'user',
  roles: { anyOf: [['CanGetEntitlementsForAnyUserAtAnyBank']], check: 'auto' },
  errors: ['OBP-50000'],
  example: { response: { list: [exampleEntitlement] } },
  successStatus: 200,
  handler: async ({ params, store, services }) => {
    const held = await store.entitlements.forUser(params.USER_ID);
    return entitlementListFor(services, params.USER_ID, held);
  },
});

export const getAllEntitlements = endpoint({
  operationId: 'OBPv2.0.0-getAllEntitlements',
  verb: 'GET',
  path: '/entitlements',
  summary: 'Get all Entitlements',
  description:
    'Get every entitlement granted on this server, to any user at any bank.\n\nLogin is required; the CanGetEntitlementsForAnyUserAtAnyBank entitlement is required.',
  tags: ['Role', 'Entitlement'],
  style: 'new',
  auth: 'user',
  roles: { anyOf: [['CanGetEntitlementsForAnyUserAtAnyBank']], check: 'auto' },
  errors: ['OBP-50000'],
  example: { response: { list: [exampleEntitlement] } },
  successStatus: 200,
  handler: async ({ store }) => ({ list: (await store.entitlements.list()).map(entitlementJson) }),
});

export const getEntitlementsByBankAndUser = endpoint({
  operationId: 'OBPv2.1.0-getEntitlementsByBankAndUser',
  verb: 'GET',
  path: '/banks/BANK_ID/users/USER_ID/entitlements',
  summary: 'Get Entitlements for User at Bank',
  description: [
    'Get the entitlements of the user specified by USER_ID at the bank specified by BANK_ID. A Super Admin',
    'also gets the pseudo entry `{"entitlement_id":"","role_name":"SuperAdmin","bank_id":""}`.',
    '',
    'Authentication is required; CanGetEntitlementsForAnyUserAtOneBank (at BANK_ID) or',
    'CanGetEntitlementsForAnyUserAtAnyBank is required.',
  ].join('\n'),
  tags: ['Role', 'Entitlement', 'User'],
  style: 'new',
  auth: 'user',
  roles: {
    anyOf: [['CanGetEntitlementsForAnyUserAtOneBank'], ['CanGetEntitlementsForAnyUserAtAnyBank']],
    check: 'handler',
    condition: 'checked after the bank and the user are found',
  },
  errors: ['OBP-30001', 'OBP-20005', 'OBP-50000'],
  example: { response: { list: [exampleEntitlement] } },
  successStatus: 200,
  handler: async (ctx) => {
    const { params, store, services } = ctx;
    const bankId = params.BANK_ID;
    const userId = params.USER_ID;
    if (!(await store.banks.exists(bankId))) throw obpError('OBP-30001', ` Current BankId is ${bankId}`);
    if (!(await store.users.get(userId))) throw obpError('OBP-20005', ` Current USER_ID(${userId})`);
    await ctx.requireRoles();
    const held = (await store.entitlements.forUser(userId)).filter((e) => e.bankId === bankId);
    return entitlementListFor(services, userId, held);
  },
});
