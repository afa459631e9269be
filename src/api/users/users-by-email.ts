import { endpoint } from '../endpoint.js';
import { exampleUser, usersWithEntitlements } from './user-json.js';

/**
 * OBP reads the address from the raw request URI (no percent-decoding), so `a@b.com` matches and
 * `a%40b.com` does not; the last path segment without the query string.
 */
function rawLastSegment(url: string): string {
  const path = url.split('?', 1)[0]!;
  return path.slice(path.lastIndexOf('/') + 1);
}

export const getUser = endpoint({
  operationId: 'OBPv2.0.0-getUser',
  verb: 'GET',
  path: '/users/USER_EMAIL',
  summary: 'Get Users by Email Address',
  description: [
    'Get the users whose email address is exactly USER_EMAIL (an empty list when there are none).',
    '',
    'The address is taken from the URL as sent, without percent-decoding: send `@` as it is.',
    '',
    'Login is required; the CanGetAnyUser entitlement is required.',
  ].join('\n'),
  tags: ['User', 'Old-Style'],
  style: 'old',
  auth: 'user',
  roles: { anyOf: [['CanGetAnyUser']], check: 'auto' },
  errors: ['OBP-20007', 'OBP-50000'],
  example: { response: { users: [exampleUser] } },
  successStatus: 200,
  handler: async ({ request, store }) => {
    const users = await store.users.findByEmail(rawLastSegment(request.url));
    return { users: await usersWithEntitlements(store, users) };
  },
});
