import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, testConsumer, type TestServer, type TestUser } from '../helpers/server.js';

const notLoggedIn = { code: 401, message: 'OBP-20001: User not logged in. Authentication is required!' };
const missingGetAnyUser = { code: 403, message: 'OBP-20006: User is missing one or more roles: CanGetAnyUser' };
const weakPassword =
  'OBP-30207: Invalid Password Format. Your password should EITHER be at least 10 characters long and contain mixed numbers and both upper and lower case letters and at least one special character, OR the length should be > 16 and <= 512.';
const invalidUsername =
  'Invalid Username: 1) The ONLY allowed characters in Usernames are: a-z A-Z 0-9 . _ 2) Usernames MUST be between 8 and 100 characters long 3) Usernames MUST NOT start with _ or . 4) Usernames MUST NOT contain __ or ._ or ._ or .. 5) Usernames MUST NOT end with _ or . 6) Any valid email address is allowed as the Username';
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let server: TestServer;
let admin: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.user({ roles: ['CanGetAnyUser'] });
});
afterAll(async () => server.stop());

/** A fresh valid sign-up body (username: 8+ lower-case letters and digits). */
function signUp(overrides: Record<string, unknown> = {}) {
  const username = `u${randomUUID().replace(/-/g, '').slice(0, 11)}`;
  return {
    email: `${username}@example.com`,
    username,
    password: 'a-long-enough-passphrase',
    first_name: 'Simon',
    last_name: 'Redfern',
    ...overrides,
  };
}

function directLogin(username: string, password: string) {
  return server.call('POST', '/my/logins/direct', {
    headers: { DirectLogin: `username="${username}", password="${password}", consumer_key="${testConsumer.key}"` },
  });
}

async function allUsers(): Promise<{ user_id: string; username: string; email: string }[]> {
  const res = await server.call('GET', '/obp/v2.1.0/users', { token: admin.token, headers: { limit: '100000' } });
  expect(res.status).toBe(200);
  return res.body.users;
}

