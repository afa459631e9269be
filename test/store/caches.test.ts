/**
 * The per-process caches (banks, resolved tokens, each user's private accounts) on both stores: a
 * write through the store is read back at once, every writer of cached data announces its topic,
 * and on PostgreSQL a second store on the same database (another process) hears of the change.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Topic } from '../../src/store/change-feed.js';
import { openStore, type Store } from '../../src/store/index.js';
import { openTestStore } from '../helpers/store.js';
import { accountRecord, bankRecord as bank, consumerRecord, userRecord as user } from '../helpers/records.js';

const account = (bankId: string, accountId: string) => accountRecord(bankId, accountId, 0n, 'first label');
import { createTestDatabase, storeKind } from '../helpers/server.js';

const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

let store: Store;
let dispose: () => Promise<void>;
beforeAll(async () => {
  ({ store, dispose } = await openTestStore());
});
afterAll(async () => dispose());

/** runs `write` and answers whether it announced `topic` (the feed's generation moved) */
async function announces(topic: Topic, write: () => Promise<unknown>): Promise<boolean> {
  const before = store.changes.generation(topic);
  await write();
  return store.changes.generation(topic) !== before;
}

describe('caches kept by the change feed', () => {
  it('a bank written through the store is read back at once, also after a transaction', async () => {
    const first = unique('cache-bank');
    expect(await store.banks.get(first)).toBeUndefined();
    const listed = await store.banks.list(); // now cached
    await store.banks.insert(bank(first));
    expect(await store.banks.get(first)).toMatchObject({ bankId: first });
    expect((await store.banks.list()).length).toBe(listed.length + 1);

    const second = unique('cache-bank');
    await store.transaction(async (tx) => tx.banks.insert(bank(second)));
    expect(await store.banks.exists(second)).toBe(true);
    expect((await store.banks.list()).map((b) => b.bankId)).toContain(second);
  });

  it('a rolled-back transaction leaves no bank behind in the cache', async () => {
    const id = unique('cache-rollback');
    await expect(
      store.transaction(async (tx) => {
        await tx.banks.insert(bank(id));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await store.banks.get(id)).toBeUndefined();
    expect((await store.banks.list()).map((b) => b.bankId)).not.toContain(id);
  });

  it("a user's private accounts follow grants, revokes and labels at once", async () => {
    const u = user(unique('cache-owner'));
    await store.users.insert(u);
    const bankId = unique('cache-accounts');
    await store.banks.insert(bank(bankId));
    await store.accounts.insert(account(bankId, 'a1'));
    expect(await store.access.privateAccountSummaries(u.userId)).toEqual([]);
    await store.access.grant(u.userId, bankId, 'a1', 'owner');
    expect(await store.access.privateAccountSummaries(u.userId)).toEqual([{ bankId, accountId: 'a1', label: 'first label' }]);
    await store.accounts.updateLabel(bankId, 'a1', 'second label');
    expect(await store.access.privateAccountSummaries(u.userId)).toEqual([{ bankId, accountId: 'a1', label: 'second label' }]);
    expect(await store.access.revoke(u.userId, bankId, 'a1', 'owner')).toBe(true);
    expect(await store.access.privateAccountSummaries(u.userId)).toEqual([]);
  });

  it("a user's views on an account follow grants and revokes at once", async () => {
    const u = user(unique('cache-views'));
    await store.users.insert(u);
    const bankId = unique('cache-views-bank');
    await store.banks.insert(bank(bankId));
    await store.accounts.insert(account(bankId, 'v1'));
    expect(await store.access.viewsOf(u.userId, bankId, 'v1')).toEqual([]);
    await store.access.grant(u.userId, bankId, 'v1', 'owner');
    expect(await store.access.viewsOf(u.userId, bankId, 'v1')).toEqual(['owner']);
    expect(await store.access.viewsOf(u.userId, bankId, 'v1')).toEqual(['owner']); // from the cache
    await store.transaction((tx) =>
      tx.sandboxImport.grantViews([{ bankId, accountId: 'v1', userId: u.userId, viewId: 'accountant' }]),
    );
    expect(await store.access.viewsOf(u.userId, bankId, 'v1')).toEqual(['accountant', 'owner']);
    expect(await store.access.revoke(u.userId, bankId, 'v1', 'owner')).toBe(true);
    expect(await store.access.viewsOf(u.userId, bankId, 'v1')).toEqual(['accountant']);
  });

  it('a revoked token is not resolved from the cache', async () => {
    const u = user(unique('cache-token'));
    await store.users.insert(u);
    const hash = randomUUID();
    const now = Date.now();
    await store.tokens.insert({
      tokenHash: hash,
      kind: 'direct_login',
      userId: u.userId,
      consumerId: undefined,
      expiresAt: now + 60_000,
    });
    expect(await store.tokens.resolve(hash, 'direct_login', now)).toMatchObject({ userId: u.userId });
    expect(await store.tokens.resolve(hash, 'direct_login', now)).toMatchObject({ userId: u.userId });
    // the same hash under another kind is another token
    expect(await store.tokens.resolve(hash, 'oauth', now)).toBeUndefined();
    expect(await store.tokens.revoke(hash)).toBe(true);
    expect(await store.tokens.resolve(hash, 'direct_login', now)).toBeUndefined();
  });

  it('every writer of cached data announces its topic', async () => {
    const u = user(unique('cache-writer'));
    await store.users.insert(u);
    const bankId = unique('cache-writers');
    expect(await announces('banks', () => store.banks.insert(bank(bankId)))).toBe(true);
    expect(await announces('access', () => store.accounts.insert(account(bankId, 'w1')))).toBe(true);
    expect(await announces('access', () => store.accounts.updateLabel(bankId, 'w1', 'l'))).toBe(true);
    expect(await announces('access', () => store.access.grant(u.userId, bankId, 'w1', 'owner'))).toBe(true);
    expect(await announces('access', () => store.access.saveCustomView(bankId, 'w1', '_v', '{"is_public":false}'))).toBe(true);
    expect(await announces('access', () => store.access.revoke(u.userId, bankId, 'w1', 'owner'))).toBe(true);
    expect(
      await announces('access', () =>
        store.transaction((tx) => tx.sandboxImport.grantViews([{ bankId, accountId: 'w1', userId: u.userId, viewId: 'owner' }])),
      ),
    ).toBe(true);
    const consumer = await store.consumers.insert(consumerRecord(unique('cache-consumer')));
    expect(await announces('credentials', () => store.consumers.update(consumer.consumerId, { enabled: false }))).toBe(true);
    expect(await announces('credentials', () => store.users.reenable(u.userId))).toBe(true);
    const hash = randomUUID();
    await store.tokens.insert({
      tokenHash: hash,
      kind: 'k',
      userId: u.userId,
      consumerId: undefined,
      expiresAt: Date.now() + 1000,
    });
    expect(await announces('credentials', () => store.tokens.revoke(hash))).toBe(true);
    const role = { entitlementId: randomUUID(), userId: u.userId, bankId, roleName: 'CanCreateCustomer' };
    expect(await announces('entitlements', () => store.entitlements.insert(role))).toBe(true);
    expect(await announces('entitlements', () => store.entitlements.delete(role.entitlementId, u.userId))).toBe(true);
    // deleting nothing changes nothing a cache holds
    expect(await announces('entitlements', () => store.entitlements.delete(role.entitlementId, u.userId))).toBe(false);
  });

  it('an account is described without its balance and follows its label at once', async () => {
    const bankId = unique('cache-described');
    await store.banks.insert(bank(bankId));
    await store.accounts.insert(account(bankId, 'd1'));
    const described = await store.accounts.describe(bankId, 'd1');
    expect(described).toMatchObject({ bankId, accountId: 'd1', label: 'first label' });
    expect(described).not.toHaveProperty('balance');
    expect(await store.accounts.describe(bankId, 'd1')).toBe(described); // kept
    await store.transaction((tx) => tx.accounts.updateLabel(bankId, 'd1', 'second label'));
    expect(await store.accounts.describe(bankId, 'd1')).toMatchObject({ label: 'second label' });
    expect(await store.accounts.describe(bankId, 'nope')).toBeUndefined();
  });

  it("a user's entitlements follow grants and revocations at once, also inside a transaction", async () => {
    const u = user(unique('cache-roles'));
    await store.users.insert(u);
    expect(await store.entitlements.forUser(u.userId)).toEqual([]);
    expect(await store.entitlements.forUser(u.userId)).toEqual([]); // cached
    const granted = { entitlementId: randomUUID(), userId: u.userId, bankId: 'b', roleName: 'CanCreateCustomer' };
    await store.entitlements.insert(granted);
    expect(await store.entitlements.forUser(u.userId)).toEqual([granted]);
    const second = { entitlementId: randomUUID(), userId: u.userId, bankId: '', roleName: 'CanGetAnyUser' };
    await store.transaction((tx) => tx.entitlements.insert(second));
    expect((await store.entitlements.forUser(u.userId)).map((e) => e.roleName).sort()).toEqual([
      'CanCreateCustomer',
      'CanGetAnyUser',
    ]);
    await store.entitlements.delete(granted.entitlementId, u.userId);
    expect(await store.entitlements.forUser(u.userId)).toEqual([second]);
  });
});

describe.runIf(storeKind === 'postgres')('two stores on one PostgreSQL database (two processes)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: Store;
  let b: Store;
  beforeAll(async () => {
    db = await createTestDatabase();
    a = await openStore({ databaseUrl: db.url, dataDir: '' });
    b = await openStore({ databaseUrl: db.url, dataDir: '' });
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await db?.drop();
  });

  /** how long until `check` holds, polling every millisecond; fails after a second */
  async function within(check: () => Promise<boolean>): Promise<number> {
    const t0 = performance.now();
    while (!(await check())) {
      if (performance.now() - t0 > 1000) throw new Error('the change did not reach the other store within a second');
      await new Promise((r) => setTimeout(r, 1));
    }
    return performance.now() - t0;
  }

  it('a bank created through one is listed by the other, whose list was cached', async () => {
    const id = unique('two-stores');
    const before = (await b.banks.list()).length;
    expect((await b.banks.list()).length).toBe(before); // served from b's cache
    await a.banks.insert(bank(id, 'x'));
    await within(async () => (await b.banks.get(id)) !== undefined && (await b.banks.list()).length === before + 1);
  });

  it("a grant through one changes the other's cached private accounts", async () => {
    const u = user(unique('two-stores-user'));
    await a.users.insert(u);
    const bankId = unique('two-stores-bank');
    await a.banks.insert(bank(bankId));
    await a.accounts.insert(account(bankId, 'x1'));
    expect(await b.access.privateAccountSummaries(u.userId)).toEqual([]);
    await a.access.grant(u.userId, bankId, 'x1', 'owner');
    await within(async () => (await b.access.privateAccountSummaries(u.userId)).length === 1);
  });

  it("a grant and a revoke through one change the other's cached views on the account", async () => {
    const u = user(unique('two-stores-views'));
    await a.users.insert(u);
    const bankId = unique('two-stores-views-bank');
    await a.banks.insert(bank(bankId));
    await a.accounts.insert(account(bankId, 'y1'));
    expect(await b.access.viewsOf(u.userId, bankId, 'y1')).toEqual([]);
    expect(await b.access.viewsOf(u.userId, bankId, 'y1')).toEqual([]); // cached in b
    await a.access.grant(u.userId, bankId, 'y1', 'owner');
    await within(async () => (await b.access.viewsOf(u.userId, bankId, 'y1')).includes('owner'));
    await a.access.revoke(u.userId, bankId, 'y1', 'owner');
    await within(async () => (await b.access.viewsOf(u.userId, bankId, 'y1')).length === 0);
  });

  it("a revocation through one ends the role in the other's cached entitlements", async () => {
    const u = user(unique('two-stores-roles'));
    await a.users.insert(u);
    const role = { entitlementId: randomUUID(), userId: u.userId, bankId: '', roleName: 'CanGetAnyUser' };
    await a.entitlements.insert(role);
    await within(async () => (await b.entitlements.forUser(u.userId)).length === 1);
    expect(await b.entitlements.forUser(u.userId)).toEqual([role]); // cached in b
    await a.entitlements.delete(role.entitlementId, u.userId);
    await within(async () => (await b.entitlements.forUser(u.userId)).length === 0);
  });

  it('the writer answers only after its own listener heard the change', async () => {
    const before = a.changes.generation('banks');
    await a.banks.insert(bank(unique('echo')));
    // one step is the writer's own, the other the notification that came back through its listener
    expect(a.changes.generation('banks') - before).toBeGreaterThanOrEqual(2);
  });
});
