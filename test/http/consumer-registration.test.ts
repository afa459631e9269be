import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initiate } from '../helpers/oauth.js';
import { startTestServer, type TestServer, type TestUser } from '../helpers/server.js';
import { expectNothingWritten } from '../helpers/table-snapshot.js';

const page = '/consumer-registration';
const badCredentials = 'OBP-20004: Invalid login credentials. Check username/password.';
const locked = 'OBP-20013: The account has been locked, please contact an administrator!';

interface Browser {
  cookies: Map<string, string>;
}

interface PageResponse {
  status: number;
  html: string;
  headers: Headers;
  location: string | null;
  csrf: string;
}

function cookieHeader(b: Browser): string {
  return [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

async function request(server: TestServer, b: Browser, method: string, path: string, form?: Record<string, string>) {
  const res = await fetch(server.url + path, {
    method,
    redirect: 'manual',
    headers: {
      ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      ...(b.cookies.size > 0 ? { Cookie: cookieHeader(b) } : {}),
    },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq);
    const value = pair!.slice(eq + 1);
    if (value === '' || /Max-Age=0/.test(line)) b.cookies.delete(name);
    else b.cookies.set(name, value);
  }
  const html = await res.text();
  const csrf = /name="csrf_token" value="([^"]*)"/.exec(html)?.[1] ?? '';
  return { status: res.status, html, headers: res.headers, location: res.headers.get('location'), csrf } satisfies PageResponse;
}

function browser(): Browser {
  return { cookies: new Map() };
}

async function loggedIn(
  server: TestServer,
  user: { username: string; password: string },
): Promise<{ b: Browser; form: PageResponse }> {
  const b = browser();
  const login = await request(server, b, 'GET', page);
  const res = await request(server, b, 'POST', `${page}/login`, {
    csrf_token: login.csrf,
    username: user.username,
    password: user.password,
  });
  expect(res.status).toBe(303);
  expect(res.location).toBe(page);
  const form = await request(server, b, 'GET', page);
  expect(form.html).toContain('name="app-name"');
  return { b, form };
}

const application = {
  'app-type': 'Confidential',
  'app-name': 'My <Test> App',
  'app-redirect-url': 'https://app.example.com/callback',
  'app-developer': 'dev@example.com',
  'app-description': 'Reads accounts.\nNothing else.',
  'app-company': 'Example Ltd',
};

function shown(html: string, id: string): string {
  return [...html.matchAll(/id="([^"]*)">([^<]*)</g)].find((m) => m[1] === id)?.[2] ?? '';
}

async function consumerRows(server: TestServer) {
  return server.store.connection.db.selectFrom('consumers').selectAll().execute();
}

async function sessionRows(server: TestServer) {
  return server.store.connection.db.selectFrom('web_sessions').selectAll().execute();
}

