import { obpError } from '../../errors/obp-error.js';
import { endpoint } from '../endpoint.js';

export const deleteEntitlement = endpoint({
  operationId: 'OBPv2.0.0-deleteEntitlement',
  verb: 'DELETE',
  path: '/users/USER_ID/entitlement/ENTITLEMENT_ID',
  summary: 'Delete Entitlement',
  description: [
    'Delete the entitlement specified by ENTITLEMENT_ID of the user specified by USER_ID.',
    '',
    'Authentication is required; the CanDeleteEntitlementAtAnyBank entitlement is required.',
  ].join('\n'),
  tags: ['Role', 'User', 'Entitlement'],
  style: 'new',
  auth: 'user',
  roles: { anyOf: [['CanDeleteEntitlementAtAnyBank']], check: 'auto' },
  errors: ['OBP-30212', 'OBP-30213', 'OBP-50000'],
  example: {},
  successStatus: 204,
  handler: async ({ params, store }) => {
    const entitlement = await store.entitlements.get(params.ENTITLEMENT_ID);
    if (!entitlement) throw obpError('OBP-30212');
    if (entitlement.userId !== params.USER_ID) throw obpError('OBP-30213');
    // another call may have deleted it since the lookup: only the call that removes it answers 204
    if (!(await store.entitlements.delete(entitlement.entitlementId, entitlement.userId))) throw obpError('OBP-30212');
    return undefined;
  },
});
