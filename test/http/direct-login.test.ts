/**
 * DirectLogin (SEMANTICS §2.2) and a port of OBP's DirectLoginTest: token issuing, header forms,
 * input checks, lockout, token use, expiry and revocation.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/domain/auth/secrets.js';
import {
  seedConsumer,
  startTestServer,
  testConsumer,
  type TestResponse,
  type TestServer,
  type TestUser,
} from '../helpers/server.js';

const loginPath = '/my/logins/direct';
/** an endpoint that needs a user (and CanGetConsumers) to tell a working token from a refused one */
const protectedPath = '/obp/v2.1.0/management/consumers';

const messages = {
  missingHeader: 'OBP-20082: Missing DirectLogin or Authorization header.',
  noDirectLoginWord: 'OBP-20083: Missing DirectLogin word at the value of Authorization header.',
  missing: 'OBP-20002: These DirectLogin parameters are missing:',
  invalidToken: 'OBP-20003: This DirectLogin token is invalid or expired:',
  badCredentials: 'OBP-20004: Invalid login credentials. Check username/password.',
  badConsumerKey: 'OBP-20008: Invalid Consumer Key.',
  tooLong: 'OBP-20010: Value too long',
  badCharacters: 'OBP-20011: Value contains invalid characters',
  locked: 'OBP-20013: The account has been locked, please contact an administrator!',
  consumerKeyCharacters: 'OBP-35030: The Consumer Key must be alphanumeric. (A-Z, a-z, 0-9)',
  consumerKeyLength: 'OBP-35031: The Consumer Key max length <= 512',
  notLoggedIn: 'OBP-20001: User not logged in. Authentication is required!',
};

let server: TestServer;

function login(s: TestServer, headers: Record<string, string>): Promise<TestResponse> {
  return s.call('POST', loginPath, { headers });
}

function credentials(username: string, password: string, consumerKey = testConsumer.key): string {
  return `username="${username}", password="${password}", consumer_key="${consumerKey}"`;
}

async function tokenRows(s: TestServer) {
  return s.store.connection.db.selectFrom('tokens').selectAll().execute();
}

function expectError(res: TestResponse, status: number, message: string): void {
  expect(res.status, res.text).toBe(status);
  expect(res.body).toEqual({ code: status, message });
}