describe('POST /users (createUser)', () => {
  // v2_0_0/CreateUserTest: create 201, DirectLogin as the new user 201 + token, same username again 409.
  it('creates a user who can log in; the same username again is 409', async () => {
    const body = signUp();
    const created = await server.call('POST', '/obp/v2.1.0/users', { body });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      user_id: expect.stringMatching(uuidPattern),
      email: body.email,
      provider_id: body.username,
      provider: server.config.localIdentityProvider,
      username: body.username,
      entitlements: { list: [] },
    });

    const login = await directLogin(body.username, body.password);
    expect(login.status).toBe(201);
    expect(Object.keys(login.body)).toEqual(['token']);
    expect(login.body.token.length).toBeGreaterThan(0);
    const me = await server.call('GET', '/obp/v2.1.0/users/current', { token: login.body.token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(created.body);

    const again = await server.call('POST', '/obp/v2.1.0/users', { body: { ...body, email: 'other@example.com' } });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ code: 409, message: 'User with the same username already exists.' });
    const matching = (await allUsers()).filter((u) => u.username === body.username);
    expect(matching).toEqual([expect.objectContaining({ user_id: created.body.user_id, email: body.email })]);
  });

  it('concurrent sign-ups with one username: exactly one 201, the rest 409', async () => {
    const body = signUp();
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        server.call('POST', '/obp/v2.1.0/users', { body: { ...body, email: `c${i}@example.com` } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body).toEqual({ code: 409, message: 'User with the same username already exists.' });
    }
    expect((await allUsers()).filter((u) => u.username === body.username)).toHaveLength(1);
  });

  it('accepts an e-mail address as username and a short strong password', async () => {
    const body = signUp({ username: `Jane.O'Neil+${randomUUID().slice(0, 6)}@example.org`, password: 'Sh0rt&Strong' });
    const res = await server.call('POST', '/obp/v2.1.0/users', { body });
    expect(res.status).toBe(201);
    expect(res.body.username).toBe(body.username);
    expect((await allUsers()).map((u) => u.username)).toContain(body.username);
  });

  it('stores unicode names as they are', async () => {
    const body = signUp({ first_name: 'Zoë 山田', last_name: "O'Brien-Łukasz 🚀" });
    const res = await server.call('POST', '/obp/v2.1.0/users', { body });
    expect(res.status).toBe(201);
    const stored = await server.store.users.get(res.body.user_id);
    expect(stored).toMatchObject({ firstName: 'Zoë 山田', lastName: "O'Brien-Łukasz 🚀" });
  });

  it('rejects weak passwords with 400 OBP-30207 and creates nothing', async () => {
    for (const password of [
      'short',
      'alllowercase1!',
      'NoDigitsHere!',
      'NoSpecial123',
      'x'.repeat(513),
      'päss-wörd-with-umlauts-long',
    ]) {
      const body = signUp({ password });
      const res = await server.call('POST', '/obp/v2.1.0/users', { body });
      expect(res.status, password).toBe(400);
      expect(res.body).toEqual({ code: 400, message: weakPassword });
      expect((await allUsers()).map((u) => u.username)).not.toContain(body.username);
    }
  });

  it('every password it accepts logs in through DirectLogin, commas, quotes and brackets included', async () => {
    for (const password of [
      'Comma,Pass-2026!x',
      'Bracket[Pass-2026]x',
      'Quote"Pass-2026!',
      'Ends-With-Quote-2026"',
      ' Spaced, "quoted", [x] ',
    ]) {
      const body = signUp({ password });
      const created = await server.call('POST', '/obp/v2.1.0/users', { body });
      expect(created.status, password).toBe(201);
      const login = await directLogin(body.username, password);
      expect(login.status, password).toBe(201);
    }
  });

  it('refuses the only passwords a DirectLogin header could not carry: 400 OBP-30207, nothing created', async () => {
    for (const password of ['Sneaky-Pass-2026, password=x', 'Tricky-2026", token=abc']) {
      const body = signUp({ password });
      const res = await server.call('POST', '/obp/v2.1.0/users', { body });
      expect(res.status, password).toBe(400);
      expect(res.body.message).toBe(
        `${weakPassword} It must also not contain ", password=" (or another DirectLogin parameter name): a DirectLogin header could not carry it.`,
      );
      expect((await allUsers()).map((u) => u.username)).not.toContain(body.username);
    }
  });

  it('checks the password before the username (OBP order): weak password + taken username is 400', async () => {
    const res = await server.call('POST', '/obp/v2.1.0/users', { body: signUp({ username: admin.username, password: 'weak' }) });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(weakPassword);
  });

  it('rejects invalid e-mail addresses with 400 "Invalid email address" and creates nothing', async () => {
    for (const email of [
      'not-an-email',
      'a@',
      '@example.com',
      'a b@example.com',
      '<script>@x.com',
      `${'a'.repeat(250)}@example.com`,
    ]) {
      const body = signUp({ email });
      const res = await server.call('POST', '/obp/v2.1.0/users', { body });
      expect(res.status, email).toBe(400);
      expect(res.body).toEqual({ code: 400, message: 'Invalid email address' });
      expect((await allUsers()).map((u) => u.username)).not.toContain(body.username);
    }
  });

  it("rejects hostile or malformed usernames with OBP's invalid-username text and creates nothing", async () => {
    const before = (await allUsers()).length;
    for (const username of [
      '<script>alert(1)</script>',
      "'; drop table users; --",
      'short',
      'ユーザー名ですよね',
      'x'.repeat(5000),
      '_leading1',
      'double__underscore',
    ]) {
      const res = await server.call('POST', '/obp/v2.1.0/users', { body: signUp({ username }) });
      expect(res.status, username).toBe(400);
      expect(res.body).toEqual({ code: 400, message: invalidUsername });
    }
    expect((await allUsers()).length).toBe(before);
  });

  it('joins several model problems with ";" (empty names, bad e-mail)', async () => {
    const res = await server.call('POST', '/obp/v2.1.0/users', {
      body: signUp({ first_name: ' ', last_name: '', email: 'nope' }),
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 400,
      message: 'Please enter your first name.;Please enter your last name.;Invalid email address',
    });
    const long = await server.call('POST', '/obp/v2.1.0/users', { body: signUp({ first_name: 'é'.repeat(101) }) });
    expect(long.status).toBe(400);
    expect(long.body.message).toBe('First name is too long (at most 100 characters).');
  });

  it('answers 400 OBP-10001 for malformed JSON, missing fields, wrong types and no body; nothing is created', async () => {
    const before = (await allUsers()).length;
    const valid = signUp();
    const bodies: unknown[] = [
      '{"email": "x@example.com", "username": ',
      '"just a string"',
      '[]',
      { ...valid, password: undefined },
      { ...valid, username: 12345678 },
      { ...valid, first_name: null },
      { ...valid, email: ['a@example.com'] },
    ];
    for (const body of bodies) {
      const res = await server.call('POST', '/obp/v2.1.0/users', { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toEqual({ code: 400, message: 'OBP-10001: Incorrect json format.' });
    }
    const empty = await server.call('POST', '/obp/v2.1.0/users');
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual({ code: 400, message: 'OBP-10001: Incorrect json format.' });
    expect((await allUsers()).length).toBe(before);
    expect((await allUsers()).map((u) => u.username)).not.toContain(valid.username);
  });

  it('ignores unknown keys and does not let the body choose the provider or user id', async () => {
    const body = signUp({ provider: 'evil', user_id: 'chosen-id', validated: false });
    const res = await server.call('POST', '/obp/v2.1.0/users', { body });
    expect(res.status).toBe(201);
    expect(res.body.provider).toBe(server.config.localIdentityProvider);
    expect(res.body.user_id).not.toBe('chosen-id');
  });
});

