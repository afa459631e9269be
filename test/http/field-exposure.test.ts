/**
 * Each view permission hides exactly the fields it governs (field-exposure-table.ts) and nothing
 * else: a custom view with every permission on is read through every moderated endpoint, then the same
 * view with one permission off, and the two answers are compared path by path.
 *
 * One custom view is updated for each permission: comments, tags, images and the where tag are kept
 * per view (§9.3), so only the same view id reads the same metadata.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import viewsJson from '../../spec/views.json' with { type: 'json' };
import { viewJsonFlags } from '../../src/domain/views/definitions.js';
import { seedOwnedAccount, startTestServer, type TestServer, type TestUser } from '../helpers/server.js';
import { alwaysNull, fieldExposure, type Governs } from './field-exposure-table.js';

const v = '/obp/v2.1.0';
const probe = '_probe';

/** Each permission with the allowed_actions names that switch it on. */
const actionsOf: ReadonlyMap<string, readonly string[]> = new Map([
  ...viewsJson.flags.map((f): [string, readonly string[]] => [f.json_flag, f.allowed_actions]),
  ...viewsJson.other_permissions.map((p): [string, readonly string[]] => [p.allowed_actions[0]!, p.allowed_actions]),
]);
const permissions = [...actionsOf.keys()];

let server: TestServer;
let owner: TestUser;
let reader: TestUser;
let bankId: string;
let accountId: string;
const txIds = ['tx-bakery', 'tx-shop'];
let counterpartyIds: string[] = [];

const base = () => `${v}/banks/${bankId}/accounts/${accountId}`;
const through = () => `${base()}/${probe}`;

type Shape = keyof Governs;

interface ShapeEndpoint {
  name: string;
  shape: Shape;
  /** the part of the shape the endpoint answers with ('' = all of it) */
  part: string;
  /** the member holding one shape per entry, for list endpoints */
  list?: string;
  urls(): string[];
}

const endpoints: readonly ShapeEndpoint[] = [
  { name: 'GET .../VIEW_ID/account', shape: 'account', part: '', urls: () => [`${through()}/account`] },
  {
    name: 'GET .../VIEW_ID/transactions',
    shape: 'transaction',
    part: '',
    list: 'transactions',
    urls: () => [`${through()}/transactions`],
  },
  {
    name: 'GET .../VIEW_ID/transactions/TRANSACTION_ID/transaction',
    shape: 'transaction',
    part: '',
    urls: () => txIds.map((t) => `${through()}/transactions/${t}/transaction`),
  },
  {
    name: 'GET .../VIEW_ID/other_accounts',
    shape: 'counterparty',
    part: '',
    list: 'other_accounts',
    urls: () => [`${through()}/other_accounts`],
  },
  {
    name: 'GET .../VIEW_ID/other_accounts/OTHER_ACCOUNT_ID',
    shape: 'counterparty',
    part: '',
    urls: () => counterpartyIds.map((o) => `${through()}/other_accounts/${o}`),
  },
  {
    name: 'GET .../VIEW_ID/transactions/TRANSACTION_ID/other_account',
    shape: 'counterparty',
    part: '',
    urls: () => txIds.map((t) => `${through()}/transactions/${t}/other_account`),
  },
  {
    name: 'GET .../VIEW_ID/other_accounts/OTHER_ACCOUNT_ID/metadata',
    shape: 'counterparty',
    part: 'metadata',
    urls: () => counterpartyIds.map((o) => `${through()}/other_accounts/${o}/metadata`),
  },
];

const join = (...parts: (string | number)[]) => parts.filter((p) => p !== '').join('/');

/** The paths where `a` and `b` differ: the highest differing node, a list whose length changed as a whole. */
function diffPaths(a: unknown, b: unknown, path = ''): string[] {
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    return a.flatMap((x, i) => diffPaths(x, b[i], join(path, i)));
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => (k in a && k in b ? diffPaths(a[k], b[k], join(path, k)) : [join(path, k)]));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [path];
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function at(json: unknown, path: string): unknown {
  return path === ''
    ? json
    : path.split('/').reduce<unknown>((node, key) => (node as Record<string, unknown> | null)?.[key], json);
}

/** Paths of every null leaf and empty list. */
function emptyPaths(json: unknown, path = ''): string[] {
  if (json === null || (Array.isArray(json) && json.length === 0)) return [path];
  if (Array.isArray(json)) return json.flatMap((x, i) => emptyPaths(x, join(path, i)));
  if (isObject(json)) return Object.entries(json).flatMap(([k, x]) => emptyPaths(x, join(path, k)));
  return [];
}

/** Where one shape sits in an answer of `e`: the root, or each entry of its list. */
function shapeRoots(e: ShapeEndpoint, answer: unknown): string[] {
  if (!e.list) return [''];
  return (at(answer, e.list) as unknown[]).map((_, i) => join(e.list!, i));
}

