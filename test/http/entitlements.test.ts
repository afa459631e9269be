import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBank, startTestServer, type TestServer, type TestUser } from '../helpers/server.js';

const notLoggedIn = { code: 401, message: 'OBP-20001: User not logged in. Authentication is required!' };
const missing = (roles: string) => ({ code: 403, message: `OBP-20006: User is missing one or more roles: ${roles}` });
const grantRolesText = 'CanCreateEntitlementAtOneBank or CanCreateEntitlementAtAnyBank';
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const superAdminName = 'the-super-admin';
const superAdminPassword = 'Super-Admin-Pass-2026!';
const superAdminEntry = { entitlement_id: '', role_name: 'SuperAdmin', bank_id: '' };

let server: TestServer;
let bank1: string;
let bank2: string;
let superAdmin: TestUser;

beforeAll(async () => {
  // the bootstrap admin is a super admin (OBP's super_admin_user_ids, here by user id)
  server = await startTestServer({
    OBP_BOOTSTRAP_ADMIN_USERNAME: superAdminName,
    OBP_BOOTSTRAP_ADMIN_PASSWORD: superAdminPassword,
  });
  bank1 = await seedBank(server);
  bank2 = await seedBank(server);
  const userId = server.bootstrapAdmin!.userId;
  await server.store.entitlements.insert({ entitlementId: randomUUID(), userId, bankId: '', roleName: 'CanGetAnyUser' });
  const token = await server.login(superAdminName, superAdminPassword);
  superAdmin = { userId, username: superAdminName, password: superAdminPassword, email: '', token };
});
afterAll(async () => server.stop());

/** What the store holds for a user, as [role, bank] pairs in a stable order. */
async function held(userId: string): Promise<[string, string][]> {
  return (await server.store.entitlements.forUser(userId)).map((e) => [e.roleName, e.bankId] as [string, string]).sort();
}

function addEntitlement(caller: TestUser | undefined, userId: string, body: unknown) {
  return server.call('POST', `/obp/v2.1.0/users/${userId}/entitlements`, { token: caller?.token, body });
}

describe('GET /roles (getRoles)', () => {
  // v2_1_0/EntitlementTests
  it('401 without login (exact text)', async () => {
    const res = await server.call('GET', '/obp/v2.1.0/roles');
    expect(res.status).toBe(401);
    expect(res.body).toEqual(notLoggedIn);
  });

  it('200 for any logged-in user: every role once, sorted by name, with requires_bank_id', async () => {
    const someone = await server.user();
    const res = await server.call('GET', '/obp/v2.1.0/roles', { token: someone.token });
    expect(res.status).toBe(200);
    const roles: { role: string; requires_bank_id: boolean }[] = res.body.roles;
    expect(roles).toHaveLength(36);
    expect(roles.map((r) => r.role)).toEqual([...roles.map((r) => r.role)].sort());
    expect(new Set(roles.map((r) => r.role)).size).toBe(36);
    expect(roles[0]).toEqual({ role: 'CanAddKycCheck', requires_bank_id: true });
    expect(roles).toContainEqual({ role: 'CanCreateBranch', requires_bank_id: true });
    expect(roles).toContainEqual({ role: 'CanGetAnyUser', requires_bank_id: false });
    expect(roles).toContainEqual({ role: 'CanCreateEntitlementAtAnyBank', requires_bank_id: false });
    expect(roles).toContainEqual({ role: 'CanCreateEntitlementAtOneBank', requires_bank_id: true });
  });
});

