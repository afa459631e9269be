import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressJson, importOpenData, license } from '../helpers/open-data.js';
import { seedBank, startTestServer, type TestServer } from '../helpers/server.js';

const notLoggedIn = { code: 401, message: 'OBP-20001: User not logged in. Authentication is required!' };
const bankNotFound = { code: 400, message: 'OBP-30001: Bank not found. Please specify a valid value for BANK_ID.' };
const branchNotFound = {
  code: 400,
  message:
    'OBP-300010: Branch not found. Please specify a valid value for BRANCH_ID. Or License may not be set. meta.license.id and meta.license.name can not be empty',
};
const noCreateRole = {
  code: 400,
  message: 'OBP-30209: Insufficient authorisation to Create Branch. You do not have the role CanCreateBranch.',
};
const noUpdateRole = { code: 403, message: 'OBP-20006: User is missing one or more roles: CanUpdateBranch' };
const sameBank = { code: 400, message: 'OBP-10035: Incorrect json value. BANK_ID has to be the same in the URL and Body' };

const location = { latitude: 54.752158, longitude: -2.366534 };
const importedB = {
  id: 'branch-b',
  name: 'Head Office',
  address: addressJson,
  location,
  lobby: { hours: 'Mon 9-5' },
  drive_up: { hours: 'Sat 9-12' },
  meta: { license },
  branch_routing: { scheme: '', address: '' },
};
const importedA = { ...importedB, id: 'branch-a', name: 'Second', lobby: { hours: '' }, drive_up: { hours: 'Sun' } };

let server: TestServer;
let bankId: string;
beforeAll(async () => {
  server = await startTestServer();
  bankId = await importOpenData(server);
});
afterAll(async () => server.stop());

const branches = (bank: string, query = '', token?: string) =>
  server.call('GET', `/obp/v2.1.0/banks/${bank}/branches${query}`, { token });

function postBody(bank: string, id: string, change: Record<string, unknown> = {}) {
  return {
    id,
    bank_id: bank,
    name: 'New branch',
    address: {
      line_1: 'Osloer Straße 16/17',
      line_2: 'Wedding',
      line_3: '',
      city: 'Berlin',
      state: 'BB',
      postcode: '13359',
      country: 'DE',
    },
    location: { latitude: 52.5, longitude: 13.4 },
    meta: { license: { id: 'ODbL-1.0', name: 'Open Database License' } },
    lobby: { hours: '9-17' },
    drive_up: { hours: '' },
    ...change,
  };
}

/** The BranchJson the server should answer for a body. */
function jsonOf(body: ReturnType<typeof postBody>, id = body.id) {
  const { bank_id: _bank, id: _id, ...rest } = body;
  void _bank;
  void _id;
  return { id, ...rest, branch_routing: { scheme: '', address: '' } };
}

describe('GET /banks/BANK_ID/branches (getBranches)', () => {
  it('lists the imported branches with a license, ordered by id, anonymously; no ETag (old style)', async () => {
    const res = await branches(bankId);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeNull();
    expect(res.body).toEqual({ branches: [importedA, importedB] });
  });

  it('pages with limit and offset; bad values get OBP errors', async () => {
    expect((await branches(bankId, '?limit=1')).body).toEqual({ branches: [importedA] });
    expect((await branches(bankId, '?offset=1')).body).toEqual({ branches: [importedB] });
    expect((await branches(bankId, '?limit=1&offset=1')).body).toEqual({ branches: [importedB] });
    expect((await branches(bankId, '?offset=5')).body).toEqual({ branches: [] });
    for (const q of ['?limit=0', '?limit=abc', '?limit=-1', '?limit=99999999999']) {
      const res = await branches(bankId, q);
      expect(res.status, q).toBe(400);
      expect(res.body.message, q).toMatch(/^OBP-10025: /);
    }
    for (const q of ['?offset=-1', '?offset=x']) {
      const res = await branches(bankId, q);
      expect(res.status, q).toBe(400);
      expect(res.body.message, q).toMatch(/^OBP-10024: /);
    }
  });

  it('an unknown bank answers 400 OBP-30001; a bank without branches an empty list', async () => {
    const res = await branches('no-such-bank');
    expect(res.status).toBe(400);
    expect(res.body).toEqual(bankNotFound);
    const empty = await seedBank(server);
    expect((await branches(empty)).body).toEqual({ branches: [] });
  });
});