type Expected = { refused: true } | { refused: false; paths: Set<string> };

/** What switching `permission` off changes in an answer of `e`, from the table. */
function expectedChange(e: ShapeEndpoint, permission: string, reference: unknown): Expected {
  const entry = fieldExposure[permission]!;
  const governed = 'governs' in entry ? (entry.governs[e.shape] ?? []) : [];
  const paths = new Set<string>();
  for (const p of governed) {
    const hidesAll = p === '' || p === e.part || e.part.startsWith(`${p}/`);
    if (hidesAll) {
      if (!e.list) return { refused: true };
      paths.add(e.list);
    } else if (e.part === '' || p.startsWith(`${e.part}/`)) {
      const relative = e.part === '' ? p : p.slice(e.part.length + 1);
      for (const root of shapeRoots(e, reference)) paths.add(join(root, relative));
    }
  }
  // the account lists the caller's views, the probe view among them (the reader holds no other)
  if (e.shape === 'account' && viewJsonFlags.includes(permission)) paths.add(`views_available/0/${permission}`);
  return { refused: false, paths };
}

function viewBody(off: string | undefined) {
  return {
    description: 'every permission but one',
    is_public: false,
    which_alias_to_use: '',
    hide_metadata_if_alias_used: false,
    allowed_actions: permissions.filter((p) => p !== off).flatMap((p) => actionsOf.get(p)!),
  };
}

async function setProbe(off?: string) {
  const res = await server.call('PUT', `${base()}/views/${probe}`, { token: owner.token, body: viewBody(off) });
  expect(res.status, res.text).toBe(200);
}

async function read(url: string) {
  return server.call('GET', url, { token: reader.token });
}

/** Every answer of every endpoint through the probe view as it is now, by URL. */
async function readAll(): Promise<Map<string, { status: number; body: unknown }>> {
  const out = new Map<string, { status: number; body: unknown }>();
  for (const e of endpoints) {
    for (const url of e.urls()) {
      const res = await read(url);
      out.set(url, { status: res.status, body: res.body });
    }
  }
  return out;
}

let reference: Map<string, { status: number; body: unknown }>;

async function post(path: string, body: unknown) {
  const res = await server.call('POST', `${through()}${path}`, { token: reader.token, body });
  expect(res.status, `${path}: ${res.text}`).toBe(201);
}

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.user();
  reader = await server.user();
  ({ bankId, accountId } = await seedOwnedAccount(server, owner, 'DE89000000000012345678', {
    nationalIdentifier: 'NID-123',
  }));
  await server.store.accounts.addHolder(bankId, accountId, owner.userId);
  await server.store.access.grant(owner.userId, bankId, accountId, 'ManageCustomViews');
  const t0 = Date.UTC(2021, 2, 1);
  await server.store.transactions.insertMany(
    txIds.map((transactionId, n) => ({
      bankId,
      accountId,
      transactionId,
      kind: 'DEBIT',
      description: `Payment ${n}`,
      currency: 'EUR',
      amount: -250n,
      newBalance: 100n + 250n * BigInt(n),
      postedAt: t0 + n * 60_000,
      completedAt: t0 + n * 60_000 + 1000,
      // one counterparty id derived from the name (§1.6), one stored
      counterpartyId: n === 0 ? '' : 'cp-shop',
      counterpartyName: n === 0 ? 'Corner Bakery' : 'Corner Shop',
      counterpartyAccountNumber: `11${n}`,
      counterpartyIban: `DE1100000000000000000${n}`,
      counterpartyBankName: 'Sparkasse',
      counterpartyKind: 'AC',
    })),
  );

  const created = await server.call('POST', `${base()}/views`, {
    token: owner.token,
    body: { name: probe, ...viewBody(undefined) },
  });
  expect(created.status, created.text).toBe(201);
  const granted = await server.call(
    'POST',
    `${base()}/permissions/${encodeURIComponent(server.config.localIdentityProvider)}/${reader.username}/views/${probe}`,
    { token: owner.token },
  );
  expect(granted.status, granted.text).toBe(201);

  const listed = await read(`${through()}/other_accounts`);
  counterpartyIds = (listed.body.other_accounts as { id: string }[]).map((o) => o.id);
  expect(counterpartyIds).toHaveLength(2);
  for (const o of counterpartyIds) {
    const at = `/other_accounts/${o}`;
    await post(`${at}/private_alias`, { alias: `Private ${o}` });
    await post(`${at}/metadata/more_info`, { more_info: `About ${o}` });
    await post(`${at}/metadata/url`, { URL: `https://example.com/${o}` });
    await post(`${at}/metadata/image_url`, { image_URL: `https://example.com/${o}.png` });
    await post(`${at}/metadata/open_corporates_url`, { open_corporates_URL: `https://opencorporates.com/${o}` });
    await post(`${at}/metadata/corporate_location`, { corporate_location: { latitude: 52.5, longitude: 13.4 } });
    await post(`${at}/metadata/physical_location`, { physical_location: { latitude: 48.1, longitude: 11.6 } });
  }
  for (const t of txIds) {
    const at = `/transactions/${t}/metadata`;
    await post(`${at}/narrative`, { narrative: `Narrative of ${t}` });
    await post(`${at}/comments`, { value: `Comment on ${t}` });
    await post(`${at}/tags`, { value: `tag-${t}` });
    await post(`${at}/images`, { label: `Receipt ${t}`, URL: `https://example.com/${t}.jpg` });
    await post(`${at}/where`, { where: { latitude: 40.4, longitude: -3.7 } });
  }
  reference = await readAll();
}, 120_000);

