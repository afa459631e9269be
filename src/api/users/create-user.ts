import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { directLoginCarries } from '../../domain/auth/direct-login.js';
import { hashPassword, isStrongPassword } from '../../domain/auth/secrets.js';
import { isRoleName } from '../../domain/roles.js';
import { obpError, plainError } from '../../errors/obp-error.js';
import { endpoint } from '../endpoint.js';
import { newUserProblems, newUserProblemTexts } from './new-user-rules.js';
import { exampleUser, userWithEntitlements } from './user-json.js';

const usernameTaken = 'User with the same username already exists.';
const cannotCarry =
  ' It must also not contain ", password=" (or another DirectLogin parameter name): a DirectLogin header could not carry it.';

const CreateUserBody = Type.Object({
  email: Type.String(),
  username: Type.String(),
  password: Type.String(),
  first_name: Type.String(),
  last_name: Type.String(),
});

export const createUser = endpoint({
  operationId: 'OBPv2.0.0-createUser',
  verb: 'POST',
  path: '/users',
  summary: 'Create User',
  description: [
    'Creates an OBP user. No authentication is required.',
    '',
    'The password must EITHER be 10 to 16 characters long and contain a digit, a lower-case and an upper-case',
    'letter and a special character, OR be longer than 16 and at most 512 characters. Any printable ASCII',
    'character may be used, `,` `"` `[` `]` included; only a password holding `, password=` (or another',
    'DirectLogin parameter name) is refused, since a DirectLogin header could not carry it.',
    '',
    'The username must be 8 to 100 characters of `a-z A-Z 0-9 . _` (not starting or ending with `.` or `_`,',
    'no two of them in a row) or a valid e-mail address. A username already in use gives 409.',
    '',
    'Whether the new user can log in at once depends on the server setting `user_account_validated`.',
    'The roles listed in `new_user_entitlement_list` are granted to the new user.',
  ].join('\n'),
  tags: ['User', 'Onboarding'],
  style: 'new',
  auth: 'none',
  errors: [
    'OBP-20001',
    'OBP-10001',
    'OBP-30207',
    'Error occurred during user creation.',
    usernameTaken,
    ...newUserProblemTexts,
    'OBP-50000',
  ],
  body: CreateUserBody,
  example: {
    request: {
      email: 'felixsmith@example.com',
      username: 'felixsmith',
      password: 'String',
      first_name: 'Simon',
      last_name: 'Redfern',
    },
    response: exampleUser,
  },
  successStatus: 201,
  handler: async ({ body, store, config }) => {
    if (!isStrongPassword(body.password)) throw obpError('OBP-30207');
    if (!directLoginCarries(body.password)) throw obpError('OBP-30207', cannotCarry);
    const provider = config.localIdentityProvider;
    if (await store.users.getByProvider(provider, body.username)) throw plainError(409, usernameTaken);
    const problems = newUserProblems(body);
    if (problems.length > 0) throw plainError(400, problems.join(';'));

    const user = {
      userId: randomUUID(),
      provider,
      providerId: body.username,
      username: body.username,
      email: body.email,
      firstName: body.first_name,
      lastName: body.last_name,
      validated: config.props.userAccountValidated,
      badLoginAttempts: 0,
      locked: false,
    };
    const passwordHash = await hashPassword(body.password);
    // OBP grants each listed role at bank_id "" and stops at the first unknown name; unknown names
    // are skipped here so one typo in the setting does not cost the new user the other roles.
    const defaultRoles = [...new Set(config.props.newUserEntitlements)].filter(isRoleName);
    try {
      await store.transaction(async (tx) => {
        await tx.users.insert({ ...user, passwordHash });
        for (const roleName of defaultRoles) {
          await tx.entitlements.insert({ entitlementId: randomUUID(), userId: user.userId, bankId: '', roleName });
        }
      });
    } catch (err) {
      // A concurrent sign-up with the same username won the unique (provider, provider_id) index.
      if (await store.users.getByProvider(provider, body.username)) throw plainError(409, usernameTaken);
      throw err;
    }
    return userWithEntitlements(store, user);
  },
});
