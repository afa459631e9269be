import type { Kysely, Selectable } from 'kysely';
import type { Consumer } from '../../domain/model.js';
import type { Announce } from '../change-feed.js';
import type { ConsumerTable, Database } from '../schema.js';

function toConsumer(r: Selectable<ConsumerTable>): Consumer {
  return {
    consumerId: Number(r.consumer_id),
    key: r.consumer_key,
    secret: r.secret,
    appName: r.app_name,
    appType: r.app_type,
    description: r.description,
    developerEmail: r.developer_email,
    redirectUrl: r.redirect_url,
    company: r.company,
    createdByUserId: r.created_by_user_id,
    enabled: Number(r.enabled) === 1,
    createdAt: Number(r.created_at),
  };
}

export type NewConsumer = Omit<Consumer, 'consumerId' | 'createdAt'>;

export function consumerRepo(db: Kysely<Database>, announce: Announce) {
  return {
    async list(): Promise<Consumer[]> {
      return (await db.selectFrom('consumers').selectAll().orderBy('consumer_id').execute()).map(toConsumer);
    },
    async get(consumerId: number): Promise<Consumer | undefined> {
      const row = await db.selectFrom('consumers').selectAll().where('consumer_id', '=', consumerId).executeTakeFirst();
      return row && toConsumer(row);
    },
    async getByKey(key: string): Promise<Consumer | undefined> {
      const row = await db.selectFrom('consumers').selectAll().where('consumer_key', '=', key).executeTakeFirst();
      return row && toConsumer(row);
    },
    async insert(c: NewConsumer): Promise<Consumer> {
      const row = await db
        .insertInto('consumers')
        .values({
          consumer_key: c.key,
          secret: c.secret,
          app_name: c.appName,
          app_type: c.appType,
          description: c.description,
          developer_email: c.developerEmail,
          redirect_url: c.redirectUrl,
          company: c.company,
          created_by_user_id: c.createdByUserId,
          enabled: c.enabled ? 1 : 0,
          created_at: Date.now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toConsumer(row);
    },
    async update(consumerId: number, change: { enabled?: boolean; redirectUrl?: string; secret?: string }): Promise<void> {
      await db
        .updateTable('consumers')
        .set({
          ...(change.enabled === undefined ? {} : { enabled: change.enabled ? 1 : 0 }),
          ...(change.redirectUrl === undefined ? {} : { redirect_url: change.redirectUrl }),
          ...(change.secret === undefined ? {} : { secret: change.secret }),
        })
        .where('consumer_id', '=', consumerId)
        .execute();
      // cached tokens carry their consumer's state and secret (OAuth signatures are checked with it)
      if (change.enabled !== undefined || change.secret !== undefined) await announce('credentials');
    },
  };
}