describe('GET /users/USER_ID/entitlements (getEntitlements, old style)', () => {
  // v2_0_0/EntitlementTests
  it('401 without login, 403 without the role, 200 with it (exact texts)', async () => {
    const user1 = await server.user();
    const anon = await server.call('GET', `/obp/v2.1.0/users/${user1.userId}/entitlements`);
    expect(anon.status).toBe(401);
    expect(anon.body).toEqual(notLoggedIn);

    const denied = await server.call('GET', `/obp/v2.1.0/users/${user1.userId}/entitlements`, { token: user1.token });
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual(missing('CanGetEntitlementsForAnyUserAtAnyBank'));

    await server.store.entitlements.insert({
      entitlementId: randomUUID(),
      userId: user1.userId,
      bankId: '',
      roleName: 'CanGetEntitlementsForAnyUserAtAnyBank',
    });
    const ok = await server.call('GET', `/obp/v2.1.0/users/${user1.userId}/entitlements`, { token: user1.token });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBeNull();
    expect(ok.body).toEqual({
      list: [
        { entitlement_id: expect.stringMatching(uuidPattern), role_name: 'CanGetEntitlementsForAnyUserAtAnyBank', bank_id: '' },
      ],
    });
  });

  it("lists another user's bank and system entitlements", async () => {
    const reader = await server.user({ roles: ['CanGetEntitlementsForAnyUserAtAnyBank'] });
    const target = await server.user({ roles: ['CanGetAnyUser', ['CanCreateBranch', bank1]] });
    const res = await server.call('GET', `/obp/v2.1.0/users/${target.userId}/entitlements`, { token: reader.token });
    expect(res.status).toBe(200);
    const stored = await server.store.entitlements.forUser(target.userId);
    expect(res.body).toEqual({
      list: stored.map((e) => ({ entitlement_id: e.entitlementId, role_name: e.roleName, bank_id: e.bankId })),
    });
    expect(res.body.list).toHaveLength(2);
  });

  it('an unknown USER_ID has no entitlements (OBP does not look the user up)', async () => {
    const reader = await server.user({ roles: ['CanGetEntitlementsForAnyUserAtAnyBank'] });
    for (const id of [randomUUID(), encodeURIComponent("'; drop table entitlements; --"), '%3Cscript%3E']) {
      const res = await server.call('GET', `/obp/v2.1.0/users/${id}/entitlements`, { token: reader.token });
      expect(res.status, id).toBe(200);
      expect(res.body).toEqual({ list: [] });
    }
    expect((await server.store.entitlements.list()).length).toBeGreaterThan(0);
  });

  it("a super admin's list ends with the SuperAdmin pseudo entry", async () => {
    const reader = await server.user({ roles: ['CanGetEntitlementsForAnyUserAtAnyBank'] });
    const res = await server.call('GET', `/obp/v2.1.0/users/${superAdmin.userId}/entitlements`, { token: reader.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      list: [{ entitlement_id: expect.stringMatching(uuidPattern), role_name: 'CanGetAnyUser', bank_id: '' }, superAdminEntry],
    });
    // the caller being a super admin changes nothing for others' lists
    const plain = await server.user();
    await server.store.entitlements.insert({
      entitlementId: randomUUID(),
      userId: superAdmin.userId,
      bankId: '',
      roleName: 'CanGetEntitlementsForAnyUserAtAnyBank',
    });
    const others = await server.call('GET', `/obp/v2.1.0/users/${plain.userId}/entitlements`, { token: superAdmin.token });
    expect(others.body).toEqual({ list: [] });
  });
});

