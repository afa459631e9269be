/** Concurrent deletes of one thing: exactly one caller deletes it, every other one is told it is gone. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../helpers/server.js';

let server: TestServer;
let admin: TestUser;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.user({ roles: ['CanDeleteEntitlementAtAnyBank'] });
});
afterAll(async () => server.stop());

function statuses(results: { status: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

describe('20 parallel deletes of one thing', () => {
  it('DELETE /users/USER_ID/entitlement/ENTITLEMENT_ID: one 204, nineteen 404 OBP-30212', async () => {
    for (let round = 0; round < 3; round++) {
      const target = await server.user();
      const entitlementId = randomUUID();
      await server.store.entitlements.insert({ entitlementId, userId: target.userId, bankId: '', roleName: 'CanGetAnyUser' });
      const path = `/obp/v2.1.0/users/${target.userId}/entitlement/${entitlementId}`;
      const results = await Promise.all(Array.from({ length: 20 }, () => server.call('DELETE', path, { token: admin.token })));
      expect(statuses(results)).toEqual({ 204: 1, 404: 19 });
      for (const r of results.filter((x) => x.status === 404)) {
        expect(r.body).toEqual({ code: 404, message: 'OBP-30212: EntitlementId not found' });
      }
      expect(await server.store.entitlements.get(entitlementId)).toBeUndefined();
    }
  });

  it('DELETE /my/logins/direct of one token: one 204, nineteen 401 OBP-20003', async () => {
    const user = await server.user();
    const token = await server.login(user.username, user.password);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        server.call('DELETE', '/my/logins/direct', { headers: { DirectLogin: `token=${token}` } }),
      ),
    );
    expect(statuses(results)).toEqual({ 204: 1, 401: 19 });
    for (const r of results.filter((x) => x.status === 401)) expect(r.body.message).toMatch(/^OBP-20003: /);
  });
});
