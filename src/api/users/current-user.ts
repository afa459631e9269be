import { endpoint } from '../endpoint.js';
import { exampleUser, userWithEntitlements } from './user-json.js';

export const getCurrentUser = endpoint({
  operationId: 'OBPv2.0.0-getCurrentUser',
  verb: 'GET',
  path: '/users/current',
  summary: 'Get User (Current)',
  description:
    'Get the logged in user: id, email, provider, username and the entitlements (roles) it holds.\n\nLogin is required.',
  tags: ['User', 'Old-Style'],
  style: 'old',
  auth: 'user',
  errors: ['OBP-50000'],
  example: { response: exampleUser },
  successStatus: 200,
  handler: async (ctx) => userWithEntitlements(ctx.store, ctx.user()),
});
