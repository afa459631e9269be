import type { Kysely, Selectable } from 'kysely';
import type { Entitlement } from '../../domain/model.js';
import { preparedQuery } from '../prepared.js';
import type { Database, EntitlementTable } from '../schema.js';
import { removedAny } from './removed.js';

function toEntitlement(r: Selectable<EntitlementTable>): Entitlement {
  return { entitlementId: r.entitlement_id, userId: r.user_id, bankId: r.bank_id, roleName: r.role_name };
}

/** one row of the (user_id, bank_id, role_name) unique index; every payment asks it */
const entitlementOf = preparedQuery((db, p: { userId: string; bankId: string; roleName: string }) =>
  db
    .selectFrom('entitlements')
    .selectAll()
    .where('user_id', '=', p.userId)
    .where('bank_id', '=', p.bankId)
    .where('role_name', '=', p.roleName),
);

export function entitlementRepo(db: Kysely<Database>) {
  const all = db.selectFrom('entitlements').selectAll();
  return {
    async forUser(userId: string): Promise<Entitlement[]> {
      const rows = await all.where('user_id', '=', userId).orderBy('created_at').orderBy('entitlement_id').execute();
      return rows.map(toEntitlement);
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
    },
    /** Whether this call removed it: of concurrent deletes of one entitlement, exactly one answers true. */
    async delete(entitlementId: string, userId: string): Promise<boolean> {
      const result = await db
        .deleteFrom('entitlements')
        .where('entitlement_id', '=', entitlementId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return removedAny(result);
    },
  };
}
