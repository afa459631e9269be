import type { Kysely } from 'kysely';

/**
 * A counterparty's `ALIAS_` public alias is chosen unique in its account: each first sight of a
 * counterparty (every first payment between two parties) asks whether the account already has the
 * alias. Without this index that question reads every metadata row of the account.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('counterparty_metadata_alias_ix')
    .on('counterparty_metadata')
    .columns(['bank_id', 'account_id', 'public_alias'])
    .execute();
}
