import { sql, type Kysely } from 'kysely';

/** Public custom views get their own column: account lists filter on it on every call. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('custom_views')
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`UPDATE custom_views SET is_public = 1 WHERE definition LIKE '%"is_public":true%'`.execute(db);
  await db.schema.createIndex('custom_views_public_ix').on('custom_views').columns(['is_public', 'bank_id']).execute();
}
