/**
 * The store contract: the same assertions run against SQLite and PostgreSQL (vitest projects), so
 * the one Kysely implementation is proven to behave the same on both dialects.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import { openTestStore } from '../helpers/store.js';
import { accountRecord as account, bankRecord as bank, consumerRecord, userRecord as user } from '../helpers/records.js';

let store: Store;
let dispose: () => Promise<void>;
beforeAll(async () => {
  ({ store, dispose } = await openTestStore());
});
afterAll(async () => dispose());

describe('store contract', () => {
  it('a delete answers whether it removed the row; of parallel deletes exactly one does', async () => {
    const u = user(`deleter-${randomUUID().slice(0, 8)}`);
    await store.users.insert(u);
    const entitlementId = randomUUID();
    await store.entitlements.insert({ entitlementId, userId: u.userId, bankId: '', roleName: 'CanGetAnyUser' });
    expect(await store.entitlements.delete(entitlementId, randomUUID())).toBe(false);
    const results = await Promise.all(Array.from({ length: 10 }, () => store.entitlements.delete(entitlementId, u.userId)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.entitlements.get(entitlementId)).toBeUndefined();
  });

  it('reserving login attempts gives every concurrent attempt its own count', async () => {
    const u = user(`burst-${randomUUID().slice(0, 8)}`);
    await store.users.insert(u);
    const reserved = await Promise.all(Array.from({ length: 20 }, () => store.users.reserveLoginAttempt('p', u.providerId, 5)));
    expect(reserved.map((r) => r!.attempt).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await store.users.reserveLoginAttempt('p', 'nobody', 5)).toBeUndefined();
    await store.users.resetBadLogins(u.userId);
    expect((await store.users.reserveLoginAttempt('p', u.providerId, 5))!.attempt).toBe(1);
  });

  it('a NUL in a looked-up value matches nothing instead of failing the statement', async () => {
    const u = user(`nul-${randomUUID().slice(0, 8)}`);
    await store.users.insert(u);
    expect(await store.users.get(`${u.userId}\u0000`)).toBeUndefined();
    expect(await store.users.getByProvider('p', `${u.providerId}\u0000`)).toBeUndefined();
    expect(await store.banks.get('\u0000')).toBeUndefined();
  });

  it('keeps money exact beyond 2^53 minor units and for negative balances', async () => {
    await store.banks.insert(bank('money'));
    const huge = 2n ** 62n + 7n;
    await store.accounts.insert(account('money', 'big', huge));
    await store.accounts.insert(account('money', 'neg', -13533n));
    expect((await store.accounts.get('money', 'big'))?.balance).toBe(huge);
    expect((await store.accounts.get('money', 'neg'))?.balance).toBe(-13533n);
  });

  it('a failing transaction writes nothing', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.banks.insert(bank('atomic-1'));
        await tx.banks.insert(bank('atomic-1')); // primary key violation
      }),
    ).rejects.toThrow();
    expect(await store.banks.get('atomic-1')).toBeUndefined();
  });

  it('a committed transaction writes everything', async () => {
    await store.transaction(async (tx) => {
      await tx.banks.insert(bank('atomic-2'));
      await tx.accounts.insert(account('atomic-2', 'a', 0n));
    });
    expect(await store.banks.exists('atomic-2')).toBe(true);
    expect(await store.accounts.get('atomic-2', 'a')).toMatchObject({ balance: 0n });
  });

  it('enforces unique usernames per provider and unique entitlements', async () => {
    const u = user('unique-user');
    await store.users.insert(u);
    await expect(store.users.insert({ ...u, userId: randomUUID() })).rejects.toThrow();
    const e = { entitlementId: randomUUID(), userId: u.userId, bankId: '', roleName: 'CanGetAnyUser' };
    await store.entitlements.insert(e);
    await expect(store.entitlements.insert({ ...e, entitlementId: randomUUID() })).rejects.toThrow();
    expect(await store.entitlements.forUser(u.userId)).toEqual([e]);
  });

  it('returns generated consumer ids as numbers, in insertion order', async () => {
    const make = (key: string) => store.consumers.insert(consumerRecord(key));
    const a = await make('contract-a');
    const b = await make('contract-b');
    expect(typeof a.consumerId).toBe('number');
    expect(b.consumerId).toBeGreaterThan(a.consumerId);
    expect((await store.consumers.getByKey('contract-b'))?.consumerId).toBe(b.consumerId);
  });

  it('resolves tokens only while unexpired, and revokes them', async () => {
    const u = user('token-user');
    await store.users.insert(u);
    const now = Date.now();
    await store.tokens.insert({ tokenHash: 'live', kind: 'k', userId: u.userId, consumerId: undefined, expiresAt: now + 60_000 });
    await store.tokens.insert({ tokenHash: 'dead', kind: 'k', userId: u.userId, consumerId: undefined, expiresAt: now - 1 });
    expect(await store.tokens.resolve('live', 'k', now)).toMatchObject({ userId: u.userId, consumerEnabled: true });
    expect(await store.tokens.resolve('dead', 'k', now)).toBeUndefined();
    expect(await store.tokens.resolve('live', 'other-kind', now)).toBeUndefined();
    expect(await store.tokens.revoke('live')).toBe(true);
    expect(await store.tokens.resolve('live', 'k', now)).toBeUndefined();
    expect(await store.tokens.revoke('live')).toBe(false);
  });

  it('lists the accounts a user can access with each view, in one ordered query', async () => {
    await store.banks.insert(bank('access'));
    const u = user('access-user');
    await store.users.insert(u);
    await store.accounts.insert(account('access', 'b', 0n));
    await store.accounts.insert(account('access', 'a', 0n));
    await store.access.grant(u.userId, 'access', 'b', 'owner');
    await store.access.grant(u.userId, 'access', 'a', 'owner');
    await store.access.grant(u.userId, 'access', 'a', 'auditor');
    await store.access.grant(u.userId, 'access', 'a', 'auditor'); // idempotent
    const rows = await store.access.accessibleAccounts(u.userId);
    expect(rows.map((r) => `${r.accountId}:${r.viewId}`)).toEqual(['a:auditor', 'a:owner', 'b:owner']);
    expect(await store.access.accessibleAccounts(u.userId, 'no-such-bank')).toEqual([]);
  });

  it('stores and filters metrics the same way', async () => {
    const base = Date.UTC(2026, 0, 1);
    const metric = (i: number, userId: string) => ({
      date: base + i * 1000,
      userId,
      userName: userId,
      developerEmail: '',
      appName: 'app',
      consumerId: '1',
      url: `/obp/v2.1.0/x/${i}`,
      verb: 'GET',
      implementedByPartialFunction: 'f',
      implementedInVersion: 'v2.1.0',
      correlationId: `c${i}`,
      duration: i,
      status: 200,
    });
    await store.metrics.insertMany([metric(1, 'u1'), metric(2, ''), metric(3, 'u1')]);
    const desc = await store.metrics.query({ limit: 10, offset: 0, ascending: false });
    expect(desc.map((m) => m.correlationId)).toEqual(['c3', 'c2', 'c1']);
    const anon = await store.metrics.query({ limit: 10, offset: 0, ascending: true, anon: true });
    expect(anon.map((m) => m.correlationId)).toEqual(['c2']);
    const ranged = await store.metrics.query({
      limit: 1,
      offset: 1,
      ascending: true,
      fromDate: base + 1000,
      toDate: base + 3000,
    });
    expect(ranged.map((m) => m.correlationId)).toEqual(['c2']);
  });
});