describe('GET /banks/BANK_ID/branches/BRANCH_ID (getBranch)', () => {
  it('answers one imported branch anonymously', async () => {
    const res = await server.call('GET', `/obp/v2.1.0/banks/${bankId}/branches/branch-b`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(importedB);
  });

  it('an unknown branch, a branch without license or a branch of another bank answers 400 OBP-300010', async () => {
    const other = await seedBank(server);
    for (const [bank, id] of [
      [bankId, 'nope'],
      [bankId, 'branch-unlicensed'],
      [other, 'branch-b'],
      [bankId, '%00'],
    ]) {
      const res = await server.call('GET', `/obp/v2.1.0/banks/${bank}/branches/${id}`);
      expect(res.status, id).toBe(400);
      expect(res.body, id).toEqual(branchNotFound);
    }
  });

  it('an unknown bank answers 400 OBP-30001', async () => {
    const res = await server.call('GET', '/obp/v2.1.0/banks/no-such-bank/branches/branch-b');
    expect(res.status).toBe(400);
    expect(res.body).toEqual(bankNotFound);
  });
});

describe('OBP_APIOPTIONS_GETBRANCHESISPUBLIC=false', () => {
  let closed: TestServer;
  let closedBank: string;
  beforeAll(async () => {
    closed = await startTestServer({ OBP_APIOPTIONS_GETBRANCHESISPUBLIC: 'false' });
    closedBank = await importOpenData(closed);
  });
  afterAll(async () => closed.stop());

  it('anonymous callers get 401 OBP-20001 (before the bank lookup); logged-in callers the data', async () => {
    for (const path of [`/banks/${closedBank}/branches`, `/banks/${closedBank}/branches/branch-b`, '/banks/nowhere/branches']) {
      const res = await closed.call('GET', `/obp/v2.1.0${path}`);
      expect(res.status, path).toBe(401);
      expect(res.body, path).toEqual(notLoggedIn);
    }
    const someone = await closed.user();
    const list = await closed.call('GET', `/obp/v2.1.0/banks/${closedBank}/branches`, { token: someone.token });
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ branches: [importedA, importedB] });
    const one = await closed.call('GET', `/obp/v2.1.0/banks/${closedBank}/branches/branch-b`, { token: someone.token });
    expect(one.body).toEqual(importedB);
    // the other open data stays public
    expect((await closed.call('GET', `/obp/v2.1.0/banks/${closedBank}/atms`)).status).toBe(200);
    expect((await closed.call('GET', `/obp/v2.1.0/banks/${closedBank}/products`)).status).toBe(200);
  });
});

