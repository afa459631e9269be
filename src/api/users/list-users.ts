import { endpoint } from '../endpoint.js';
import { exampleUser, usersWithEntitlements } from './user-json.js';
import { userPage } from './user-paging.js';

export const getUsers = endpoint({
  operationId: 'OBPv2.1.0-getUsers',
  verb: 'GET',
  path: '/users',
  summary: 'Get all Users',
  description: [
    'Get all users, in the order they were created, each with its entitlements sorted by role name.',
    '',
    'Login is required; the CanGetAnyUser entitlement is required.',
    '',
    'Optional request headers (also accepted as query parameters):',
    '',
    '* `limit` or `obp_limit`: the page size, an integer >= 1 (default 50)',
    '* `offset` or `obp_offset`: how many users to skip, an integer >= 0 (default 0)',
    '* `locked_status`: `locked` lists only locked users, `active` only the others; other values are ignored',
  ].join('\n'),
  tags: ['User'],
  style: 'new',
  auth: 'user',
  roles: { anyOf: [['CanGetAnyUser']], check: 'auto' },
  errors: ['OBP-10025', 'OBP-10024', 'OBP-50000'],
  example: { response: { users: [exampleUser] } },
  successStatus: 200,
  handler: async ({ headers, query, store, config }) => {
    const page = userPage(headers, query);
    const users = await store.users.list({
      limit: page.limit,
      offset: page.offset,
      locked: page.locked === undefined ? undefined : { is: page.locked, maxBadLoginAttempts: config.props.maxBadLoginAttempts },
    });
    return { users: await usersWithEntitlements(store, users, true) };
  },
});