describe('DELETE /users/USER_ID/entitlement/ENTITLEMENT_ID (deleteEntitlement)', () => {
  it('204 with CanDeleteEntitlementAtAnyBank and the entitlement is gone (v2_0_0 port)', async () => {
    const user1 = await server.user({ roles: ['CanGetAnyUser'] });
    const [ent] = await server.store.entitlements.forUser(user1.userId);
    await server.store.entitlements.insert({
      entitlementId: randomUUID(),
      userId: user1.userId,
      bankId: '',
      roleName: 'CanDeleteEntitlementAtAnyBank',
    });
    const res = await server.call('DELETE', `/obp/v2.1.0/users/${user1.userId}/entitlement/${ent!.entitlementId}`, {
      token: user1.token,
    });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(await held(user1.userId)).toEqual([['CanDeleteEntitlementAtAnyBank', '']]);
  });

  it('401 without login and 403 without the role; nothing is deleted', async () => {
    const target = await server.user({ roles: ['CanGetAnyUser'] });
    const [ent] = await server.store.entitlements.forUser(target.userId);
    const path = `/obp/v2.1.0/users/${target.userId}/entitlement/${ent!.entitlementId}`;
    const anon = await server.call('DELETE', path);
    expect(anon.status).toBe(401);
    expect(anon.body).toEqual(notLoggedIn);
    const denied = await server.call('DELETE', path, { token: target.token });
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual(missing('CanDeleteEntitlementAtAnyBank'));
    expect(await held(target.userId)).toEqual([['CanGetAnyUser', '']]);
  });

  it("unknown ENTITLEMENT_ID is 404 OBP-30212; another user's is 400 OBP-30213 and stays", async () => {
    const deleter = await server.user({ roles: ['CanDeleteEntitlementAtAnyBank'] });
    const other = await server.user({ roles: ['CanGetAnyUser'] });
    for (const id of [randomUUID(), encodeURIComponent("'; delete from entitlements; --"), 'x'.repeat(90)]) {
      const res = await server.call('DELETE', `/obp/v2.1.0/users/${other.userId}/entitlement/${id}`, { token: deleter.token });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ code: 404, message: 'OBP-30212: EntitlementId not found' });
    }
    const [ent] = await server.store.entitlements.forUser(other.userId);
    const wrongUser = await server.call('DELETE', `/obp/v2.1.0/users/${deleter.userId}/entitlement/${ent!.entitlementId}`, {
      token: deleter.token,
    });
    expect(wrongUser.status).toBe(400);
    expect(wrongUser.body).toEqual({ code: 400, message: 'OBP-30213: USER_ID does not have the ENTITLEMENT_ID.' });
    expect(await held(other.userId)).toEqual([['CanGetAnyUser', '']]);
    expect(await held(deleter.userId)).toEqual([['CanDeleteEntitlementAtAnyBank', '']]);
  });
});

