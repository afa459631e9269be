import { sql, type Kysely } from 'kysely';

/**
 * Users created by the server at boot (the bootstrap admin, the demo dataset) are marked: only such a
 * user can become the bootstrap admin, never one that a caller registered or imported under that name.
 * Of the users created before this column, only the demo admin can be told apart for certain: it is
 * the creator of the demo consumer, and consumers are only ever created at boot.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('created_by_boot', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`UPDATE users SET created_by_boot = 1 WHERE user_id IN (
    SELECT created_by_user_id FROM consumers WHERE consumer_key = 'obp-demo-consumer-key')`.execute(db);
}
