import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBank, startTestServer, type TestServer, type TestUser } from '../helpers/server.js';

const v = '/obp/v2.1.0';

describe('account access (permissions)', () => {
  let server: TestServer;
  let bankId: string;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;

  async function newAccount(owner: TestUser): Promise<string> {
    const accountId = `acc-${randomUUID()}`;
    const res = await server.call('PUT', `${v}/banks/${bankId}/accounts/${accountId}`, {
      token: owner.token,
      body: { user_id: '', label: 'L', type: 'CURRENT', balance: { currency: 'EUR', amount: '0' } },
    });
    expect(res.status).toBe(200);
    return accountId;
  }
  async function who(u: TestUser): Promise<string> {
    const user = (await server.store.users.get(u.userId))!;
    return `${encodeURIComponent(user.provider)}/${encodeURIComponent(user.providerId)}`;
  }
  const perms = (accountId: string) => `${v}/banks/${bankId}/accounts/${accountId}/permissions`;

  beforeAll(async () => {
    server = await startTestServer();
    bankId = await seedBank(server);
    alice = await server.user();
    bob = await server.user();
    carol = await server.user();
  });
  afterAll(async () => server.stop());

  it('grants one view (201, idempotent) and lists access; refusals are 403 and write nothing', async () => {
    const acc = await newAccount(alice);
    const url = `${perms(acc)}/${await who(bob)}/views/auditor`;
    const res = await server.call('POST', url, { token: alice.token });
    expect(res.status).toBe(201);
    expect(res.body.id).toBe('auditor');
    expect((await server.call('POST', url, { token: alice.token })).status).toBe(201);
    expect(await server.store.access.viewsOf(bob.userId, bankId, acc)).toEqual(['auditor']);

    expect((await server.call('POST', url)).status).toBe(401);
    // bob holds auditor only: he may not grant anything
    const denied = await server.call('POST', `${perms(acc)}/${await who(carol)}/views/owner`, { token: bob.token });
    expect(denied.status).toBe(403);
    expect(denied.body.message).toContain('OBP-20047');
    const unknownView = await server.call('POST', `${perms(acc)}/${await who(carol)}/views/_nope`, { token: alice.token });
    expect(unknownView.status).toBe(403);
    const unknownUser = await server.call('POST', `${perms(acc)}/x/y/views/owner`, { token: alice.token });
    expect(unknownUser.status).toBe(403);
    expect(await server.store.access.viewsOf(carol.userId, bankId, acc)).toEqual([]);
    expect(
      (await server.call('POST', `${v}/banks/${bankId}/accounts/nope/permissions/x/y/views/owner`, { token: alice.token }))
        .status,
    ).toBe(404);

    const all = await server.call('GET', perms(acc), { token: alice.token });
    expect(all.status).toBe(200);
    expect(all.body.permissions).toHaveLength(2);
    expect((await server.call('GET', perms(acc), { token: bob.token })).status).toBe(400);
    expect((await server.call('GET', perms(acc))).status).toBe(401);

    const one = await server.call('GET', `${perms(acc)}/${await who(bob)}`, { token: alice.token });
    expect(one.status).toBe(200);
    expect(one.body.views.map((x: { id: string }) => x.id)).toEqual(['auditor']);
    const nobody = await server.call('GET', `${perms(acc)}/x/y`, { token: alice.token });
    expect(nobody.status).toBe(400);
    expect(nobody.body.message).toContain('OBP-20104');
  });

  it('grants several views at once, or none when one is not grantable; bad bodies write nothing', async () => {
    const acc = await newAccount(alice);
    const url = `${perms(acc)}/${await who(bob)}/views`;
    const refused = await server.call('POST', url, { token: alice.token, body: { views: ['auditor', '_missing'] } });
    expect(refused.status).toBe(403);
    expect((await server.call('POST', url, { token: alice.token, body: { views: 'owner' } })).status).toBe(400);
    expect(await server.store.access.viewsOf(bob.userId, bankId, acc)).toEqual([]);
    const res = await server.call('POST', url, { token: alice.token, body: { views: ['auditor', 'accountant'] } });
    expect(res.status).toBe(201);
    expect(await server.store.access.viewsOf(bob.userId, bankId, acc)).toEqual(['accountant', 'auditor']);
  });

  it('revokes one view (204) but never the last owner', async () => {
    const acc = await newAccount(alice);
    await server.call('POST', `${perms(acc)}/${await who(bob)}/views/auditor`, { token: alice.token });
    expect((await server.call('DELETE', `${perms(acc)}/${await who(bob)}/views/auditor`, { token: alice.token })).status).toBe(
      204,
    );
    expect(await server.store.access.viewsOf(bob.userId, bankId, acc)).toEqual([]);
    const last = await server.call('DELETE', `${perms(acc)}/${await who(alice)}/views/owner`, { token: alice.token });
    expect(last.status).toBe(403);
    expect(last.body.message).toContain('OBP-20048');
    expect(await server.store.access.viewsOf(alice.userId, bankId, acc)).toContain('owner');
  });

  it('revoke-all removes every view of the target but keeps the last owner access (OBP Q8 fixed)', async () => {
    const acc = await newAccount(alice);
    await server.call('POST', `${perms(acc)}/${await who(bob)}/views`, {
      token: alice.token,
      body: { views: ['auditor', 'accountant'] },
    });
    expect((await server.call('DELETE', `${perms(acc)}/${await who(bob)}/views`, { token: alice.token })).status).toBe(204);
    expect(await server.store.access.viewsOf(bob.userId, bankId, acc)).toEqual([]);
    expect((await server.call('DELETE', `${perms(acc)}/${await who(alice)}/views`, { token: alice.token })).status).toBe(204);
    expect(await server.store.access.viewsOf(alice.userId, bankId, acc)).toEqual(['owner']);
    expect((await server.call('DELETE', `${perms(acc)}/${await who(alice)}/views`, { token: carol.token })).status).toBe(403);
  });

  it('two parallel revokes of the last two owners leave one owner', async () => {
    for (let round = 0; round < 3; round++) {
      const acc = await newAccount(alice);
      await server.call('POST', `${perms(acc)}/${await who(bob)}/views/owner`, { token: alice.token });
      const [a, b] = await Promise.all([
        server.call('DELETE', `${perms(acc)}/${await who(alice)}/views/owner`, { token: bob.token }),
        server.call('DELETE', `${perms(acc)}/${await who(bob)}/views/owner`, { token: alice.token }),
      ]);
      expect([a.status, b.status].sort()).toEqual([204, 403]);
      expect(await server.store.access.holdersOfView(bankId, acc, 'owner')).toHaveLength(1);
    }
  });
});
