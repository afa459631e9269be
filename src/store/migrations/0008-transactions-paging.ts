import type { Kysely } from 'kysely';

/**
 * Transaction pages are ordered by completed date with the transaction id as tie-breaker, in either
 * direction. An index on (bank_id, account_id, completed_at, transaction_id) gives that exact order
 * (scanned forwards for ASC, backwards for DESC) and holds every column the paging query reads, so
 * a page's ids come from an index-only scan: a deep `offset` skips index entries without touching
 * the skipped rows' data, and the page's rows are then fetched by primary key. The old index on
 * (bank_id, account_id, completed_at) is a prefix of the new one and is dropped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('transactions_paging_ix')
    .on('transactions')
    .columns(['bank_id', 'account_id', 'completed_at', 'transaction_id'])
    .execute();
  await db.schema.dropIndex('transactions_completed_ix').execute();
}
