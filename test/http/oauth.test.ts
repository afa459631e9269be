import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedConsumer, startTestServer, type TestServer, type TestUser } from '../helpers/server.js';
import { expectNothingWritten } from '../helpers/table-snapshot.js';
import {
  accessToken,
  authorize,
  exchange,
  formReply,
  initiate,
  oauthHeader,
  openAuthorizePage,
  postLogin,
  signedCall,
  type KeyPair,
} from '../helpers/oauth.js';

const currentUser = '/obp/v2.1.0/users/current';
const invalidConsumer = 'OBP-20009: Invalid consumer credentials';
const badCredentials = 'OBP-20004: Invalid login credentials. Check username/password.';
const locked = 'OBP-20013: The account has been locked, please contact an administrator!';

let server: TestServer;
let user: TestUser;
let consumer: KeyPair;

beforeAll(async () => {
  server = await startTestServer();
  user = await server.user();
  const c = await seedConsumer(server, { secret: 'a consumer secret with spaces & symbols' });
  consumer = { key: c.key, secret: c.secret };
});
afterAll(() => server.stop());

async function rows(table: 'tokens' | 'oauth_request_tokens' | 'oauth_nonces'): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(server.store.connection.db);
  return Number(r.rows[0]!.n);
}

describe('OAuth 1.0a three-legged flow', () => {
  for (const algorithm of ['HMAC-SHA1', 'HMAC-SHA256'] as const) {
    it(`${algorithm}: initiate, log in on the page, exchange the verifier, then a signed GET /users/current`, async () => {
      const res = await signedCall(server, 'POST', '/oauth/initiate', {
        consumer,
        algorithm,
        extra: { oauth_callback: 'http://localhost:8888/callback?app=1' },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
      const reply = formReply(res);
      expect(Object.keys(reply)).toEqual(['oauth_token', 'oauth_token_secret', 'oauth_callback_confirmed']);
      expect(reply.oauth_token).toMatch(/^[A-Za-z0-9]{40}$/);
      expect(reply.oauth_token_secret).toMatch(/^[A-Za-z0-9]{40}$/);
      expect(reply.oauth_callback_confirmed).toBe('true');
      const requestToken = { key: reply.oauth_token!, secret: reply.oauth_token_secret! };

      const page = await openAuthorizePage(server, requestToken.key);
      expect(page.res.status).toBe(200);
      expect(page.html).toContain('<label for="username">');
      expect(page.html).toContain(`name="oauth_token" value="${requestToken.key}"`);
      const login = await postLogin(
        server,
        { oauth_token: requestToken.key, csrf_token: page.csrf, username: user.username, password: user.password },
        page.cookie,
      );
      expect(login.status).toBe(302);
      const location = new URL(login.location!);
      expect(location.origin + location.pathname).toBe('http://localhost:8888/callback');
      expect(location.searchParams.get('app')).toBe('1');
      expect(location.searchParams.get('oauth_token')).toBe(requestToken.key);
      const verifier = location.searchParams.get('oauth_verifier')!;

      const tokenRes = await exchange(server, consumer, requestToken, verifier, algorithm);
      expect(tokenRes.status).toBe(200);
      expect(tokenRes.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
      const access = formReply(tokenRes);
      expect(Object.keys(access)).toEqual(['oauth_token', 'oauth_token_secret']);
      const token = { key: access.oauth_token!, secret: access.oauth_token_secret! };

      const me = await signedCall(server, 'GET', currentUser, { consumer, token, algorithm });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ user_id: user.userId, username: user.username, email: user.email });
      // the request token is gone once exchanged
      expectText(
        await exchange(server, consumer, requestToken, verifier, algorithm),
        401,
        `Invalid or expired request token: ${requestToken.key}`,
      );
    });
  }

  it('several request tokens of one consumer are alive at once; oob shows the verifier on the page', async () => {
    const first = await initiate(server, consumer, 'oob');
    const second = await initiate(server, consumer);
    const verifier = await authorize(server, second.key, user.username, user.password);
    const page = await openAuthorizePage(server, first.key);
    const shown = await postLogin(
      server,
      { oauth_token: first.key, csrf_token: page.csrf, username: user.username, password: user.password },
      page.cookie,
    );
    expect(shown.status).toBe(200);
    const other = /id="verifier">([A-Za-z0-9]{40})</.exec(shown.html)![1]!;
    expect((await exchange(server, consumer, first, other)).status).toBe(200);
    expect((await exchange(server, consumer, second, verifier)).status).toBe(200);
  });

  it('query parameters are signed, and the base URI is OBP_HOSTNAME, not the address the request reached', async () => {
    const token = await accessToken(server, consumer, user);
    const path = `${currentUser}?a=1&b=x%20y`;
    expect((await signedCall(server, 'GET', path, { consumer, token })).status).toBe(200);
    const res = await signedCall(server, 'GET', currentUser, { consumer, token, hostname: server.url });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 401, message: 'Invalid signature' });
  });
});