describe('POST /users with user_account_validated=false and new_user_entitlement_list', () => {
  let other: TestServer;
  beforeAll(async () => {
    other = await startTestServer({
      OBP_USER_ACCOUNT_VALIDATED: 'false',
      OBP_NEW_USER_ENTITLEMENT_LIST: '[CanGetAnyUser, NoSuchRole, CanCreateAccount, CanGetAnyUser]',
    });
  });
  afterAll(async () => other.stop());

  it('creates an unvalidated user who cannot log in, holding the default roles at bank_id ""', async () => {
    const body = signUp();
    const res = await other.call('POST', '/obp/v2.1.0/users', { body });
    expect(res.status).toBe(201);
    const roles = res.body.entitlements.list;
    // granted in one transaction, so their order among themselves is not defined
    const granted = roles.map((e: { role_name: string; bank_id: string }) => [e.role_name, e.bank_id]);
    expect(granted.sort()).toEqual([
      ['CanCreateAccount', ''],
      ['CanGetAnyUser', ''],
    ]);
    for (const e of roles) expect(e.entitlement_id).toMatch(uuidPattern);
    expect(await other.store.users.get(res.body.user_id)).toMatchObject({ validated: false });

    const login = await other.call('POST', '/my/logins/direct', {
      headers: { DirectLogin: `username="${body.username}", password="${body.password}", consumer_key="${testConsumer.key}"` },
    });
    expect(login.status).toBe(401);
    expect(login.body).toEqual({ code: 401, message: 'OBP-20004: Invalid login credentials. Check username/password.' });
  });
});

