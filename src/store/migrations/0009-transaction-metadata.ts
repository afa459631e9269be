import type { Kysely } from 'kysely';

/**
 * Transaction metadata (OBP §9.3). The narrative is one per transaction; comments, tags and images
 * are rows with server-generated ids, kept per (transaction, view) like OBP's metadata view; the
 * where tag is one per (transaction, view), so its primary key makes concurrent upserts safe.
 * All are read for a whole page of transactions by one indexed query each.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('transaction_narratives')
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('transaction_id', 'text', (c) => c.notNull())
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('transaction_narratives_pk', ['bank_id', 'account_id', 'transaction_id'])
    .execute();
  await s
    .createTable('transaction_notes')
    .addColumn('note_id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('transaction_id', 'text', (c) => c.notNull())
    .addColumn('view_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('date', 'bigint', (c) => c.notNull())
    .execute();
  await s
    .createIndex('transaction_notes_tx_ix')
    .on('transaction_notes')
    .columns(['bank_id', 'account_id', 'view_id', 'transaction_id', 'kind'])
    .execute();
  await s
    .createTable('transaction_where_tags')
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('transaction_id', 'text', (c) => c.notNull())
    .addColumn('view_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    .addColumn('date', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('transaction_where_tags_pk', ['bank_id', 'account_id', 'view_id', 'transaction_id'])
    .execute();
}
