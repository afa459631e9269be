import type { Kysely } from 'kysely';

/**
 * The consumer registration page: its login sessions (stored by a hash of the session id, so a
 * database leak does not leak usable sessions), consumer secrets encrypted at rest (`secret_encrypted`
 * marks rows already encrypted; the server encrypts the others at boot, once, as only it knows the
 * key), and `server_keys`, where a server without OBP_SECRET_KEY on PostgreSQL keeps the key it generated.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('consumers')
    .addColumn('secret_encrypted', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('server_keys')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('web_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('web_sessions_expiry_ix').on('web_sessions').column('expires_at').execute();
}