function expectText(res: { status: number; text: string }, status: number, text: string) {
  expect({ status: res.status, text: res.text }).toEqual({ status, text });
}

describe('OAuth 1.0a failures: the documented errors, nothing issued', () => {
  it('bad signature, unknown consumer, disabled consumer, missing and unsupported parameters on /oauth/initiate', async () => {
    const disabled = await seedConsumer(server, { enabled: false });
    await expectNothingWritten(server.store, async () => {
      const callback = { oauth_callback: 'oob' };
      expectText(
        await signedCall(server, 'POST', '/oauth/initiate', { consumer: { ...consumer, secret: 'wrong' }, extra: callback }),
        401,
        'Invalid signature',
      );
      expectText(
        await signedCall(server, 'POST', '/oauth/initiate', {
          consumer: { key: 'no-such-consumer', secret: 'x' },
          extra: callback,
        }),
        401,
        invalidConsumer,
      );
      expectText(
        await signedCall(server, 'POST', '/oauth/initiate', {
          consumer: { key: disabled.key, secret: disabled.secret },
          extra: callback,
        }),
        401,
        invalidConsumer,
      );
      expectText(
        await signedCall(server, 'POST', '/oauth/initiate', { consumer }),
        400,
        'the following parameters are missing : oauth_callback',
      );
      expectText(
        await server.call('POST', '/oauth/initiate', { headers: { Authorization: 'OAuth oauth_signature_method="PLAINTEXT"' } }),
        400,
        'the following parameters are missing : oauth_callback, oauth_consumer_key, oauth_nonce, oauth_timestamp, oauth_signature',
      );
      const plaintext = oauthHeader(server, 'POST', '/oauth/initiate', { consumer, extra: callback }).replace(
        'HMAC-SHA1',
        'PLAINTEXT',
      );
      expectText(
        await server.call('POST', '/oauth/initiate', { headers: { Authorization: plaintext } }),
        400,
        'Unsupported signature method, please use hmac-sha1 or hmac-sha256',
      );
      const twice = oauthHeader(server, 'POST', '/oauth/initiate', { consumer, extra: callback }) + ', oauth_nonce="again"';
      expectText(
        await server.call('POST', '/oauth/initiate', { headers: { Authorization: twice } }),
        400,
        'Duplicated oauth protocol parameters',
      );
      expectText(
        await signedCall(server, 'POST', '/oauth/initiate', { consumer, extra: { oauth_callback: 'javascript:alert(1)' } }),
        400,
        'Invalid callback URL',
      );
    });
  });

  it('a stale or future timestamp: 400 with OBP text', async () => {
    await expectNothingWritten(server.store, async () => {
      const stale = Math.floor(Date.now() / 1000) - 3600;
      expectText(
        await signedCall(server, 'POST', '/oauth/initiate', { consumer, timestamp: stale, extra: { oauth_callback: 'oob' } }),
        400,
        `oauth_timestamp value: ${stale} is in and invalid time range`,
      );
      const future = Math.floor(Date.now() / 1000) + 3600;
      const res = await signedCall(server, 'GET', currentUser, { consumer, token: { key: 'x', secret: 'y' }, timestamp: future });
      expect(res.body).toEqual({ code: 400, message: `oauth_timestamp value: ${future} is in and invalid time range` });
    });
  });

  it('a reused nonce: 401 Nonce already used, on the handshake and on API calls', async () => {
    const nonce = 'the-same-nonce';
    const timestamp = Math.floor(Date.now() / 1000);
    const options = { consumer, nonce, timestamp, extra: { oauth_callback: 'oob' } };
    expect((await signedCall(server, 'POST', '/oauth/initiate', options)).status).toBe(200);
    const before = await rows('oauth_request_tokens');
    expectText(await signedCall(server, 'POST', '/oauth/initiate', options), 401, 'Nonce already used');
    expect(await rows('oauth_request_tokens')).toBe(before);

    const token = await accessToken(server, consumer, user);
    const header = oauthHeader(server, 'GET', currentUser, { consumer, token });
    expect((await server.call('GET', currentUser, { headers: { Authorization: header } })).status).toBe(200);
    const replay = await server.call('GET', currentUser, { headers: { Authorization: header } });
    expect(replay.status).toBe(401);
    expect(replay.body).toEqual({ code: 401, message: 'Nonce already used' });
  });

  it('a wrong verifier or an expired request token: 401, no access token; the right verifier still works', async () => {
    const requestToken = await initiate(server, consumer);
    const verifier = await authorize(server, requestToken.key, user.username, user.password);
    const tokens = await rows('tokens');
    expectText(
      await exchange(server, consumer, requestToken, 'not-the-verifier'),
      401,
      `Invalid or expired request token: ${requestToken.key}`,
    );
    const otherConsumer = await seedConsumer(server);
    expectText(
      await exchange(server, { key: otherConsumer.key, secret: otherConsumer.secret }, requestToken, verifier),
      401,
      `Invalid or expired request token: ${requestToken.key}`,
    );
    expect(await rows('tokens')).toBe(tokens);
    expect((await exchange(server, consumer, requestToken, verifier)).status).toBe(200);

    const expiring = await initiate(server, consumer);
    const late = await authorize(server, expiring.key, user.username, user.password);
    await server.store.connection.db
      .updateTable('oauth_request_tokens')
      .set({ expires_at: Date.now() - 1 })
      .execute();
    expectText(await exchange(server, consumer, expiring, late), 401, `Invalid or expired request token: ${expiring.key}`);
    const pending = await initiate(server, consumer);
    await server.store.connection.db
      .updateTable('oauth_request_tokens')
      .set({ expires_at: Date.now() - 1 })
      .execute();
    const page = await openAuthorizePage(server, pending.key);
    expect(page.res.status).toBe(400);
    expect(page.html).toContain('Token expired');
    expect((await openAuthorizePage(server, 'no-such-token')).html).toContain('This token does not exist');
    expect((await openAuthorizePage(server, '')).html).toContain('There is no Token.');
  });

  it('API calls: unknown access token, disabled consumer, revoked consumer secret', async () => {
    const c = await seedConsumer(server);
    const own = { key: c.key, secret: c.secret };
    const token = await accessToken(server, own, user);
    expect((await signedCall(server, 'GET', currentUser, { consumer: own, token })).status).toBe(200);
    const unknown = await signedCall(server, 'GET', currentUser, { consumer: own, token: { key: 'nope', secret: token.secret } });
    expect(unknown.body).toEqual({ code: 401, message: 'Invalid or expired access token: nope' });
    // a token is only good with the consumer it was issued to
    const borrowed = await signedCall(server, 'GET', currentUser, { consumer, token });
    expect(borrowed.body).toEqual({ code: 401, message: `Invalid or expired access token: ${token.key}` });
    await server.store.consumers.update(c.consumerId, { enabled: false });
    const off = await signedCall(server, 'GET', currentUser, { consumer: own, token });
    expect(off.status).toBe(401);
    expect(off.body).toEqual({ code: 401, message: invalidConsumer });
    await server.store.consumers.update(c.consumerId, { enabled: true, secret: 'rotated' });
    expect((await signedCall(server, 'GET', currentUser, { consumer: own, token })).body).toEqual({
      code: 401,
      message: 'Invalid signature',
    });
    expect((await signedCall(server, 'GET', currentUser, { consumer: { ...own, secret: 'rotated' }, token })).status).toBe(200);
  });

  it('20 parallel exchanges of one verifier give exactly one access token', async () => {
    const requestToken = await initiate(server, consumer);
    const verifier = await authorize(server, requestToken.key, user.username, user.password);
    const tokens = await rows('tokens');
    const results = await Promise.all(Array.from({ length: 20 }, () => exchange(server, consumer, requestToken, verifier)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200))
      expectText(r, 401, `Invalid or expired request token: ${requestToken.key}`);
    expect(await rows('tokens')).toBe(tokens + 1);
  });
});