describe.each([false, true])('consumer registration (OBP_CONSUMERS_ENABLED_BY_DEFAULT=%s)', (enabledByDefault) => {
  let server: TestServer;
  let user: TestUser;

  beforeAll(async () => {
    server = await startTestServer({ OBP_CONSUMERS_ENABLED_BY_DEFAULT: String(enabledByDefault) });
    user = await server.user();
  });
  afterAll(() => server.stop());

  it('login → register → key and secret shown once → the consumer exists, created by the user', async () => {
    const anonymous = await request(server, browser(), 'GET', page);
    expect(anonymous.status).toBe(200);
    expect(anonymous.html).toContain('name="username"');
    expect(anonymous.html).not.toContain('name="app-name"');

    const { b, form } = await loggedIn(server, user);
    expect(form.html).toContain(user.username);
    const res = await request(server, b, 'POST', page, { ...application, csrf_token: form.csrf });
    expect(res.status).toBe(201);
    const key = shown(res.html, 'consumer-key');
    const secret = shown(res.html, 'consumer-secret');
    expect(key).toMatch(/^[a-z0-9]{40}$/);
    expect(secret).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(res.html).toContain('My &lt;Test&gt; App');
    // enabled whatever OBP_CONSUMERS_ENABLED_BY_DEFAULT says: a registered developer starts at once
    expect(res.html).toContain('<strong>enabled</strong>');

    const consumer = await server.store.consumers.getByKey(key);
    expect(consumer).toMatchObject({
      secret,
      appName: 'My <Test> App',
      appType: 'Confidential',
      redirectUrl: 'https://app.example.com/callback',
      developerEmail: 'dev@example.com',
      description: 'Reads accounts.\nNothing else.',
      company: 'Example Ltd',
      createdByUserId: user.userId,
      enabled: true,
    });
    // stored encrypted, never in clear
    const row = (await consumerRows(server)).find((r) => r.consumer_key === key)!;
    expect(row.secret).not.toContain(secret);
    expect(Number(row.secret_encrypted)).toBe(1);

    // shown once: the page never shows it again
    const again = await request(server, b, 'GET', page);
    expect(again.html).not.toContain(secret);

    const direct = await server.call('POST', '/my/logins/direct', {
      headers: { DirectLogin: `username="${user.username}", password="${user.password}", consumer_key="${key}"` },
    });
    expect(direct.status).toBe(201);
    const requestToken = await initiate(server, { key, secret });
    expect(requestToken.key).not.toBe('');
  });

  it('the anonymous form and the logged-in one carry the security headers; no script', async () => {
    const b = browser();
    const login = await request(server, b, 'GET', page);
    const { form } = await loggedIn(server, user);
    for (const res of [login, form]) {
      const h = res.headers;
      expect(h.get('content-type')).toBe('text/html; charset=utf-8');
      expect(h.get('content-security-policy')).toContain("default-src 'none'");
      expect(h.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(h.get('x-frame-options')).toBe('DENY');
      expect(h.get('x-content-type-options')).toBe('nosniff');
      expect(h.get('cache-control')).toBe('no-store');
      expect(res.html).not.toContain('<script');
      expect(res.html).toContain('name="viewport"');
      for (const [, id] of res.html.matchAll(/<(?:input|select|textarea) id="([^"]*)"/g)) {
        expect(res.html).toContain(`<label for="${id}"`);
      }
    }
  });

  it('the session cookie is HttpOnly, SameSite=Lax, scoped to the page; stored only as a hash', async () => {
    const b = browser();
    const login = await request(server, b, 'GET', page);
    const res = await fetch(server.url + `${page}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookieHeader(b) },
      body: new URLSearchParams({ csrf_token: login.csrf, username: user.username, password: user.password }).toString(),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('obp_registration_session='))!;
    expect(cookie).toMatch(
      /^obp_registration_session=[A-Za-z0-9_-]{43}; Path=\/consumer-registration; HttpOnly; SameSite=Lax; Max-Age=1800$/,
    );
    const id = cookie.split(';')[0]!.split('=')[1]!;
    const rows = await sessionRows(server);
    expect(rows.some((r) => r.id_hash === id)).toBe(false);
    expect(rows.some((r) => r.user_id === user.userId)).toBe(true);
  });

  it('a missing or wrong CSRF token is refused (403) and nothing is written', async () => {
    const { b, form } = await loggedIn(server, user);
    const other = await loggedIn(server, user);
    await expectNothingWritten(server.store, async () => {
      for (const token of [undefined, 'forged', other.form.csrf]) {
        const res = await request(server, b, 'POST', page, { ...application, ...(token ? { csrf_token: token } : {}) });
        expect(res.status).toBe(403);
        expect(res.headers.get('x-frame-options')).toBe('DENY');
      }
      // the login form: no password checked without its token
      const fresh = browser();
      const res = await request(server, fresh, 'POST', `${page}/login`, { username: user.username, password: 'wrong' });
      expect(res.status).toBe(403);
      const logout = await request(server, b, 'POST', `${page}/logout`, { csrf_token: 'forged' });
      expect(logout.status).toBe(403);
    });
    expect((await request(server, b, 'POST', page, { ...application, csrf_token: form.csrf })).status).toBe(201);
  });

  it('bad form values: errors on the page next to their fields, values kept, nothing written', async () => {
    const { b, form } = await loggedIn(server, user);
    const cases: [Record<string, string>, string, string][] = [
      [{ 'app-type': 'Secret' }, 'app-type', 'Choose Confidential or Public.'],
      [{ 'app-name': '  ' }, 'app-name', 'Enter the name of the application.'],
      [{ 'app-name': 'x'.repeat(256) }, 'app-name', 'At most 255 characters.'],
      [{ 'app-name': 'a\u0000b' }, 'app-name', 'Must not contain control characters.'],
      [{ 'app-developer': 'not-an-email' }, 'app-developer', 'Enter the e-mail address of the developer'],
      [{ 'app-redirect-url': 'javascript:alert(1)' }, 'app-redirect-url', 'The redirect URL must start with https:// or http://'],
      [{ 'app-redirect-url': 'no url' }, 'app-redirect-url', 'Enter a full URL'],
      [{ 'app-description': '' }, 'app-description', 'Describe what the application does.'],
      [{ 'app-description': 'y'.repeat(2001) }, 'app-description', 'At most 2000 characters.'],
    ];
    await expectNothingWritten(server.store, async () => {
      for (const [change, field, message] of cases) {
        const res = await request(server, b, 'POST', page, { ...application, ...change, csrf_token: form.csrf });
        expect(res.status, field).toBe(400);
        expect(res.html).toContain(`id="${field}-error">${message}`);
        expect(res.html).toContain(`aria-invalid="true"`);
        expect(res.html).toContain('value="Example Ltd"');
      }
      const missing = await request(server, b, 'POST', page, { csrf_token: form.csrf });
      expect(missing.status).toBe(400);
    });
  });

  it('logout ends the session: the cookie no longer registers anything', async () => {
    const { b, form } = await loggedIn(server, user);
    const stolen = new Map(b.cookies);
    const out = await request(server, b, 'POST', `${page}/logout`, { csrf_token: form.csrf });
    expect(out.status).toBe(303);
    expect(b.cookies.has('obp_registration_session')).toBe(false);
    expect((await request(server, b, 'GET', page)).html).toContain('name="username"');
    await expectNothingWritten(server.store, async () => {
      const res = await request(server, { cookies: stolen }, 'POST', page, { ...application, csrf_token: form.csrf });
      expect(res.status).toBe(401);
      expect(res.html).toContain('name="username"');
    });
  });

  it('an expired session is a login form again', async () => {
    const { b, form } = await loggedIn(server, user);
    await server.store.connection.db
      .updateTable('web_sessions')
      .set({ expires_at: Date.now() - 1 })
      .where('user_id', '=', user.userId)
      .execute();
    expect((await request(server, b, 'GET', page)).html).toContain('name="username"');
    const res = await request(server, b, 'POST', page, { ...application, csrf_token: form.csrf });
    expect(res.status).toBe(401);
  });

  it('a wrong password shows the form again; 50 parallel wrong passwords check no more than the lock allows', async () => {
    const victim = await server.user();
    const b = browser();
    const login = await request(server, b, 'GET', page);
    const fields = { csrf_token: login.csrf, username: victim.username, password: 'Wrong-Password-1!' };
    const results = await Promise.all(Array.from({ length: 50 }, () => request(server, b, 'POST', `${page}/login`, fields)));
    const max = server.config.props.maxBadLoginAttempts;
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.html.includes(badCredentials))).toHaveLength(max + 1);
    expect(results.filter((r) => r.html.includes(locked))).toHaveLength(50 - max - 1);
    const right = await request(server, b, 'POST', `${page}/login`, { ...fields, password: victim.password });
    expect(right.status).toBe(200);
    expect(right.html).toContain(locked);
    expect(b.cookies.has('obp_registration_session')).toBe(false);
  });

  it('never throttles successful logins from one address', async () => {
    for (let i = 0; i < 15; i++) await loggedIn(server, user);
  });
});

describe('consumer registration over https', () => {
  it('marks the session cookie Secure', async () => {
    const server = await startTestServer({ OBP_HOSTNAME: 'https://api.example.com' });
    try {
      const user = await server.user();
      const b = browser();
      const login = await request(server, b, 'GET', page);
      const res = await fetch(server.url + `${page}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookieHeader(b) },
        body: new URLSearchParams({ csrf_token: login.csrf, username: user.username, password: user.password }).toString(),
      });
      expect(res.headers.getSetCookie().find((c) => c.startsWith('obp_registration_session='))).toMatch(/; Secure$/);
    } finally {
      await server.stop();
    }
  });
});