describe('POST /banks/BANK_ID/branches (createBranch)', () => {
  const create = (bank: string, body: unknown, token?: string) =>
    server.call('POST', `/obp/v2.1.0/banks/${bank}/branches`, { token, body });

  it('401 anonymous; 400 OBP-30209 without CanCreateBranch at this bank (none, at another bank, CanUpdateBranch); nothing written', async () => {
    const bank = await seedBank(server);
    const other = await seedBank(server);
    const body = postBody(bank, 'denied');
    const anon = await create(bank, body);
    expect(anon.status).toBe(401);
    expect(anon.body).toEqual(notLoggedIn);
    for (const roles of [[], [['CanCreateBranch', other]], [['CanUpdateBranch', bank]], ['CanCreateSandbox']] as const) {
      const caller = await server.user({ roles: roles as never });
      const res = await create(bank, body, caller.token);
      expect(res.status, JSON.stringify(roles)).toBe(400);
      expect(res.body).toEqual(noCreateRole);
    }
    expect(await server.store.documents.list('branch', bank)).toEqual([]);
  });

  it('201 with CanCreateBranch at the bank: the branch is stored, listed and served as answered', async () => {
    const bank = await seedBank(server);
    const creator = await server.user({ roles: [['CanCreateBranch', bank]] });
    const body = postBody(bank, 'created-1');
    const res = await create(bank, body, creator.token);
    expect(res.status).toBe(201);
    expect(res.body).toEqual(jsonOf(body));
    expect((await branches(bank)).body).toEqual({ branches: [res.body] });
    expect((await server.call('GET', `/obp/v2.1.0/banks/${bank}/branches/created-1`)).body).toEqual(res.body);
    // stored in the import's format, so imported and created branches share one mapper
    expect(await server.store.documents.get('branch', bank, 'created-1')).toMatchObject({
      id: 'created-1',
      bank_id: bank,
      address: { post_code: '13359', country_code: 'DE', county: '' },
      driveUp: { hours: '' },
    });
  });

  it('is an upsert: the same id again replaces the branch, also an imported one', async () => {
    const bank = await importOpenData(server);
    const creator = await server.user({ roles: [['CanCreateBranch', bank]] });
    const first = await create(bank, postBody(bank, 'upserted', { name: 'First' }), creator.token);
    expect(first.status).toBe(201);
    const second = await create(bank, postBody(bank, 'upserted', { name: 'Second name' }), creator.token);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(jsonOf(postBody(bank, 'upserted', { name: 'Second name' })));
    const stored = (await server.store.documents.list('branch', bank)).filter((d) => d.docId === 'upserted');
    expect(stored).toHaveLength(1);

    const over = await create(bank, postBody(bank, 'branch-a', { name: 'Replaced' }), creator.token);
    expect(over.status).toBe(201);
    expect((await server.call('GET', `/obp/v2.1.0/banks/${bank}/branches/branch-a`)).body).toEqual(
      jsonOf(postBody(bank, 'branch-a', { name: 'Replaced' })),
    );
    expect((await branches(bank)).body.branches.map((b: { id: string }) => b.id)).toEqual(['branch-a', 'branch-b', 'upserted']);
  });

  it('20 parallel identical requests all succeed as upserts of one branch', async () => {
    const bank = await seedBank(server);
    const creator = await server.user({ roles: [['CanCreateBranch', bank]] });
    const body = postBody(bank, 'parallel');
    const results = await Promise.all(Array.from({ length: 20 }, () => create(bank, body, creator.token)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    for (const r of results) expect(r.body).toEqual(jsonOf(body));
    expect((await server.store.documents.list('branch', bank)).map((d) => d.docId)).toEqual(['parallel']);
  });

  it('a body bank_id other than BANK_ID is refused (no branch written at either bank)', async () => {
    const bank = await seedBank(server);
    const other = await seedBank(server);
    const creator = await server.user({ roles: [['CanCreateBranch', bank]] });
    const res = await create(bank, postBody(other, 'elsewhere'), creator.token);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(sameBank);
    expect(await server.store.documents.list('branch', bank)).toEqual([]);
    expect(await server.store.documents.list('branch', other)).toEqual([]);
  });

  it('an unknown bank answers 400 OBP-30001', async () => {
    const creator = await server.user({ roles: [['CanCreateBranch', 'ghost-bank']] });
    const res = await create('ghost-bank', postBody('ghost-bank', 'x'), creator.token);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(bankNotFound);
    expect(await server.store.documents.list('branch', 'ghost-bank')).toEqual([]);
  });

  it('bad bodies answer OBP-10001 and write nothing', async () => {
    const bank = await seedBank(server);
    const creator = await server.user({ roles: [['CanCreateBranch', bank]] });
    const base = postBody(bank, 'bad');
    const { name: _name, ...noName } = base;
    void _name;
    const bodies: unknown[] = [
      noName,
      { ...base, location: { latitude: '52.5', longitude: 13.4 } },
      { ...base, name: 'x'.repeat(256) },
      { ...base, address: { ...base.address, postcode: undefined } },
      { ...base, meta: {} },
      { ...base, lobby: { hours: 'h'.repeat(2001) } },
      { ...base, drive_up: null },
      [base],
      'not json',
    ];
    for (const body of bodies) {
      const res = await create(bank, body, creator.token);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.message).toMatch(/^OBP-10001: Incorrect json format\./);
    }
    const empty = await create(bank, { ...base, id: '' }, creator.token);
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual({ code: 400, message: 'OBP-10001: Incorrect json format. id must not be empty' });
    expect(await server.store.documents.list('branch', bank)).toEqual([]);
  });
});

describe('PUT /banks/BANK_ID/branches/BRANCH_ID (updateBranch)', () => {
  const update = (bank: string, id: string, body: unknown, token?: string) =>
    server.call('PUT', `/obp/v2.1.0/banks/${bank}/branches/${id}`, { token, body });
  const putBody = (bank: string, change: Record<string, unknown> = {}) => {
    const { id: _id, ...rest } = postBody(bank, 'unused', change);
    void _id;
    return rest;
  };

  it('401 anonymous; 403 without CanUpdateBranch at this bank (none, at another bank, CanCreateBranch); nothing changed', async () => {
    const other = await seedBank(server);
    const anon = await update(bankId, 'branch-b', putBody(bankId));
    expect(anon.status).toBe(401);
    expect(anon.body).toEqual(notLoggedIn);
    for (const roles of [[], [['CanUpdateBranch', other]], [['CanCreateBranch', bankId]]] as const) {
      const caller = await server.user({ roles: roles as never });
      const res = await update(bankId, 'branch-b', putBody(bankId), caller.token);
      expect(res.status, JSON.stringify(roles)).toBe(403);
      expect(res.body).toEqual(noUpdateRole);
    }
    expect((await server.call('GET', `/obp/v2.1.0/banks/${bankId}/branches/branch-b`)).body).toEqual(importedB);
  });

  it('201 with CanUpdateBranch: an imported branch is replaced, an unknown id created (upsert)', async () => {
    const bank = await importOpenData(server);
    const editor = await server.user({ roles: [['CanUpdateBranch', bank]] });
    const body = putBody(bank, { name: 'Renamed' });
    const res = await update(bank, 'branch-b', body, editor.token);
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBeNull();
    const expected = jsonOf({ ...body, id: 'branch-b' });
    expect(res.body).toEqual(expected);
    expect((await server.call('GET', `/obp/v2.1.0/banks/${bank}/branches/branch-b`)).body).toEqual(expected);

    const created = await update(bank, 'via-put', body, editor.token);
    expect(created.status).toBe(201);
    expect(created.body.id).toBe('via-put');
    expect((await branches(bank)).body.branches.map((b: { id: string }) => b.id)).toEqual(['branch-a', 'branch-b', 'via-put']);
  });

  it('the path bank is used: a different body bank_id is refused; an unknown bank answers 400 OBP-30001', async () => {
    const other = await seedBank(server);
    const editor = await server.user({ roles: [['CanUpdateBranch', bankId]] });
    const res = await update(bankId, 'branch-b', putBody(other, { name: 'Moved' }), editor.token);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(sameBank);
    expect(await server.store.documents.list('branch', other)).toEqual([]);
    expect((await server.call('GET', `/obp/v2.1.0/banks/${bankId}/branches/branch-b`)).body).toEqual(importedB);

    const ghost = await update('ghost-bank', 'b', putBody('ghost-bank'), editor.token);
    expect(ghost.status).toBe(400);
    expect(ghost.body).toEqual(bankNotFound);
  });

  it('bad bodies and over-long ids answer OBP-10001 and change nothing', async () => {
    const editor = await server.user({ roles: [['CanUpdateBranch', bankId]] });
    for (const body of [{ ...putBody(bankId), name: 5 }, { ...putBody(bankId), location: {} }, {}]) {
      const res = await update(bankId, 'branch-b', body, editor.token);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^OBP-10001: /);
    }
    const long = await update(bankId, 'x'.repeat(256), putBody(bankId), editor.token);
    expect(long.status).toBe(400);
    expect(long.body.message).toMatch(/^OBP-10001: /);
    expect((await server.call('GET', `/obp/v2.1.0/banks/${bankId}/branches/branch-b`)).body).toEqual(importedB);
    expect(await server.store.documents.exists('branch', bankId, 'x'.repeat(256))).toBe(false);
  });
});
