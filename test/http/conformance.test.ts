/** Small OBP behaviours real clients depend on: doubled slashes, the trailing slash, the login body. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBank, startTestServer, testConsumer, type TestServer, type TestUser } from '../helpers/server.js';

let server: TestServer;
let user: TestUser;
let bankId: string;
beforeAll(async () => {
  server = await startTestServer();
  user = await server.user();
  bankId = await seedBank(server);
});
afterAll(async () => server.stop());

describe('paths', () => {
  it('`//` anywhere in a path is read as one `/`, as OBP does', async () => {
    const banks = await server.call('GET', '/obp/v2.1.0/banks');
    for (const path of ['/obp/v2.1.0//banks', '//obp/v2.1.0/banks', '/obp//v2.1.0///banks']) {
      const res = await server.call('GET', path);
      expect(res.status, path).toBe(200);
      expect(res.body).toEqual(banks.body);
    }
    const bank = await server.call('GET', `/obp/v2.1.0//banks//${bankId}`);
    expect(bank.status).toBe(200);
    expect(bank.body.id).toBe(bankId);
    const current = await server.call('GET', '/obp/v2.1.0//users/current', { token: user.token });
    expect(current.status).toBe(200);
    expect(current.body.user_id).toBe(user.userId);
  });

  it('a trailing `/` is not ignored: /banks/ is the bank with an empty id, /root/ is unknown', async () => {
    const empty = await server.call('GET', '/obp/v2.1.0/banks/');
    expect(empty.status).toBe(400);
    expect(empty.body.message).toMatch(/^OBP-30001: /);
    const root = await server.call('GET', '/obp/v2.1.0/root/');
    expect(root.status).toBe(404);
    expect(root.body.message).toMatch(/^OBP-10404: /);
  });
});

describe('POST /my/logins/direct ignores the body, as OBP does', () => {
  const credentials = () => ({
    DirectLogin: `username="${user.username}", password="${user.password}", consumer_key="${testConsumer.key}"`,
  });

  it.each([
    ['a form-encoded body', 'username=x&password=y', 'application/x-www-form-urlencoded'],
    ['a body that is not JSON', 'this is not json {', 'application/json'],
    ['a JSON body', '{"username": "someone-else"}', 'application/json'],
    ['a body with a NUL', '{"a": "\\u0000"}', 'application/json'],
  ])('%s: 201 with a token', async (_name, body, type) => {
    const res = await server.call('POST', '//my/logins/direct', { body, headers: { ...credentials(), 'Content-Type': type } });
    expect(res.status, res.text).toBe(201);
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect((await server.call('GET', '/obp/v2.1.0/users/current', { token: res.body.token })).status).toBe(200);
  });

  it('a body far above the body limit does not fail the login either', async () => {
    const res = await server.call('POST', '/my/logins/direct', { body: 'x'.repeat(200_000), headers: credentials() });
    expect(res.status).toBe(201);
  });
});