describe('POST /users/USER_ID/entitlements (addEntitlement)', () => {
  // v2_0_0/EntitlementTests: addEntitlement-canCreateEntitlementAtOneBank
  it('AtOneBank: 403 without role, 403 with the role at another bank, 201 at the right bank', async () => {
    const user1 = await server.user();
    const body = { bank_id: 'gh.29.uk', role_name: 'CanCreateBranch' };
    const first = await addEntitlement(user1, user1.userId, body);
    expect(first.status).toBe(403);
    expect(first.body).toEqual(missing(grantRolesText));

    await server.store.entitlements.insert({
      entitlementId: randomUUID(),
      userId: user1.userId,
      bankId: bank1,
      roleName: 'CanCreateEntitlementAtOneBank',
    });
    const wrongBank = await addEntitlement(user1, user1.userId, body);
    expect(wrongBank.status).toBe(403);
    expect(wrongBank.body).toEqual(missing(grantRolesText));
    expect(await held(user1.userId)).toEqual([['CanCreateEntitlementAtOneBank', bank1]]);

    const ok = await addEntitlement(user1, user1.userId, { ...body, bank_id: bank1 });
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({ entitlement_id: expect.stringMatching(uuidPattern), role_name: 'CanCreateBranch', bank_id: bank1 });
    const stored = await server.store.entitlements.get(ok.body.entitlement_id);
    expect(stored).toEqual({
      entitlementId: ok.body.entitlement_id,
      userId: user1.userId,
      bankId: bank1,
      roleName: 'CanCreateBranch',
    });
  });

  // v2_0_0/EntitlementTests: addEntitlement-canCreateEntitlementAtAnyBank
  it('AtAnyBank: 403 without role, 403 with AtOneBank at a wrong bank, 201 with AtAnyBank', async () => {
    const user1 = await server.user();
    const body = { bank_id: bank1, role_name: 'CanCreateBranch' };
    const first = await addEntitlement(user1, user1.userId, body);
    expect(first.status).toBe(403);
    expect(first.body.message).toContain('OBP-20006');

    await server.store.entitlements.insert({
      entitlementId: randomUUID(),
      userId: user1.userId,
      bankId: 'wrongbankId',
      roleName: 'CanCreateEntitlementAtOneBank',
    });
    const second = await addEntitlement(user1, user1.userId, body);
    expect(second.status).toBe(403);
    expect(second.body).toEqual(missing(grantRolesText));

    await server.store.entitlements.insert({
      entitlementId: randomUUID(),
      userId: user1.userId,
      bankId: '',
      roleName: 'CanCreateEntitlementAtAnyBank',
    });
    const ok = await addEntitlement(user1, user1.userId, body);
    expect(ok.status).toBe(201);
    expect(ok.body.bank_id).toBe(bank1);
    expect(ok.body.role_name).toBe('CanCreateBranch');
  });

  it('grants a system role to another user with bank_id ""', async () => {
    const granter = await server.user({ roles: ['CanCreateEntitlementAtAnyBank'] });
    const target = await server.user();
    const res = await addEntitlement(granter, target.userId, { bank_id: '', role_name: 'CanGetAnyUser' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ entitlement_id: expect.stringMatching(uuidPattern), role_name: 'CanGetAnyUser', bank_id: '' });
    expect(await held(target.userId)).toEqual([['CanGetAnyUser', '']]);
    // and the new role works at once
    const users = await server.call('GET', '/obp/v2.1.0/users', { token: target.token });
    expect(users.status).toBe(200);
  });

  it('a super admin needs no role', async () => {
    const target = await server.user();
    const res = await addEntitlement(superAdmin, target.userId, { bank_id: bank2, role_name: 'CanCreateAccount' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ role_name: 'CanCreateAccount', bank_id: bank2 });
    expect(await held(target.userId)).toEqual([['CanCreateAccount', bank2]]);
    // but still gets the other checks
    const unknownBank = await addEntitlement(superAdmin, target.userId, { bank_id: 'nope', role_name: 'CanCreateAccount' });
    expect(unknownBank.status).toBe(400);
    expect(unknownBank.body.message).toMatch(/^OBP-30001: /);
  });

  it('401 without login; nothing added', async () => {
    const target = await server.user();
    const res = await addEntitlement(undefined, target.userId, { bank_id: '', role_name: 'CanGetAnyUser' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual(notLoggedIn);
    expect(await held(target.userId)).toEqual([]);
  });

  it('unknown USER_ID is 404 OBP-20005 before anything else', async () => {
    const granter = await server.user({ roles: ['CanCreateEntitlementAtAnyBank'] });
    const before = (await server.store.entitlements.list()).length;
    const id = randomUUID();
    const res = await addEntitlement(granter, id, { bank_id: '', role_name: 'NoSuchRole' });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      code: 404,
      message: `OBP-20005: User not found. Please specify a valid value for USER_ID. Current USER_ID(${id})`,
    });
    const plain = await server.user();
    const noRole = await addEntitlement(plain, id, { bank_id: '', role_name: 'CanGetAnyUser' });
    expect(noRole.status).toBe(404);
    expect((await server.store.entitlements.list()).length).toBe(before);
  });

  it('unknown role name is 400 OBP-10007 with the sorted role list; hostile names are echoed, not run', async () => {
    const granter = await server.user({ roles: ['CanCreateEntitlementAtAnyBank'] });
    const target = await server.user();
    const roles = await server.call('GET', '/obp/v2.1.0/roles', { token: granter.token });
    const names = roles.body.roles.map((r: { role: string }) => r.role).join(', ');
    for (const roleName of [
      'CanDoEverything',
      '<script>alert(1)</script>',
      "'; drop table entitlements; --",
      'canGetAnyUser',
      '',
    ]) {
      const res = await addEntitlement(granter, target.userId, { bank_id: '', role_name: roleName });
      expect(res.status, roleName).toBe(400);
      expect(res.body).toEqual({ code: 400, message: `OBP-10007: Incorrect Role name:${roleName}. Possible roles are ${names}` });
    }
    expect(await held(target.userId)).toEqual([]);
  });

  it('bank role without bank_id is OBP-30205, system role with one is OBP-30206 (both before the role check)', async () => {
    const plain = await server.user();
    const bankRole = await addEntitlement(plain, plain.userId, { bank_id: '', role_name: 'CanCreateAccount' });
    expect(bankRole.status).toBe(400);
    expect(bankRole.body).toEqual({
      code: 400,
      message: 'OBP-30205: This entitlement is a Bank Role. Please set bank_id to a valid bank id.',
    });
    const systemRole = await addEntitlement(plain, plain.userId, { bank_id: bank1, role_name: 'CanGetAnyUser' });
    expect(systemRole.status).toBe(400);
    expect(systemRole.body).toEqual({
      code: 400,
      message: 'OBP-30206: This entitlement is a System Role. Please set bank_id to empty string.',
    });
    expect(await held(plain.userId)).toEqual([]);
  });

  it('unknown bank is 400 OBP-30001 (after the role check); nothing added', async () => {
    const granter = await server.user({ roles: ['CanCreateEntitlementAtAnyBank'] });
    const target = await server.user();
    for (const bankId of ['no-such-bank', '<script>', 'ü'.repeat(300)]) {
      const res = await addEntitlement(granter, target.userId, { bank_id: bankId, role_name: 'CanCreateBranch' });
      expect(res.status, bankId).toBe(400);
      expect(res.body).toEqual({ code: 400, message: 'OBP-30001: Bank not found. Please specify a valid value for BANK_ID.' });
    }
    const plain = await server.user();
    const denied = await addEntitlement(plain, target.userId, { bank_id: 'no-such-bank', role_name: 'CanCreateBranch' });
    expect(denied.status).toBe(403);
    expect(await held(target.userId)).toEqual([]);
  });

  it('the same entitlement twice is 400 OBP-30216 and is stored once; concurrent grants store it once', async () => {
    const granter = await server.user({ roles: ['CanCreateEntitlementAtAnyBank'] });
    const target = await server.user();
    const body = { bank_id: bank1, role_name: 'CanCreateCustomer' };
    expect((await addEntitlement(granter, target.userId, body)).status).toBe(201);
    const again = await addEntitlement(granter, target.userId, body);
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ code: 400, message: 'OBP-30216: Entitlement already exists for the user.' });
    // the same role at another bank is a different entitlement
    expect((await addEntitlement(granter, target.userId, { ...body, bank_id: bank2 })).status).toBe(201);
    expect(await held(target.userId)).toEqual(
      [
        ['CanCreateCustomer', bank1],
        ['CanCreateCustomer', bank2],
      ].sort() as [string, string][],
    );

    const racer = await server.user();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => addEntitlement(granter, racer.userId, { bank_id: '', role_name: 'CanGetConsumers' })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 400, 400, 400, 400]);
    expect(await held(racer.userId)).toEqual([['CanGetConsumers', '']]);
  });

  it('malformed JSON, wrong types, missing fields and no body are 400 OBP-10001; nothing added', async () => {
    const granter = await server.user({ roles: ['CanCreateEntitlementAtAnyBank'] });
    const target = await server.user();
    const bodies: unknown[] = [
      '{"bank_id": "", "role_name": ',
      '"CanGetAnyUser"',
      '[]',
      'null',
      { bank_id: '' },
      { role_name: 'CanGetAnyUser' },
      { bank_id: 5, role_name: 'CanGetAnyUser' },
      { bank_id: '', role_name: ['CanGetAnyUser'] },
      { bank_id: null, role_name: 'CanGetAnyUser' },
    ];
    for (const body of bodies) {
      const res = await addEntitlement(granter, target.userId, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toEqual({ code: 400, message: 'OBP-10001: Incorrect json format.' });
    }
    const empty = await server.call('POST', `/obp/v2.1.0/users/${target.userId}/entitlements`, { token: granter.token });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toBe('OBP-10001: Incorrect json format.');
    expect(await held(target.userId)).toEqual([]);
  });
});