/** A user that may call the protected endpoint, logged in once (its first token). */
async function reader(s: TestServer, options: { username?: string; password?: string } = {}): Promise<TestUser> {
  return s.user({ roles: ['CanGetConsumers'], ...options });
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

describe('POST /my/logins/direct: header errors', () => {
  it('no DirectLogin or Authorization header: 400 OBP-20082', async () => {
    expectError(await server.call('POST', loginPath), 400, messages.missingHeader);
  });

  it('Authorization without the DirectLogin word: 400 OBP-20083', async () => {
    const user = await server.user();
    const res = await login(server, { Authorization: `Basic ${credentials(user.username, user.password)}` });
    expectError(res, 400, messages.noDirectLoginWord);
  });

  it('missing parameters: 400 OBP-20002 naming them in OBP order', async () => {
    const cases: [string, string][] = [
      ['username="someone"', 'password, consumer_key'],
      [`password="x", consumer_key="${testConsumer.key}"`, 'username'],
      ['username="someone", password="x"', 'consumer_key'],
      ['nonsense', 'username, password, consumer_key'],
      // empty values and unknown keys are dropped
      [`username="", password=x, consumer_key=${testConsumer.key}, user=someone`, 'username'],
    ];
    for (const [value, names] of cases) {
      expectError(await login(server, { DirectLogin: value }), 400, `${messages.missing}${names}`);
      expectError(await login(server, { Authorization: `DirectLogin ${value}` }), 400, `${messages.missing}${names}`);
    }
  });

  it('bad username characters: 400 OBP-20011; too long: 400 OBP-20010', async () => {
    // header values travel as bytes: UTF-8 text arrives as non-ASCII characters
    const utf8 = Buffer.from('名前', 'utf8').toString('latin1');
    for (const username of [' a#s ', '<script>alert(1)</script>', "o'brien; drop table users", 'jürgen', utf8]) {
      expectError(await login(server, { DirectLogin: credentials(username, 'whatever-pass') }), 400, messages.badCharacters);
    }
    expectError(await login(server, { DirectLogin: credentials('a'.repeat(513), 'whatever-pass') }), 400, messages.tooLong);
    // OBP looks at the characters first
    expectError(await login(server, { DirectLogin: credentials(`#${'a'.repeat(600)}`, 'x') }), 400, messages.badCharacters);
  });

  it('bad password characters: 400 OBP-20011; too long: 400 OBP-20010', async () => {
    for (const password of ['pässword', 'tab\there']) {
      expectError(await login(server, { DirectLogin: credentials('someone', password) }), 400, messages.badCharacters);
    }
    expectError(await login(server, { DirectLogin: credentials('someone', 'p'.repeat(513)) }), 400, messages.tooLong);
  });

  it('bad consumer key: 400 OBP-35030 / OBP-35031', async () => {
    for (const key of ['bad_key', 'key!', '<script>']) {
      expectError(await login(server, { DirectLogin: credentials('someone', 'pass', key) }), 400, messages.consumerKeyCharacters);
    }
    expectError(
      await login(server, { DirectLogin: credentials('someone', 'pass', 'k'.repeat(513)) }),
      400,
      messages.consumerKeyLength,
    );
  });

  it('unknown or disabled consumer: 401 OBP-20008, even with good credentials', async () => {
    const user = await server.user();
    expectError(
      await login(server, { DirectLogin: credentials(user.username, user.password, 'no-such-key') }),
      401,
      messages.badConsumerKey,
    );
    const disabled = await seedConsumer(server, { key: `disabled-${randomUUID()}`, appName: 'Disabled app', enabled: false });
    const res = await login(server, { Authorization: `DirectLogin ${credentials(user.username, user.password, disabled.key)}` });
    expectError(res, 401, messages.badConsumerKey);
  });

  it('failed logins issue no token', async () => {
    const user = await server.user();
    const before = (await tokenRows(server)).length;
    await login(server, { DirectLogin: credentials(user.username, 'wrong-password') });
    await login(server, { DirectLogin: credentials(user.username, user.password, 'no-such-key') });
    await login(server, { DirectLogin: credentials('<bad>', user.password) });
    await server.call('POST', loginPath);
    expect((await tokenRows(server)).length).toBe(before);
  });
});

describe('POST /my/logins/direct: credentials', () => {
  it('wrong password or unknown user: 401 OBP-20004', async () => {
    const user = await server.user();
    expectError(
      await login(server, { DirectLogin: credentials(user.username, 'not-the-password') }),
      401,
      messages.badCredentials,
    );
    expectError(await login(server, { DirectLogin: credentials('notExistingUser', 'whatever') }), 401, messages.badCredentials);
  });

  it('an unvalidated user cannot log in (401 OBP-20004)', async () => {
    const password = 'Unvalidated-Pass-1!';
    const insert = async (validated: boolean) => {
      const username = `${validated ? 'validated' : 'unvalidated'}-${randomUUID().slice(0, 8)}`;
      await server.store.users.insert({
        userId: randomUUID(),
        provider: server.config.localIdentityProvider,
        providerId: username,
        username,
        email: `${username}@example.com`,
        firstName: username,
        lastName: 'Test',
        passwordHash: await hashPassword(password),
        validated,
        badLoginAttempts: 0,
        locked: false,
      });
      return username;
    };
    const unvalidated = await insert(false);
    expectError(await login(server, { DirectLogin: credentials(unvalidated, password) }), 401, messages.badCredentials);
    // the same insert, validated, logs in: the refusal above is about validation only
    expect((await login(server, { DirectLogin: credentials(await insert(true), password) })).status).toBe(201);
  });

  it('after more than 5 bad attempts the account is locked: 401 OBP-20013 even with the right password', async () => {
    const user = await reader(server);
    for (let attempt = 1; attempt <= 6; attempt++) {
      expectError(await login(server, { DirectLogin: credentials(user.username, 'wrong') }), 401, messages.badCredentials);
    }
    expectError(await login(server, { DirectLogin: credentials(user.username, 'wrong') }), 401, messages.locked);
    expectError(await login(server, { DirectLogin: credentials(user.username, user.password) }), 401, messages.locked);
    // the token issued before the lock is refused too: 401 on new-style endpoints, 400 on old-style ones (as OBP)
    expectError(await server.call('GET', '/obp/v2.1.0/users', { token: user.token }), 401, messages.locked);
    expectError(await server.call('GET', protectedPath, { token: user.token }), 400, messages.locked);
  });

  it('a successful login resets the bad-attempt counter', async () => {
    const user = await server.user();
    for (let attempt = 1; attempt <= 5; attempt++) {
      expectError(await login(server, { DirectLogin: credentials(user.username, 'wrong') }), 401, messages.badCredentials);
    }
    expect((await login(server, { DirectLogin: credentials(user.username, user.password) })).status).toBe(201);
    for (let attempt = 1; attempt <= 5; attempt++) {
      expectError(await login(server, { DirectLogin: credentials(user.username, 'wrong') }), 401, messages.badCredentials);
    }
    expect((await login(server, { DirectLogin: credentials(user.username, user.password) })).status).toBe(201);
  });

  it('201 {token} with both header styles, quoted or not, with "," or ", " separators', async () => {
    const user = await reader(server, { username: `user with spaces ${randomUUID().slice(0, 6)}`, password: 'G!y"k9GHD$D-x' });
    const u = user.username;
    const p = user.password;
    const k = testConsumer.key;
    const headerSets: Record<string, string>[] = [
      { DirectLogin: `username="${u}", password="${p}", consumer_key="${k}"` },
      { DirectLogin: `username=${u},password=${p},consumer_key=${k}` },
      { Authorization: `DirectLogin username="${u}", password="${p}", consumer_key="${k}"` },
      { Authorization: `DirectLogin username=${u},password=${p}, consumer_key=${k}` },
      { directlogin: `consumer_key=${k}, password="${p}", username="${u}"` },
      // like OBP, a leading and a trailing quote are dropped separately
      { DirectLogin: `username="${u}, password=${p}", consumer_key=${k}` },
      { DIRECTLOGIN: `username="${u}",password="${p}",consumer_key="${k}"` },
      // the DirectLogin header wins over another Authorization scheme (OBP's own test sends both)
      { DirectLogin: `username="${u}", password="${p}", consumer_key="${k}"`, Authorization: 'Basic 123456' },
    ];
    const tokens = new Set<string>();
    for (const headers of headerSets) {
      const res = await login(server, headers);
      expect(res.status, JSON.stringify(headers)).toBe(201);
      expect(Object.keys(res.body)).toEqual(['token']);
      expect(typeof res.body.token).toBe('string');
      expect(res.body.token.length).toBeGreaterThan(0);
      tokens.add(res.body.token);
      expect((await server.call('GET', protectedPath, { token: res.body.token })).status).toBe(200);
    }
    expect(tokens.size).toBe(headerSets.length);
  });
});

describe('using a DirectLogin token', () => {
  it('is accepted in every header form', async () => {
    const user = await reader(server);
    const t = user.token;
    const headerSets: Record<string, string>[] = [
      { DirectLogin: `token=${t}` },
      { DirectLogin: `token="${t}"` },
      { Authorization: `DirectLogin token=${t}` },
      { Authorization: `DirectLogin token="${t}"` },
      { dIreCtLoGin: `token=${t}` },
      { DIRECTLOGIN: `token=${t}` },
    ];
    for (const headers of headerSets) {
      const res = await server.call('GET', protectedPath, { headers });
      expect(res.status, JSON.stringify(headers)).toBe(200);
      expect(Array.isArray(res.body.list)).toBe(true);
    }
  });

  it('an older token stays valid after a new login', async () => {
    const user = await reader(server);
    const second = await server.login(user.username, user.password);
    expect(second).not.toBe(user.token);
    expect((await server.call('GET', protectedPath, { token: user.token })).status).toBe(200);
    expect((await server.call('GET', protectedPath, { token: second })).status).toBe(200);
  });

  it('an unknown token: 401 OBP-20003 naming it, with WWW-Authenticate', async () => {
    for (const path of [protectedPath, '/obp/v2.1.0/management/metrics', '/obp/v2.1.0/banks']) {
      const res = await server.call('GET', path, { token: 'no-such-token' });
      expectError(res, 401, `${messages.invalidToken}no-such-token`);
      const realm = `realm="${server.config.hostname}"`;
      expect(res.headers.get('www-authenticate')).toBe(`OAuth ${realm}, Bearer ${realm}, DirectLogin ${realm}`);
    }
  });

  it('a token with characters no token has: 400 OBP-20011; too long: 400 OBP-20010; empty: 400 OBP-20002', async () => {
    expectError(
      await server.call('GET', protectedPath, { headers: { DirectLogin: 'token=<script>' } }),
      400,
      messages.badCharacters,
    );
    expectError(await server.call('GET', protectedPath, { token: 't'.repeat(513) }), 400, messages.tooLong);
    expectError(
      await server.call('GET', protectedPath, { headers: { DirectLogin: 'token=""' } }),
      400,
      `${messages.missing}token`,
    );
    expectError(
      await server.call('GET', protectedPath, { headers: { Authorization: 'DirectLogin username=x' } }),
      400,
      `${messages.missing}token`,
    );
  });

  it('a token of a disabled consumer is refused (401 OBP-20008)', async () => {
    const consumer = await seedConsumer(server, {
      key: `soon-disabled-${randomUUID()}`,
      appName: 'Soon disabled',
      enabled: true,
    });
    const user = await reader(server);
    const res = await login(server, { DirectLogin: credentials(user.username, user.password, consumer.key) });
    expect(res.status).toBe(201);
    expect((await server.call('GET', protectedPath, { token: res.body.token })).status).toBe(200);
    await server.store.consumers.update(consumer.consumerId, { enabled: false });
    expectError(await server.call('GET', protectedPath, { token: res.body.token }), 401, messages.badConsumerKey);
  });

  it('is stored only as a hash', async () => {
    const user = await reader(server);
    const rows = await tokenRows(server);
    expect(rows.length).toBeGreaterThan(0);
    const stored = JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value));
    expect(stored).not.toContain(user.token);
    expect(rows.some((r) => r.user_id === user.userId)).toBe(true);
  });
});

