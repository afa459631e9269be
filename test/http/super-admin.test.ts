/**
 * Super admins (OBP's `super_admin_user_ids`): configured user ids and the bootstrap admin, a user
 * created at boot. No name a caller can register or import makes anyone a super admin.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCredentials } from '../../src/bootstrap.js';
import { StartupError } from '../../src/startup-error.js';
import { createTestData, startTestServer, type TestServer } from '../helpers/server.js';

const superAdminEntry = { entitlement_id: '', role_name: 'SuperAdmin', bank_id: '' };
const missingGrantRoles = {
  code: 403,
  message: 'OBP-20006: User is missing one or more roles: CanCreateEntitlementAtOneBank or CanCreateEntitlementAtAnyBank',
};
const adminName = 'ops-admin';
const adminPassword = 'Ops-Admin-Pass-2026!';
const bootstrapEnv = { OBP_BOOTSTRAP_ADMIN_USERNAME: adminName, OBP_BOOTSTRAP_ADMIN_PASSWORD: adminPassword };
const strongPassword = 'Claimer-Pass-2026!';

function grant(server: TestServer, token: string, userId: string, roleName = 'CanGetAnyUser') {
  return server.call('POST', `/obp/v2.1.0/users/${userId}/entitlements`, { token, body: { bank_id: '', role_name: roleName } });
}

async function entitlementsOf(server: TestServer, userId: string): Promise<unknown> {
  const reader = await server.user({ roles: ['CanGetEntitlementsForAnyUserAtAnyBank'] });
  const res = await server.call('GET', `/obp/v2.1.0/users/${userId}/entitlements`, { token: reader.token });
  expect(res.status).toBe(200);
  return res.body;
}

/** Registers through POST /users (no authentication) and logs in. */
async function register(server: TestServer, username: string): Promise<{ userId: string; token: string }> {
  const res = await server.call('POST', '/obp/v2.1.0/users', {
    body: {
      email: `claimer-${randomUUID().slice(0, 8)}@example.com`,
      username,
      password: strongPassword,
      first_name: 'C',
      last_name: 'L',
    },
  });
  expect(res.status, res.text).toBe(201);
  return { userId: res.body.user_id, token: await server.login(username, strongPassword) };
}

/** Imports one user through the sandbox import and logs in as it. */
async function importUser(server: TestServer, userName: string): Promise<{ userId: string; token: string }> {
  const importer = await server.user({ roles: ['CanCreateSandbox'] });
  const password = 'Imported-Pass-2026!';
  const file = {
    ...{ banks: [], accounts: [], transactions: [], branches: [], atms: [], products: [], crm_events: [] },
    users: [{ email: `imported-${randomUUID().slice(0, 8)}@example.com`, password, user_name: userName }],
  };
  const res = await server.call('POST', '/obp/v2.1.0/sandbox/data-import', { token: importer.token, body: file });
  expect(res.status, res.text).toBe(201);
  const user = await server.store.users.getByProvider(server.config.localIdentityProvider, userName);
  return { userId: user!.userId, token: await server.login(userName, password) };
}

describe('no name a caller chooses makes a super admin', () => {
  const configuredId = randomUUID();
  const idLikeName = 'registrable.admin.id';
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      ...bootstrapEnv,
      // still set by older deployments: ignored
      OBP_SUPER_ADMIN_USERNAMES: 'wannabeadmin',
      OBP_SUPER_ADMIN_USER_IDS: `${configuredId},${idLikeName}`,
    });
  });
  afterAll(async () => server?.stop());

  it('registering a name listed in the removed OBP_SUPER_ADMIN_USERNAMES confers nothing', async () => {
    const claimer = await register(server, 'wannabeadmin');
    const res = await grant(server, claimer.token, claimer.userId);
    expect(res.status).toBe(403);
    expect(res.body).toEqual(missingGrantRoles);
    expect(await entitlementsOf(server, claimer.userId)).toEqual({ list: [] });
  });

  it('registering a username equal to a configured admin id confers nothing', async () => {
    const claimer = await register(server, idLikeName);
    expect(claimer.userId).not.toBe(idLikeName);
    const res = await grant(server, claimer.token, claimer.userId);
    expect(res.status).toBe(403);
    expect(res.body).toEqual(missingGrantRoles);
    expect(await entitlementsOf(server, claimer.userId)).toEqual({ list: [] });
  });

  it("importing a user whose user_name is a configured admin id or the bootstrap admin's id confers nothing", async () => {
    for (const name of [configuredId, server.bootstrapAdmin!.userId]) {
      const imported = await importUser(server, name);
      expect(imported.userId).not.toBe(name);
      const res = await grant(server, imported.token, imported.userId);
      expect(res.status, name).toBe(403);
      expect(res.body).toEqual(missingGrantRoles);
      expect(await entitlementsOf(server, imported.userId)).toEqual({ list: [] });
    }
  });

  it('a configured id that no user has yet is listed as a super admin (OBP does not look the user up)', async () => {
    expect(await entitlementsOf(server, configuredId)).toEqual({ list: [superAdminEntry] });
  });
});

