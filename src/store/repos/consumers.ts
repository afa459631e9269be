import type { Kysely, Selectable } from 'kysely';
import type { Consumer } from '../../domain/model.js';
import type { SecretBox } from '../../domain/auth/secret-box.js';
import type { Announce } from '../change-feed.js';
import type { ConsumerTable, Database } from '../schema.js';

/** The stored secret in clear: sealed under the server's key and bound to the consumer key. */
export function consumerSecret(box: () => SecretBox, row: { consumer_key: string; secret: string; secret_encrypted: unknown }) {
  return Number(row.secret_encrypted) === 1 ? box().open(row.secret, row.consumer_key) : row.secret;
}

function toConsumerWith(box: () => SecretBox, r: Selectable<ConsumerTable>): Consumer {
  return {
    consumerId: Number(r.consumer_id),
    key: r.consumer_key,
    secret: consumerSecret(box, r),
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

/** `box` gives the server's secret box (set once the store knows its key). */
export function consumerRepo(db: Kysely<Database>, announce: Announce, box: () => SecretBox) {
  const toConsumer = (r: Selectable<ConsumerTable>) => toConsumerWith(box, r);
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
          secret: box().seal(c.secret, c.key),
          secret_encrypted: 1,
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
      const key =
        change.secret === undefined
          ? undefined
          : (await db.selectFrom('consumers').select('consumer_key').where('consumer_id', '=', consumerId).executeTakeFirst())
              ?.consumer_key;
      if (change.secret !== undefined && key === undefined) return;
      await db
        .updateTable('consumers')
        .set({
          ...(change.enabled === undefined ? {} : { enabled: change.enabled ? 1 : 0 }),
          ...(change.redirectUrl === undefined ? {} : { redirect_url: change.redirectUrl }),
          ...(change.secret === undefined || key === undefined
            ? {}
            : { secret: box().seal(change.secret, key), secret_encrypted: 1 }),
        })
        .where('consumer_id', '=', consumerId)
        .execute();
      // cached tokens carry their consumer's state and secret (OAuth signatures are checked with it)
      if (change.enabled !== undefined || change.secret !== undefined) await announce('credentials');
    },
  };
}
