/** Cross-cutting HTTP behaviour: parsing, hostile input, headers, caching, unknown schemes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let admin: Awaited<ReturnType<TestServer['user']>>;
beforeAll(async () => {
  server = await startTestServer({ OBP_BODY_LIMIT_BYTES: '65536' });
  admin = await server.user({ roles: ['CanGetAnyUser'] });
});
afterAll(async () => server.stop());

const signup = (username: string) => ({
  email: `${username}@example.com`,
  username,
  password: 'Str0ng-Password!',
  first_name: 'First',
  last_name: 'Last',
});

async function userExists(username: string): Promise<boolean> {
  return (await server.store.users.getByProvider(server.config.localIdentityProvider, username)) !== undefined;
}

describe('request bodies', () => {
  it('malformed JSON is 400 OBP-10001 and writes nothing', async () => {
    const res = await server.call('POST', '/obp/v2.1.0/users', { body: '{"username": "broken.json", "email":' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 400, message: 'OBP-10001: Incorrect json format.' });
    expect(await userExists('broken.json')).toBe(false);
  });

  it('an oversized body is 413 with an OBP error and writes nothing', async () => {
    const body = { ...signup('oversized.user'), last_name: 'x'.repeat(70_000) };
    const res = await server.call('POST', '/obp/v2.1.0/users', { body });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe(413);
    expect(res.body.message).toMatch(/^OBP-10001: Incorrect json format\. Request body exceeds 65536 bytes\.$/);
    expect(await userExists('oversized.user')).toBe(false);
  });

  it('parses JSON whatever the content type says, as OBP does', async () => {
    const res = await server.call('POST', '/obp/v2.1.0/users', {
      body: JSON.stringify(signup('plain.text.user')),
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(res.status).toBe(201);
    expect(await userExists('plain.text.user')).toBe(true);
  });

  it('refuses __proto__ keys: 400 OBP-10001, nothing written, no object polluted', async () => {
    const res = await server.call('POST', '/obp/v2.1.0/users', {
      body: `{"__proto__": {"polluted": true}, ${JSON.stringify(signup('proto.user')).slice(1)}`,
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 400, message: 'OBP-10001: Incorrect json format. The key "__proto__" is not allowed.' });
    expect(await userExists('proto.user')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('URLs', () => {
  it('bad percent-encoding and absurdly long path segments are 400 OBP-10017', async () => {
    for (const path of ['/obp/v2.1.0/banks/%E0%A4%A', `/obp/v2.1.0/banks/${'a'.repeat(3000)}`]) {
      const res = await server.call('GET', path);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code: 400, message: 'OBP-10017: Incorrect URL Format. ' });
    }
  });

  it('hostile but well-formed ids are simply not found', async () => {
    for (const id of ["'; drop table banks; --", '<script>alert(1)</script>', '..%2F..%2Fetc%2Fpasswd', '\u{1F4B0}']) {
      const res = await server.call('GET', `/obp/v2.1.0/banks/${encodeURIComponent(id)}`);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^OBP-30001: /);
    }
    expect((await server.call('GET', '/obp/v2.1.0/banks')).status).toBe(200);
  });
});

describe('headers', () => {
  it('every answer carries CORS and a correlation id, errors included', async () => {
    for (const path of ['/obp/v2.1.0/root', '/obp/v2.1.0/nowhere', '/obp/v2.1.0/users/current']) {
      const res = await server.call('GET', path);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('401 answers carry WWW-Authenticate with the three realms', async () => {
    const res = await server.call('GET', '/obp/v2.1.0/users/current');
    expect(res.status).toBe(401);
    const realm = server.config.hostname;
    expect(res.headers.get('www-authenticate')).toBe(
      `OAuth realm="${realm}", Bearer realm="${realm}", DirectLogin realm="${realm}"`,
    );
  });

  it('new-style GETs send an ETag and answer 304 to If-None-Match; old-style send none', async () => {
    const first = await server.call('GET', '/obp/v2.1.0/users', { token: admin.token });
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^[0-9a-f]+$/);
    const again = await server.call('GET', '/obp/v2.1.0/users', { token: admin.token, headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    const changed = await server.call('GET', '/obp/v2.1.0/users', { token: admin.token, headers: { 'If-None-Match': 'abc' } });
    expect(changed.status).toBe(200);
    expect((await server.call('GET', '/obp/v2.1.0/banks')).headers.get('etag')).toBeNull();
  });

  it('an unsupported Authorization scheme is 401 OBP-20080 on new-style endpoints and ignored by old-style ones', async () => {
    const basic = { Authorization: 'Basic dXNlcjpwYXNz' };
    const refused = await server.call('GET', '/obp/v2.1.0/users', { headers: basic });
    expect(refused.status).toBe(401);
    expect(refused.body.message).toBe('OBP-20080: Authorization Header format is not supported at this instance.');
    expect((await server.call('GET', '/obp/v2.1.0/banks', { headers: basic })).status).toBe(200);
  });
});

describe('real bugs', () => {
  it('answer 500 OBP-50000 with no internals, and are logged with the correlation id', async () => {
    const broken = await startTestServer();
    const logged: unknown[] = [];
    const error = broken.app.fastify.log.error.bind(broken.app.fastify.log);
    broken.app.fastify.log.error = (obj: unknown, ...rest: unknown[]) => {
      logged.push(obj);
      return error(obj as object, ...(rest as []));
    };
    try {
      // the database goes away under the server: every store call now fails
      await broken.store.connection.db.destroy();
      const res = await broken.call('GET', '/obp/v2.1.0/banks');
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ code: 500, message: 'OBP-50000: Unknown Error.' });
      expect(res.text).not.toMatch(/at |node_modules|kysely|sqlite|postgres/i);
      expect(logged).toContainEqual(expect.objectContaining({ correlationId: res.headers.get('correlation-id') }));
    } finally {
      await broken.stop().catch(() => undefined);
    }
  });
});
