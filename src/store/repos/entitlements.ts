import type { Kysely, Selectable } from 'kysely';
import type { Entitlement } from '../../domain/model.js';
import type { FeedCache } from '../cache.js';
import type { Announce } from '../change-feed.js';
import { preparedQuery } from '../prepared.js';
import type { Database, EntitlementTable } from '../schema.js';
import { removedAny } from './removed.js';

function toEntitlement(r: Selectable<EntitlementTable>): Entitlement {
  return { entitlementId: r.entitlement_id, userId: r.user_id, bankId: r.bank_id, roleName: r.role_name };
}

/** one row of the (user_id, bank_id, role_name) unique index */
const entitlementOf = preparedQuery((db, p: { userId: string; bankId: string; roleName: string }) =>
  db
    .selectFrom('entitlements')
    .selectAll()
    .where('user_id', '=', p.userId)
    .where('bank_id', '=', p.bankId)
    .where('role_name', '=', p.roleName),
);

const entitlementsOf = preparedQuery((db, p: { userId: string }) =>
  db.selectFrom('entitlements').selectAll().where('user_id', '=', p.userId).orderBy('created_at').orderBy('entitlement_id'),
);

/**
 * Every role check reads the caller's entitlements, which change only through this repository: each
 * process keeps them per user (`cached`), and every grant or revocation announces `entitlements`.
 */
export function entitlementRepo(db: Kysely<Database>, announce: Announce, cached?: FeedCache<string, readonly Entitlement[]>) {
  const all = db.selectFrom('entitlements').selectAll();
  const load = async (userId: string) => (await entitlementsOf(db, { userId })).map(toEntitlement);
  return {
    /** shared with other callers: never changed by them (readonly) */
    async forUser(userId: string): Promise<readonly Entitlement[]> {
      return (cached ? await cached.get(userId, () => load(userId)) : await load(userId)) ?? [];
    },
    async forUsers(userIds: readonly string[]): Promise<Entitlement[]> {
      if (userIds.length === 0) return [];
      const rows = await all.where('user_id', 'in', userIds).orderBy('created_at').orderBy('entitlement_id').execute();
      return rows.map(toEntitlement);
    },
    async list(): Promise<Entitlement[]> {
      return (await all.orderBy('created_at').orderBy('entitlement_id').execute()).map(toEntitlement);
    },
    async get(entitlementId: string): Promise<Entitlement | undefined> {
      const row = await all.where('entitlement_id', '=', entitlementId).executeTakeFirst();
      return row && toEntitlement(row);
    },
    async find(userId: string, bankId: string, roleName: string): Promise<Entitlement | undefined> {
      const [row] = await entitlementOf(db, { userId, bankId, roleName });
      return row && toEntitlement(row);
    },
    async insert(e: Entitlement): Promise<void> {
      await db
        .insertInto('entitlements')
        .values({
          entitlement_id: e.entitlementId,
          user_id: e.userId,
          bank_id: e.bankId,
          role_name: e.roleName,
          created_at: Date.now(),
        })
        .execute();
      await announce('entitlements');
    },
    /** Whether this call removed it: of concurrent deletes of one entitlement, exactly one answers true. */
    async delete(entitlementId: string, userId: string): Promise<boolean> {
      const result = await db
        .deleteFrom('entitlements')
        .where('entitlement_id', '=', entitlementId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      const removed = removedAny(result);
      if (removed) await announce('entitlements');
      return removed;
    },
  };
}