describe('GET /entitlements (getAllEntitlements)', () => {
  it('401 without login, 403 without the role (exact texts)', async () => {
    const anon = await server.call('GET', '/obp/v2.1.0/entitlements');
    expect(anon.status).toBe(401);
    expect(anon.body).toEqual(notLoggedIn);
    const plain = await server.user({ roles: ['CanGetAnyUser'] });
    const denied = await server.call('GET', '/obp/v2.1.0/entitlements', { token: plain.token });
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual(missing('CanGetEntitlementsForAnyUserAtAnyBank'));
  });

  it('200 lists every entitlement of every user, with no SuperAdmin pseudo entry', async () => {
    const reader = await server.user({ roles: ['CanGetEntitlementsForAnyUserAtAnyBank'] });
    await server.user({ roles: [['CanCreateBranch', bank2]] });
    const res = await server.call('GET', '/obp/v2.1.0/entitlements', { token: reader.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeTruthy();
    const all = await server.store.entitlements.list();
    expect(res.body).toEqual({
      list: all.map((e) => ({ entitlement_id: e.entitlementId, role_name: e.roleName, bank_id: e.bankId })),
    });
    expect(res.body.list).not.toContainEqual(superAdminEntry);
  });
});

describe('GET /banks/BANK_ID/users/USER_ID/entitlements (getEntitlementsByBankAndUser)', () => {
  const path = (bankId: string, userId: string) => `/obp/v2.1.0/banks/${bankId}/users/${userId}/entitlements`;
  const bothRoles = 'CanGetEntitlementsForAnyUserAtOneBank or CanGetEntitlementsForAnyUserAtAnyBank';

  // v2_1_0/EntitlementTests
  it('401 without login, 403 without roles, 200 with AtAnyBank (exact texts)', async () => {
    const user1 = await server.user();
    const anon = await server.call('GET', path(bank1, user1.userId));
    expect(anon.status).toBe(401);
    expect(anon.body).toEqual(notLoggedIn);
    const denied = await server.call('GET', path(bank1, user1.userId), { token: user1.token });
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual(missing(bothRoles));
    await server.store.entitlements.insert({
      entitlementId: randomUUID(),
      userId: user1.userId,
      bankId: '',
      roleName: 'CanGetEntitlementsForAnyUserAtAnyBank',
    });
    const ok = await server.call('GET', path(bank1, user1.userId), { token: user1.token });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ list: [] });
  });

  it('returns only the entitlements at BANK_ID; AtOneBank works only at its bank', async () => {
    const reader = await server.user({ roles: [['CanGetEntitlementsForAnyUserAtOneBank', bank1]] });
    const target = await server.user({
      roles: ['CanGetAnyUser', ['CanCreateBranch', bank1], ['CanCreateAccount', bank1], ['CanCreateBranch', bank2]],
    });
    const res = await server.call('GET', path(bank1, target.userId), { token: reader.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeTruthy();
    expect(res.body.list).toHaveLength(2);
    expect(res.body.list).toEqual(
      expect.arrayContaining([
        { entitlement_id: expect.stringMatching(uuidPattern), role_name: 'CanCreateBranch', bank_id: bank1 },
        { entitlement_id: expect.stringMatching(uuidPattern), role_name: 'CanCreateAccount', bank_id: bank1 },
      ]),
    );
    const otherBank = await server.call('GET', path(bank2, target.userId), { token: reader.token });
    expect(otherBank.status).toBe(403);
    expect(otherBank.body).toEqual(missing(bothRoles));
  });

  it('unknown bank is 404 OBP-30001, unknown user 404 OBP-20005, both before the role check', async () => {
    const plain = await server.user();
    const noBank = await server.call('GET', path('no-such-bank', plain.userId), { token: plain.token });
    expect(noBank.status).toBe(404);
    expect(noBank.body).toEqual({
      code: 404,
      message: 'OBP-30001: Bank not found. Please specify a valid value for BANK_ID. Current BankId is no-such-bank',
    });
    const id = randomUUID();
    const noUser = await server.call('GET', path(bank1, id), { token: plain.token });
    expect(noUser.status).toBe(404);
    expect(noUser.body).toEqual({
      code: 404,
      message: `OBP-20005: User not found. Please specify a valid value for USER_ID. Current USER_ID(${id})`,
    });
  });

  it("a super admin's list at a bank ends with the SuperAdmin pseudo entry", async () => {
    const reader = await server.user({ roles: ['CanGetEntitlementsForAnyUserAtAnyBank'] });
    await server.store.entitlements.insert({
      entitlementId: randomUUID(),
      userId: superAdmin.userId,
      bankId: bank2,
      roleName: 'CanCreateBranch',
    });
    const res = await server.call('GET', path(bank2, superAdmin.userId), { token: reader.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      list: [
        { entitlement_id: expect.stringMatching(uuidPattern), role_name: 'CanCreateBranch', bank_id: bank2 },
        superAdminEntry,
      ],
    });
  });
});
