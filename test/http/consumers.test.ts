import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consumer } from '../../src/domain/model.js';
import { seedConsumer, startTestServer, testConsumer, type TestServer, type TestUser } from '../helpers/server.js';

const notLoggedIn = { code: 401, message: 'OBP-20001: User not logged in. Authentication is required!' };
const missingRoles = (roles: string) => ({ code: 403, message: `OBP-20006: User is missing one or more roles: ${roles}` });
const invalidConsumerId = 'OBP-20014: Invalid Consumer ID. Please specify a valid value for CONSUMER_ID.';
const consumerNotFound = 'OBP-30019: Consumer not found. Please specify a valid value for CONSUMER_ID.';
const notCreator =
  'OBP-20015: Only the developer that created the consumer key should be able to edit it, please login with the right user.';
const invalidJson = 'OBP-10001: Incorrect json format.';

let server: TestServer;
let reader: TestUser;
let nobody: TestUser;

function insertConsumer(createdByUserId: string, change: Partial<Consumer> = {}): Promise<Consumer> {
  return seedConsumer(server, { createdByUserId, ...change });
}

/** The v2.1.0 JSON of a consumer as it is stored now. */
async function expectedJson(consumerId: number, creator: TestUser | undefined) {
  const c = (await server.store.consumers.get(consumerId))!;
  return {
    consumer_id: c.consumerId,
    app_name: c.appName,
    app_type: c.appType,
    description: c.description,
    developer_email: c.developerEmail,
    redirect_url: c.redirectUrl,
    created_by_user_id: c.createdByUserId,
    created_by_user: creator
      ? {
          user_id: creator.userId,
          email: creator.email,
          provider_id: creator.username,
          provider: server.config.localIdentityProvider,
          username: creator.username,
        }
      : null,
    enabled: c.enabled,
    created: new Date(c.createdAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

beforeAll(async () => {
  server = await startTestServer();
  reader = await server.user({ roles: ['CanGetConsumers'] });
  nobody = await server.user();
});
afterAll(async () => server.stop());

describe('GET /management/consumers', () => {
  it('lists every consumer ordered by id, with its creator', async () => {
    const creator = await server.user();
    const a = await insertConsumer(creator.userId);
    const b = await insertConsumer('no-such-user', { enabled: false, appType: 'Public' });
    const res = await server.call('GET', '/obp/v2.1.0/management/consumers', { token: reader.token });
    expect(res.status).toBe(200);
    const ids = res.body.list.map((c: { consumer_id: number }) => c.consumer_id);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    const bootstrap = await server.store.consumers.getByKey(testConsumer.key);
    expect(ids).toContain(bootstrap!.consumerId);
    expect(res.body.list.find((c: { consumer_id: number }) => c.consumer_id === a.consumerId)).toEqual(
      await expectedJson(a.consumerId, creator),
    );
    // an unknown creator is rendered as null, like OBP
    expect(res.body.list.find((c: { consumer_id: number }) => c.consumer_id === b.consumerId)).toEqual(
      await expectedJson(b.consumerId, undefined),
    );
    expect(res.headers.get('etag')).toBeNull();
  });

  it('needs a login (401) and CanGetConsumers (403)', async () => {
    const anonymous = await server.call('GET', '/obp/v2.1.0/management/consumers');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual(notLoggedIn);
    const withoutRole = await server.call('GET', '/obp/v2.1.0/management/consumers', { token: nobody.token });
    expect(withoutRole.status).toBe(403);
    expect(withoutRole.body).toEqual(missingRoles('CanGetConsumers'));
  });
});

describe('GET /management/consumers/CONSUMER_ID', () => {
  it('returns one consumer with its creator', async () => {
    const creator = await server.user();
    const c = await insertConsumer(creator.userId, { description: 'Ünïcødé <b>desc</b>' });
    const res = await server.call('GET', `/obp/v2.1.0/management/consumers/${c.consumerId}`, { token: reader.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(await expectedJson(c.consumerId, creator));
    expect(res.body.description).toBe('Ünïcødé <b>desc</b>');
  });

  it('answers 400 OBP-20014 for an id that is not a number (old style)', async () => {
    for (const bad of ['abc', '1.5', '12abc', '%3Cscript%3E', "1'%3B%20drop%20table%20consumers", '99999999999999999999']) {
      const res = await server.call('GET', `/obp/v2.1.0/management/consumers/${bad}`, { token: reader.token });
      expect(res.status, bad).toBe(400);
      expect(res.body, bad).toEqual({ code: 400, message: invalidConsumerId });
    }
    expect((await server.store.consumers.list()).length).toBeGreaterThan(0);
  });

  it('answers 400 OBP-30019 for a number that names no consumer', async () => {
    for (const unknown of ['999999', '0', '-1', '9999999999']) {
      const res = await server.call('GET', `/obp/v2.1.0/management/consumers/${unknown}`, { token: reader.token });
      expect(res.status, unknown).toBe(400);
      expect(res.body, unknown).toEqual({ code: 400, message: consumerNotFound });
    }
  });

  it('needs a login (401) and CanGetConsumers (403) before looking at the id', async () => {
    const anonymous = await server.call('GET', '/obp/v2.1.0/management/consumers/abc');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual(notLoggedIn);
    const withoutRole = await server.call('GET', '/obp/v2.1.0/management/consumers/abc', { token: nobody.token });
    expect(withoutRole.status).toBe(403);
    expect(withoutRole.body).toEqual(missingRoles('CanGetConsumers'));
  });
});

describe('PUT /management/consumers/CONSUMER_ID (enable / disable)', () => {
  it('disables with CanDisableConsumers and enables with CanEnableConsumers', async () => {
    const admin = await server.user({ roles: ['CanEnableConsumers', 'CanDisableConsumers'] });
    const appUser = await server.user();
    const c = await insertConsumer(appUser.userId);
    const path = `/obp/v2.1.0/management/consumers/${c.consumerId}`;

    const off = await server.call('PUT', path, { token: admin.token, body: { enabled: false } });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ enabled: false });
    expect((await server.store.consumers.get(c.consumerId))!.enabled).toBe(false);
    // a disabled consumer can no longer log anyone in
    const login = await server.call('POST', '/my/logins/direct', {
      headers: { DirectLogin: `username="${appUser.username}", password="${appUser.password}", consumer_key="${c.key}"` },
    });
    expect(login.status).toBe(401);
    expect(login.body).toEqual({ code: 401, message: 'OBP-20008: Invalid Consumer Key.' });

    const on = await server.call('PUT', path, { token: admin.token, body: { enabled: true, other: 'ignored' } });
    expect(on.status).toBe(200);
    expect(on.body).toEqual({ enabled: true });
    expect((await server.store.consumers.get(c.consumerId))!.enabled).toBe(true);
  });

  it('needs the role that matches the body', async () => {
    const enabler = await server.user({ roles: ['CanEnableConsumers'] });
    const disabler = await server.user({ roles: ['CanDisableConsumers'] });
    const c = await insertConsumer(enabler.userId, { enabled: true });
    const d = await insertConsumer(enabler.userId, { enabled: false });

    const cannotDisable = await server.call('PUT', `/obp/v2.1.0/management/consumers/${c.consumerId}`, {
      token: enabler.token,
      body: { enabled: false },
    });
    expect(cannotDisable.status).toBe(403);
    expect(cannotDisable.body).toEqual(missingRoles('CanDisableConsumers'));
    expect((await server.store.consumers.get(c.consumerId))!.enabled).toBe(true);

    const cannotEnable = await server.call('PUT', `/obp/v2.1.0/management/consumers/${d.consumerId}`, {
      token: disabler.token,
      body: { enabled: true },
    });
    expect(cannotEnable.status).toBe(403);
    expect(cannotEnable.body).toEqual(missingRoles('CanEnableConsumers'));
    expect((await server.store.consumers.get(d.consumerId))!.enabled).toBe(false);

    const disabled = await server.call('PUT', `/obp/v2.1.0/management/consumers/${c.consumerId}`, {
      token: disabler.token,
      body: { enabled: false },
    });
    expect(disabled.status).toBe(200);
    expect((await server.store.consumers.get(c.consumerId))!.enabled).toBe(false);
  });

  it('answers 400 OBP-10001 for a bad body and writes nothing', async () => {
    const admin = await server.user({ roles: ['CanEnableConsumers', 'CanDisableConsumers'] });
    const c = await insertConsumer(admin.userId, { enabled: true });
    const path = `/obp/v2.1.0/management/consumers/${c.consumerId}`;
    for (const body of ['{"enabled": fals', '{}', { enabled: 'false' }, { enabled: 0 }, { enabled: null }, '[]', '"<script>"']) {
      const res = await server.call('PUT', path, { token: admin.token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toEqual({ code: 400, message: invalidJson });
    }
    expect((await server.store.consumers.get(c.consumerId))!.enabled).toBe(true);
  });

  it('answers 400 for a bad or unknown id, 401 without login', async () => {
    const admin = await server.user({ roles: ['CanEnableConsumers', 'CanDisableConsumers'] });
    const bad = await server.call('PUT', '/obp/v2.1.0/management/consumers/not-a-number', {
      token: admin.token,
      body: { enabled: true },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ code: 400, message: invalidConsumerId });
    const unknown = await server.call('PUT', '/obp/v2.1.0/management/consumers/424242', {
      token: admin.token,
      body: { enabled: true },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ code: 400, message: consumerNotFound });
    const anonymous = await server.call('PUT', '/obp/v2.1.0/management/consumers/1', { body: { enabled: true } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual(notLoggedIn);
  });
});

// Port of OBP's v2_1_0/UpdateConsumerRedirectUrlTest plus the failure cases around it.
describe('PUT /management/consumers/CONSUMER_ID/consumer/redirect_url', () => {
  const path = (id: number | string) => `/obp/v2.1.0/management/consumers/${id}/consumer/redirect_url`;

  it('without the role: 403 with the exact OBP-20006 text, nothing changed', async () => {
    const owner = await server.user();
    const c = await insertConsumer(owner.userId);
    const res = await server.call('PUT', path(c.consumerId), {
      token: owner.token,
      body: { redirect_url: 'http://localhost:7070' },
    });
    expect(res.status).toBe(403);
    expect(res.body).toEqual(missingRoles('CanUpdateConsumerRedirectUrl'));
    const after = (await server.store.consumers.get(c.consumerId))!;
    expect(after.redirectUrl).toBe('http://localhost:8888/callback');
    expect(after.enabled).toBe(true);
  });

  it("another user's consumer: 400 OBP-20015, nothing changed", async () => {
    const owner = await server.user();
    const other = await server.user({ roles: ['CanUpdateConsumerRedirectUrl'] });
    const c = await insertConsumer(owner.userId);
    const res = await server.call('PUT', path(c.consumerId), {
      token: other.token,
      body: { redirect_url: 'http://evil.example' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 400, message: notCreator });
    const after = (await server.store.consumers.get(c.consumerId))!;
    expect(after.redirectUrl).toBe('http://localhost:8888/callback');
    expect(after.enabled).toBe(true);
  });

  it('success: 200 with the new redirect_url, and the consumer is disabled again (Q21)', async () => {
    const owner = await server.user({ roles: ['CanUpdateConsumerRedirectUrl'] });
    const c = await insertConsumer(owner.userId);
    const res = await server.call('PUT', path(c.consumerId), {
      token: owner.token,
      body: { redirect_url: 'http://localhost:7070' },
    });
    expect(res.status).toBe(200);
    expect(res.body.redirect_url).toBe('http://localhost:7070');
    expect(res.body.enabled).toBe(false);
    expect(res.body).toEqual(await expectedJson(c.consumerId, owner));
    const after = (await server.store.consumers.get(c.consumerId))!;
    expect(after.redirectUrl).toBe('http://localhost:7070');
    expect(after.enabled).toBe(false);
  });

  it('stores hostile and unicode values verbatim and echoes them as JSON', async () => {
    const owner = await server.user({ roles: ['CanUpdateConsumerRedirectUrl'] });
    const c = await insertConsumer(owner.userId);
    for (const url of ['<script>alert(1)</script>', "'; drop table consumers; --", 'https://例え.jp/コールバック', '']) {
      const res = await server.call('PUT', path(c.consumerId), { token: owner.token, body: { redirect_url: url } });
      expect(res.status, url).toBe(200);
      expect(res.body.redirect_url).toBe(url);
      expect((await server.store.consumers.get(c.consumerId))!.redirectUrl).toBe(url);
    }
  });

  it('a redirect URL over 250 characters cannot be stored: 400 OBP-30023, nothing changed', async () => {
    const owner = await server.user({ roles: ['CanUpdateConsumerRedirectUrl'] });
    const c = await insertConsumer(owner.userId);
    const res = await server.call('PUT', path(c.consumerId), {
      token: owner.token,
      body: { redirect_url: `http://x/${'a'.repeat(242)}` },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 400, message: 'OBP-30023: Cannot update Consumer ' });
    const after = (await server.store.consumers.get(c.consumerId))!;
    expect(after.redirectUrl).toBe('http://localhost:8888/callback');
    expect(after.enabled).toBe(true);
  });

  it('bad bodies are 400 OBP-10001 and change nothing', async () => {
    const owner = await server.user({ roles: ['CanUpdateConsumerRedirectUrl'] });
    const c = await insertConsumer(owner.userId);
    for (const body of ['{"redirect_url": "http://x"', '{}', { redirect_url: 42 }, { redirect_url: null }, { url: 'http://x' }]) {
      const res = await server.call('PUT', path(c.consumerId), { token: owner.token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toEqual({ code: 400, message: invalidJson });
    }
    expect((await server.store.consumers.get(c.consumerId))!.redirectUrl).toBe('http://localhost:8888/callback');
  });

  it('bad id is 400 OBP-20014, unknown id 404 OBP-30019 (new style), no login 401', async () => {
    const owner = await server.user({ roles: ['CanUpdateConsumerRedirectUrl'] });
    const bad = await server.call('PUT', path('x1'), { token: owner.token, body: { redirect_url: 'http://x' } });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ code: 400, message: invalidConsumerId });
    const unknown = await server.call('PUT', path(777777), { token: owner.token, body: { redirect_url: 'http://x' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ code: 404, message: consumerNotFound });
    const anonymous = await server.call('PUT', path(1), { body: { redirect_url: 'http://x' } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual(notLoggedIn);
  });
});

describe('redirect URL update with consumers_enabled_by_default=true', () => {
  let open: TestServer;
  beforeAll(async () => {
    open = await startTestServer({ OBP_CONSUMERS_ENABLED_BY_DEFAULT: 'true' });
  });
  afterAll(async () => open.stop());

  it('needs no role and leaves the consumer enabled; the creator rule still holds', async () => {
    const owner = await open.user();
    const other = await open.user();
    const c = await seedConsumer(open, {
      appName: 'Open App',
      appType: 'Public',
      description: '',
      developerEmail: '',
      redirectUrl: '',
      company: '',
      createdByUserId: owner.userId,
      enabled: false,
    });
    const url = `/obp/v2.1.0/management/consumers/${c.consumerId}/consumer/redirect_url`;
    const denied = await open.call('PUT', url, { token: other.token, body: { redirect_url: 'http://a' } });
    expect(denied.status).toBe(400);
    expect(denied.body).toEqual({ code: 400, message: notCreator });
    const res = await open.call('PUT', url, { token: owner.token, body: { redirect_url: 'http://b' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ consumer_id: c.consumerId, redirect_url: 'http://b', enabled: true });
    expect((await open.store.consumers.get(c.consumerId))!.enabled).toBe(true);
  });
});
