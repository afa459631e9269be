/**
 * Input that used to reach the database or the handlers raw: NUL and control characters, lone
 * surrogates, duplicate keys, repeated query parameters. Each gets the error OBP gives for that input,
 * the same on both stores, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBank, startTestServer, type TestServer, type TestUser } from '../helpers/server.js';

let server: TestServer;
let admin: TestUser;
let bankId: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.user({
    roles: ['CanGetAnyUser', 'CanCreateEntitlementAtAnyBank', 'CanDeleteEntitlementAtAnyBank', 'CanReadMetrics'],
  });
  bankId = await seedBank(server);
});
afterAll(async () => server.stop());

const signup = (username: string, change: Record<string, string> = {}) => ({
  email: `${username.replace(/[^a-z.]/g, '')}@example.com`,
  username,
  password: 'Str0ng-Password!',
  first_name: 'First',
  last_name: 'Last',
  ...change,
});

async function userCount(): Promise<number> {
  return server.store.users.count();
}

describe('NUL in path and query parameters: the parameter is simply not found', () => {
  it('a bank id with %00 is an unknown bank (400 OBP-30001 on this old-style endpoint)', async () => {
    const res = await server.call('GET', `/obp/v2.1.0/banks/${bankId}%00x`);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^OBP-30001: /);
  });

  it('a user id with %00 is an unknown user (404 OBP-20005)', async () => {
    const res = await server.call('GET', `/obp/v2.1.0/banks/${bankId}/users/${admin.userId}%00/entitlements`, {
      token: admin.token,
    });
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/^OBP-20005: /);
  });

  it('an entitlement id with %00 is not found (404 OBP-30212), and nothing is deleted', async () => {
    const [entitlement] = await server.store.entitlements.forUser(admin.userId);
    const res = await server.call('DELETE', `/obp/v2.1.0/users/${admin.userId}/entitlement/${entitlement!.entitlementId}%00`, {
      token: admin.token,
    });
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/^OBP-30212: /);
    expect(await server.store.entitlements.get(entitlement!.entitlementId)).toBeDefined();
  });

  it('an e-mail with %00 matches no user (200, empty list)', async () => {
    const res = await server.call('GET', `/obp/v2.1.0/users/${encodeURIComponent(admin.email)}%00`, { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ users: [] });
  });

  it('a metrics filter with %00 matches nothing (200, empty list)', async () => {
    const res = await server.call('GET', `/obp/v2.1.0/management/metrics?user_id=${admin.userId}%00&app_name=x%00`, {
      token: admin.token,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ metrics: [] });
  });
});

describe('repeated query parameters count once, with their first value', () => {
  it('GET /users?limit=1&limit=2 answers one user', async () => {
    await server.user();
    const res = await server.call('GET', '/obp/v2.1.0/users?limit=1&limit=2', { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body.users).toHaveLength(1);
  });

  it("a repeated bad value still gets the parameter's own error", async () => {
    const res = await server.call('GET', '/obp/v2.1.0/management/metrics?limit=x&limit=1', { token: admin.token });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^OBP-\d{5}: /);
  });
});

describe('hostile strings and structures in bodies: 400 OBP-10001, nothing written', () => {
  const controlMessage =
    'OBP-10001: Incorrect json format. Strings must not contain control characters (other than tab and line breaks) or lone surrogates.';

  it.each([
    ['NUL in a value', signup('nul.in.value', { last_name: 'La\u0000st' })],
    ['NUL in the username', signup('nul\u0000user.name')],
    ['a bell character', signup('bell.user.name', { first_name: 'Fi\u0007rst' })],
    ['an escape character', signup('escape.user.name', { first_name: '\u001b[31mred' })],
    ['a lone high surrogate', signup('surrogate.user', { first_name: 'x\ud800y' })],
    ['a lone low surrogate', signup('surrogate.low', { last_name: '\udc00' })],
  ])('%s', async (_name, body) => {
    const before = await userCount();
    const res = await server.call('POST', '/obp/v2.1.0/users', { body });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 400, message: controlMessage });
    expect(await userCount()).toBe(before);
  });

  it('NUL in a key', async () => {
    const res = await server.call('POST', '/obp/v2.1.0/users', {
      body: `{"user\\u0000name": "x", ${JSON.stringify(signup('nul.in.key')).slice(1)}`,
    });
    expect(res.body).toEqual({ code: 400, message: controlMessage });
  });

  it('tabs, line breaks and paired surrogates are ordinary text', async () => {
    const res = await server.call('POST', '/obp/v2.1.0/users', {
      body: signup('ordinary.text.user', { first_name: 'Tab\there', last_name: 'Line\r\nbreak \u{1F4B0}' }),
    });
    expect(res.status).toBe(201);
  });

  it('a key given twice in one object', async () => {
    const before = await userCount();
    const body = `{"username": "twice.first.name", ${JSON.stringify(signup('twice.second.name')).slice(1)}`;
    const res = await server.call('POST', '/obp/v2.1.0/users', { body });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 400, message: 'OBP-10001: Incorrect json format. A key appears twice in one object.' });
    expect(await userCount()).toBe(before);
  });

  it('an entitlement whose bank_id has a NUL is refused before any lookup', async () => {
    const res = await server.call('POST', `/obp/v2.1.0/users/${admin.userId}/entitlements`, {
      token: admin.token,
      body: { bank_id: `${bankId}\u0000`, role_name: 'CanCreateAccount' },
    });
    expect(res.body).toEqual({ code: 400, message: controlMessage });
  });

  it('nesting deeper than 32 levels', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 33; i++) deep = [deep];
    const res = await server.call('POST', '/obp/v2.1.0/users', { body: { ...signup('deep.nesting.user'), extra: deep } });
    expect(res.body).toEqual({
      code: 400,
      message: 'OBP-10001: Incorrect json format. The body is nested deeper than 32 levels.',
    });
    let allowed: unknown = 'x';
    for (let i = 0; i < 30; i++) allowed = [allowed];
    const ok = await server.call('POST', '/obp/v2.1.0/users', { body: { ...signup('allowed.nesting.user'), extra: allowed } });
    expect(ok.status).toBe(201);
  });
});