describe('the bootstrap admin (OBP_BOOTSTRAP_ADMIN_USERNAME, OBP_BOOTSTRAP_ADMIN_PASSWORD)', () => {
  it('is created at boot, grants any role without holding one and is listed with the SuperAdmin entry', async () => {
    const server = await startTestServer(bootstrapEnv);
    try {
      const admin = server.bootstrapAdmin!;
      expect(admin).toMatchObject({ username: adminName, created: true, reenabled: false });
      const stored = await server.store.users.getByProvider(server.config.localIdentityProvider, adminName);
      expect(stored).toMatchObject({ userId: admin.userId, providerId: adminName, username: adminName, validated: true });
      const token = await server.login(adminName, adminPassword);
      expect(await server.store.entitlements.forUser(admin.userId)).toEqual([]);

      const target = await server.user();
      const granted = await grant(server, token, target.userId, 'CanCreateEntitlementAtAnyBank');
      expect(granted.status).toBe(201);
      expect(granted.body).toMatchObject({ role_name: 'CanCreateEntitlementAtAnyBank', bank_id: '' });
      const toSelf = await grant(server, token, admin.userId, 'CanGetAnyUser');
      expect(toSelf.status).toBe(201);
      expect(await entitlementsOf(server, admin.userId)).toEqual({
        list: [{ entitlement_id: toSelf.body.entitlement_id, role_name: 'CanGetAnyUser', bank_id: '' }, superAdminEntry],
      });
      // everyone else is no super admin
      expect(await entitlementsOf(server, target.userId)).not.toEqual(
        expect.objectContaining({ list: expect.arrayContaining([superAdminEntry]) }),
      );
    } finally {
      await server.stop();
    }
  });

  it('a restart with another password keeps the original password, and the same user stays the admin', async () => {
    let server = await startTestServer(bootstrapEnv);
    try {
      const first = server.bootstrapAdmin!;
      server = await server.restart({ OBP_BOOTSTRAP_ADMIN_PASSWORD: 'Another-Pass-2026!!' });
      expect(server.bootstrapAdmin).toEqual({ userId: first.userId, username: adminName, created: false, reenabled: false });
      const token = await server.login(adminName, adminPassword);
      await expect(server.login(adminName, 'Another-Pass-2026!!')).rejects.toThrow(/401/);
      const target = await server.user();
      expect((await grant(server, token, target.userId)).status).toBe(201);
    } finally {
      await server.stop();
    }
  });

  it('a locked bootstrap admin is unlocked by a restart', async () => {
    let server = await startTestServer({ ...bootstrapEnv, OBP_MAX_BAD_LOGIN_ATTEMPTS: '2' });
    try {
      const token = await server.login(adminName, adminPassword);
      for (let i = 0; i < 3; i++) await expect(server.login(adminName, 'Wrong-Pass-2026!!')).rejects.toThrow(/401/);
      await expect(server.login(adminName, adminPassword)).rejects.toThrow(/OBP-20013/);
      // an old-style endpoint: OBP answers a locked user's token with 400 there
      const locked = await server.call('GET', '/obp/v2.1.0/users/current', { token });
      expect(locked.status).toBe(400);
      expect(locked.body.message).toMatch(/^OBP-20013/);

      server = await server.restart();
      expect(server.bootstrapAdmin).toMatchObject({ created: false, reenabled: true });
      expect(await server.store.users.get(server.bootstrapAdmin!.userId)).toMatchObject({ locked: false, badLoginAttempts: 0 });
      expect((await server.call('GET', '/obp/v2.1.0/users/current', { token })).status).toBe(200);
      await server.login(adminName, adminPassword);
    } finally {
      await server.stop();
    }
  });

  it('with OBP_DEMO=true the demo admin (created at boot) can be the bootstrap admin; its password stays', async () => {
    const server = await startTestServer({
      OBP_DEMO: 'true',
      OBP_BOOTSTRAP_ADMIN_USERNAME: demoCredentials.admin.username,
      OBP_BOOTSTRAP_ADMIN_PASSWORD: 'Not-The-Demo-Pass-2026!',
    });
    try {
      expect(server.demoLoaded).toBe(true);
      expect(server.bootstrapAdmin).toMatchObject({ username: 'admin', created: false });
      await server.login(demoCredentials.admin.username, demoCredentials.admin.password);
      await expect(server.login(demoCredentials.admin.username, 'Not-The-Demo-Pass-2026!')).rejects.toThrow(/401/);
      expect(await entitlementsOf(server, server.bootstrapAdmin!.userId)).toEqual(
        expect.objectContaining({ list: expect.arrayContaining([superAdminEntry]) }),
      );
    } finally {
      await server.stop();
    }
  });

  it.each([
    ['registered through POST /users', 'register'],
    ['imported through the sandbox import', 'import'],
  ] as const)('a user of that name %s before is refused as the bootstrap admin: the server does not start', async (_how, how) => {
    const data = await createTestData();
    try {
      const server = await startTestServer({}, data);
      const name = how === 'register' ? 'early.registrant' : 'early importer';
      const early = how === 'register' ? await register(server, name) : await importUser(server, name);
      await server.close();
      const refused = startTestServer({ OBP_BOOTSTRAP_ADMIN_USERNAME: name, OBP_BOOTSTRAP_ADMIN_PASSWORD: adminPassword }, data);
      await expect(refused).rejects.toThrow(StartupError);
      await expect(refused).rejects.toThrow(
        `OBP_BOOTSTRAP_ADMIN_USERNAME is "${name}", but that user was not created at boot (it was registered through POST /users or a sandbox import), so it cannot become the bootstrap admin: choose another OBP_BOOTSTRAP_ADMIN_USERNAME, or, if that user (id ${early.userId}) is yours, list its id in OBP_SUPER_ADMIN_USER_IDS instead.`,
      );
      // the way out the message names
      const listed = await startTestServer({ OBP_SUPER_ADMIN_USER_IDS: early.userId }, data);
      const target = await listed.user();
      expect(
        (
          await grant(
            listed,
            await listed.login(name, how === 'register' ? strongPassword : 'Imported-Pass-2026!'),
            target.userId,
          )
        ).status,
      ).toBe(201);
      await listed.close();
    } finally {
      await data.dispose();
    }
  });
});