describe('the authorisation page', () => {
  it('carries the security headers and escapes the application name', async () => {
    const c = await seedConsumer(server, { appName: '<script>alert("x")</script>' });
    const requestToken = await initiate(server, { key: c.key, secret: c.secret });
    const page = await openAuthorizePage(server, requestToken.key);
    const h = page.res.headers;
    expect(h.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = h.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('script-src');
    expect(h.get('x-frame-options')).toBe('DENY');
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('referrer-policy')).toBe('no-referrer');
    expect(h.get('access-control-allow-origin')).toBeNull();
    expect(h.get('set-cookie')).toMatch(/^obp_csrf=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(page.html).not.toContain('<script>');
    expect(page.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    const error = await openAuthorizePage(server, '<b>x</b>');
    expect(error.res.headers.get('x-frame-options')).toBe('DENY');
    expect(error.html).not.toContain('<b>x');
  });

  it('refuses a POST without the cookie, without the CSRF token or with another one: 403, no password checked', async () => {
    const requestToken = await initiate(server, consumer);
    const page = await openAuthorizePage(server, requestToken.key);
    const otherPage = await openAuthorizePage(server, (await initiate(server, consumer)).key);
    const fields = { oauth_token: requestToken.key, username: user.username, password: user.password };
    await expectNothingWritten(server.store, async () => {
      for (const [form, cookie] of [
        [{ ...fields, csrf_token: page.csrf }, undefined],
        [fields, page.cookie],
        [{ ...fields, csrf_token: 'forged' }, page.cookie],
        [{ ...fields, csrf_token: otherPage.csrf }, otherPage.cookie],
        [{ ...fields, csrf_token: page.csrf }, otherPage.cookie],
      ] as const) {
        const res = await postLogin(server, form, cookie);
        expect(res.status).toBe(403);
        expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
        expect(res.location).toBeNull();
      }
    });
    expect((await postLogin(server, { ...fields, csrf_token: page.csrf }, page.cookie)).status).toBe(302);
  });

  it('a wrong password shows the form again with OBP-20004; an authorised token cannot be authorised again', async () => {
    const requestToken = await initiate(server, consumer);
    const page = await openAuthorizePage(server, requestToken.key);
    const fields = { oauth_token: requestToken.key, csrf_token: page.csrf, username: user.username };
    const wrong = await postLogin(server, { ...fields, password: 'wrong' }, page.cookie);
    expect(wrong.status).toBe(200);
    expect(wrong.html).toContain(badCredentials);
    expect(wrong.html).toContain('name="password"');
    expect((await postLogin(server, { ...fields, password: user.password }, page.cookie)).status).toBe(302);
    const again = await postLogin(server, { ...fields, password: user.password }, page.cookie);
    expect(again.status).toBe(400);
    expect(again.html).toContain('This token has already been authorised');
  });

  it('50 parallel wrong passwords check no more passwords than the lock allows', async () => {
    const victim = await server.user();
    const requestToken = await initiate(server, consumer);
    const page = await openAuthorizePage(server, requestToken.key);
    const fields = {
      oauth_token: requestToken.key,
      csrf_token: page.csrf,
      username: victim.username,
      password: 'Wrong-Password-1!',
    };
    const results = await Promise.all(Array.from({ length: 50 }, () => postLogin(server, fields, page.cookie)));
    const max = server.config.props.maxBadLoginAttempts;
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.html.includes(badCredentials))).toHaveLength(max + 1);
    expect(results.filter((r) => r.html.includes(locked))).toHaveLength(50 - max - 1);
    const right = await postLogin(server, { ...fields, password: victim.password }, page.cookie);
    expect(right.html).toContain(locked);
    expect(right.location).toBeNull();
  });

  it('never throttles successful logins from one address', async () => {
    for (let i = 0; i < 15; i++) {
      const requestToken = await initiate(server, consumer);
      await authorize(server, requestToken.key, user.username, user.password);
    }
  });
});