describe('DELETE /my/logins/direct', () => {
  it('revokes the presented token only', async () => {
    const user = await reader(server);
    const other = await server.login(user.username, user.password);
    const res = await server.call('DELETE', loginPath, { token: user.token });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expectError(await server.call('GET', protectedPath, { token: user.token }), 401, `${messages.invalidToken}${user.token}`);
    expect((await server.call('GET', protectedPath, { token: other })).status).toBe(200);
    // revoking it again: it is unknown now
    expectError(await server.call('DELETE', loginPath, { token: user.token }), 401, `${messages.invalidToken}${user.token}`);
  });

  it('needs a token', async () => {
    expectError(await server.call('DELETE', loginPath), 401, messages.notLoggedIn);
    expectError(
      await server.call('DELETE', loginPath, { headers: { DirectLogin: 'username=x' } }),
      400,
      `${messages.missing}token`,
    );
  });
});

describe('configuration', () => {
  let strict: TestServer;
  let shortLived: TestServer;
  beforeAll(async () => {
    [strict, shortLived] = await Promise.all([
      startTestServer({ OBP_MAX_BAD_LOGIN_ATTEMPTS: '2' }),
      startTestServer({ OBP_TOKEN_EXPIRATION_WEEKS: '0' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([strict.stop(), shortLived.stop()]);
  });

  it('OBP_MAX_BAD_LOGIN_ATTEMPTS=2 locks after the third bad attempt', async () => {
    const user = await strict.user();
    for (let attempt = 1; attempt <= 3; attempt++) {
      expectError(await login(strict, { DirectLogin: credentials(user.username, 'wrong') }), 401, messages.badCredentials);
    }
    expectError(await login(strict, { DirectLogin: credentials(user.username, user.password) }), 401, messages.locked);
  });

  it('OBP_TOKEN_EXPIRATION_WEEKS=0 issues tokens that are already expired', async () => {
    const user = await reader(shortLived);
    expect(user.token.length).toBeGreaterThan(0);
    const res = await shortLived.call('GET', protectedPath, { token: user.token });
    expectError(res, 401, `${messages.invalidToken}${user.token}`);
    expect(res.headers.get('www-authenticate')).toContain('DirectLogin realm=');
  });
});