describe('GET /users/current (getCurrentUser)', () => {
  it('401 without login', async () => {
    const res = await server.call('GET', '/obp/v2.1.0/users/current');
    expect(res.status).toBe(401);
    expect(res.body).toEqual(notLoggedIn);
  });

  it('returns the caller with its entitlements, old style (no ETag)', async () => {
    const bankRole = ['CanCreateAccount', 'some-bank'] as ['CanCreateAccount', string];
    const me = await server.user({ roles: ['CanGetConsumers', bankRole] });
    const res = await server.call('GET', '/obp/v2.1.0/users/current', { token: me.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeNull();
    expect(res.body).toEqual({
      user_id: me.userId,
      email: me.email,
      provider_id: me.username,
      provider: server.config.localIdentityProvider,
      username: me.username,
      entitlements: { list: expect.any(Array) },
    });
    const list = res.body.entitlements.list;
    expect(list).toHaveLength(2);
    expect(list).toEqual(
      expect.arrayContaining([
        { entitlement_id: expect.stringMatching(uuidPattern), role_name: 'CanGetConsumers', bank_id: '' },
        { entitlement_id: expect.stringMatching(uuidPattern), role_name: 'CanCreateAccount', bank_id: 'some-bank' },
      ]),
    );
  });

  it('401 with an unknown token', async () => {
    const res = await server.call('GET', '/obp/v2.1.0/users/current', { token: 'not-a-token' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 401, message: 'OBP-20003: This DirectLogin token is invalid or expired:not-a-token' });
  });
});

describe('GET /users/USER_EMAIL (getUser)', () => {
  it('401 without login, 403 without CanGetAnyUser (exact texts)', async () => {
    const anon = await server.call('GET', `/obp/v2.1.0/users/${admin.email}`);
    expect(anon.status).toBe(401);
    expect(anon.body).toEqual(notLoggedIn);
    const plain = await server.user();
    const denied = await server.call('GET', `/obp/v2.1.0/users/${admin.email}`, { token: plain.token });
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual(missingGetAnyUser);
  });

  it('lists every user with exactly that e-mail address', async () => {
    const email = `shared-${randomUUID().slice(0, 8)}@example.com`;
    const a = await server.call('POST', '/obp/v2.1.0/users', { body: signUp({ email }) });
    const b = await server.call('POST', '/obp/v2.1.0/users', { body: signUp({ email }) });
    expect([a.status, b.status]).toEqual([201, 201]);
    const res = await server.call('GET', `/obp/v2.1.0/users/${email}`, { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeNull();
    expect(res.body.users).toHaveLength(2);
    expect(new Set(res.body.users.map((u: { user_id: string }) => u.user_id))).toEqual(new Set([a.body.user_id, b.body.user_id]));
    expect(res.body.users).toContainEqual(a.body);

    const mine = await server.call('GET', `/obp/v2.1.0/users/${admin.email}`, { token: admin.token });
    expect(mine.body.users).toEqual([
      expect.objectContaining({
        user_id: admin.userId,
        entitlements: { list: [expect.objectContaining({ role_name: 'CanGetAnyUser', bank_id: '' })] },
      }),
    ]);
  });

  it('answers an empty list for unknown or differently cased addresses and for hostile input', async () => {
    for (const segment of [
      'nobody@example.com',
      admin.email.toUpperCase(),
      encodeURIComponent("'; drop table users; --"),
      '%3Cscript%3E',
    ]) {
      const res = await server.call('GET', `/obp/v2.1.0/users/${segment}`, { token: admin.token });
      expect(res.status, segment).toBe(200);
      expect(res.body).toEqual({ users: [] });
    }
    expect((await allUsers()).map((u) => u.user_id)).toContain(admin.userId);
  });

  it('takes the address raw from the URL like OBP: a percent-encoded @ does not match', async () => {
    const encoded = admin.email.replace('@', '%40');
    const res = await server.call('GET', `/obp/v2.1.0/users/${encoded}`, { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ users: [] });
    const withQuery = await server.call('GET', `/obp/v2.1.0/users/${admin.email}?x=1`, { token: admin.token });
    expect(withQuery.body.users.map((u: { user_id: string }) => u.user_id)).toEqual([admin.userId]);
  });
});

describe('GET /users (getUsers)', () => {
  // v2_1_0/UserTests
  it('401 without login (exact text)', async () => {
    const res = await server.call('GET', '/obp/v2.1.0/users');
    expect(res.status).toBe(401);
    expect(res.body).toEqual(notLoggedIn);
    expect(res.headers.get('www-authenticate')).toContain('DirectLogin realm=');
  });

  it('403 without CanGetAnyUser (exact text)', async () => {
    const plain = await server.user();
    const res = await server.call('GET', '/obp/v2.1.0/users', { token: plain.token });
    expect(res.status).toBe(403);
    expect(res.body).toEqual(missingGetAnyUser);
  });

  it('200 with CanGetAnyUser: every user in UserJsonV200, entitlements sorted by role name', async () => {
    const someone = await server.user({ roles: ['CanGetConsumers', 'CanCreateSandbox', ['CanCreateBranch', 'b1']] });
    const res = await server.call('GET', '/obp/v2.1.0/users', { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeTruthy();
    const found = res.body.users.find((u: { user_id: string }) => u.user_id === someone.userId);
    expect(found).toEqual({
      user_id: someone.userId,
      email: someone.email,
      provider_id: someone.username,
      provider: server.config.localIdentityProvider,
      username: someone.username,
      entitlements: {
        list: [
          { entitlement_id: expect.stringMatching(uuidPattern), role_name: 'CanCreateBranch', bank_id: 'b1' },
          { entitlement_id: expect.stringMatching(uuidPattern), role_name: 'CanCreateSandbox', bank_id: '' },
          { entitlement_id: expect.stringMatching(uuidPattern), role_name: 'CanGetConsumers', bank_id: '' },
        ],
      },
    });
  });

  it('pages with limit/offset headers, obp_limit/obp_offset headers, or the same as query parameters', async () => {
    for (let i = 0; i < 4; i++) await server.user();
    const all = (await allUsers()).map((u) => u.user_id);
    expect(all.length).toBeGreaterThanOrEqual(6);
    const ids = (res: { body: { users: { user_id: string }[] } }) => res.body.users.map((u) => u.user_id);
    const get = (path: string, headers: Record<string, string> = {}) =>
      server.call('GET', `/obp/v2.1.0/users${path}`, { token: admin.token, headers });

    expect(ids(await get('', { limit: '2', offset: '1' }))).toEqual(all.slice(1, 3));
    expect(ids(await get('', { obp_limit: '3', obp_offset: '2' }))).toEqual(all.slice(2, 5));
    expect(ids(await get('?limit=2&offset=3'))).toEqual(all.slice(3, 5));
    expect(ids(await get('?obp_limit=1&obp_offset=0'))).toEqual(all.slice(0, 1));
    // `limit` wins over `obp_limit`, headers over query parameters
    expect(ids(await get('', { limit: '1', obp_limit: '4' }))).toEqual(all.slice(0, 1));
    expect(ids(await get('?limit=4', { limit: '2' }))).toEqual(all.slice(0, 2));
    expect(ids(await get('', { offset: String(all.length) }))).toEqual([]);
  });

  it('defaults to 50 users per page', async () => {
    const before = (await allUsers()).length;
    for (let i = before; i < 52; i++) {
      await server.store.users.insert({
        userId: randomUUID(),
        provider: server.config.localIdentityProvider,
        providerId: `bulk-${i}-${randomUUID()}`,
        username: `bulk-${i}`,
        email: `bulk-${i}@example.com`,
        firstName: 'Bulk',
        lastName: 'User',
        passwordHash: 'x',
        validated: true,
        badLoginAttempts: 0,
        locked: false,
      });
    }
    const res = await server.call('GET', '/obp/v2.1.0/users', { token: admin.token });
    expect(res.body.users).toHaveLength(50);
  });

  it('rejects malformed paging values with OBP-10025 / OBP-10024 (400)', async () => {
    const limitError = {
      code: 400,
      message: 'OBP-10025: wrong value for obp_limit parameter. Please send a positive integer (=>1)!',
    };
    const offsetError = {
      code: 400,
      message: 'OBP-10024: wrong value for obp_offset parameter. Please send a positive integer (=>0)!',
    };
    const cases: [Record<string, string>, string, object][] = [
      [{ limit: '0' }, '', limitError],
      [{ obp_limit: '-5' }, '', limitError],
      [{ limit: 'abc' }, '', limitError],
      [{ limit: '99999999999' }, '', limitError],
      [{ limit: 'bad', obp_limit: '5' }, '', limitError],
      [{}, '?limit=1.5', limitError],
      [{ offset: '-1' }, '', offsetError],
      [{ obp_offset: "'; drop table users; --" }, '', offsetError],
      [{}, '?offset=x', offsetError],
    ];
    for (const [headers, query, expected] of cases) {
      const res = await server.call('GET', `/obp/v2.1.0/users${query}`, { token: admin.token, headers });
      expect(res.status, JSON.stringify([headers, query])).toBe(400);
      expect(res.body).toEqual(expected);
    }
  });

  it('filters by locked_status: "locked" only locked users, "active" the others, other values ignored', async () => {
    const victim = await server.user();
    for (let i = 0; i < 7; i++) await directLogin(victim.username, 'Wrong-Password-123!');
    const locked = await directLogin(victim.username, victim.password);
    expect(locked.status).toBe(401);
    expect(locked.body.message).toMatch(/^OBP-20013: /);

    const list = async (status: string) => {
      const res = await server.call('GET', '/obp/v2.1.0/users', {
        token: admin.token,
        headers: { locked_status: status, limit: '1000' },
      });
      expect(res.status).toBe(200);
      return res.body.users.map((u: { user_id: string }) => u.user_id) as string[];
    };
    expect(await list('locked')).toEqual([victim.userId]);
    expect(await list('LOCKED')).toEqual([victim.userId]);
    const active = await list('active');
    expect(active).not.toContain(victim.userId);
    expect(active).toContain(admin.userId);
    const everyone = await list('whatever');
    expect(everyone).toContain(victim.userId);
    expect(everyone.length).toBe(active.length + 1);
    const viaQuery = await server.call('GET', '/obp/v2.1.0/users?locked_status=locked', { token: admin.token });
    expect(viaQuery.body.users.map((u: { user_id: string }) => u.user_id)).toEqual([victim.userId]);
  });
});