afterAll(() => server?.stop());

describe('the field-exposure table', () => {
  it('describes every permission of spec/views.json, and nothing else', () => {
    expect(Object.keys(fieldExposure).sort()).toEqual([...permissions].sort());
    expect(viewsJson.flags).toHaveLength(59);
  });

  it('names only paths that exist in the shape it names', () => {
    const sample: Record<Shape, unknown> = {
      account: reference.get(`${through()}/account`)!.body,
      transaction: reference.get(`${through()}/transactions/${txIds[0]}/transaction`)!.body,
      counterparty: reference.get(`${through()}/other_accounts/${counterpartyIds[0]}`)!.body,
    };
    for (const [permission, entry] of Object.entries(fieldExposure)) {
      if (!('governs' in entry)) continue;
      for (const [shape, paths] of Object.entries(entry.governs) as [Shape, readonly string[]][]) {
        for (const p of paths) expect(at(sample[shape], p), `${permission}: ${shape} ${p}`).not.toBeUndefined();
      }
    }
  });
});

describe('with every permission on', () => {
  it('every endpoint answers 200 and every field has a value (only the fields no view fills are null)', () => {
    for (const e of endpoints) {
      for (const url of e.urls()) {
        const { status, body } = reference.get(url)!;
        expect(status, `${e.name} ${url}`).toBe(200);
        const nullable = shapeRoots(e, body).flatMap((root) =>
          alwaysNull[e.shape]
            .filter((p) => e.part === '' || p.startsWith(`${e.part}/`))
            .map((p) => join(root, e.part === '' ? p : p.slice(e.part.length + 1))),
        );
        expect(emptyPaths(body).sort(), `${e.name} ${url}`).toEqual(nullable.sort());
      }
    }
  });

  it('the lists hold both transactions and both counterparties, and the reader holds only the probe view', () => {
    expect((reference.get(`${through()}/transactions`)!.body as { transactions: unknown[] }).transactions).toHaveLength(2);
    const account = reference.get(`${through()}/account`)!.body as { views_available: Record<string, unknown>[] };
    expect(account.views_available.map((view) => view.id)).toEqual([probe]);
    for (const flag of viewJsonFlags) expect(account.views_available[0]![flag], flag).toBe(true);
  });

  it('system-only rights named in allowed_actions give the holder of the custom view nothing', async () => {
    const res = await server.call('POST', `${base()}/views`, {
      token: reader.token,
      body: { name: '_other', ...viewBody(undefined) },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^OBP-30259:/);
  });
});

describe.each(permissions.map((p) => [p, fieldExposure[p]] as const))('%s off', (permission, entry) => {
  it(
    entry && 'governsNothing' in entry
      ? `changes nothing (${entry.governsNothing})`
      : 'hides exactly the fields it governs, and every call still answers',
    async () => {
      await setProbe(permission);
      const answers = await readAll();
      for (const e of endpoints) {
        for (const url of e.urls()) {
          const before = reference.get(url)!;
          const after = answers.get(url)!;
          const expected = expectedChange(e, permission, before.body);
          const where = `${e.name} ${url}`;
          if (expected.refused) {
            expect(after.status, where).toBe(400);
            expect((after.body as { message: string }).message, where).toMatch(/^OBP-30022:/);
            continue;
          }
          expect(after.status, `${where}: ${JSON.stringify(after.body)}`).toBe(200);
          expect(diffPaths(before.body, after.body).sort(), where).toEqual([...expected.paths].sort());
          for (const p of expected.paths) {
            const hidden = at(after.body, p);
            if (p.startsWith('views_available/')) expect(hidden, `${where} ${p}`).toBe(false);
            else expect([null, []], `${where} ${p}`).toContainEqual(hidden);
          }
        }
      }
    },
  );
});

describe('with every permission on again', () => {
  it('every answer is the reference again', async () => {
    await setProbe(undefined);
    expect(await readAll()).toEqual(reference);
  });
});
