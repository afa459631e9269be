import type { Kysely } from 'kysely';

/**
 * Physical cards (OBP's PhysicalCard), each linked to one account of its bank. A card is identified
 * at its bank by number and serial number together, as OBP's createPhysicalCard checks: the unique
 * index makes that check and the insert one statement, so concurrent creations have one winner.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cards')
    .addColumn('card_id', 'text', (c) => c.primaryKey())
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('bank_card_number', 'text', (c) => c.notNull())
    .addColumn('serial_number', 'text', (c) => c.notNull())
    .addColumn('name_on_card', 'text', (c) => c.notNull())
    .addColumn('issue_number', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'bigint', (c) => c.notNull())
    .addColumn('expires', 'bigint', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('cancelled', 'integer', (c) => c.notNull())
    .addColumn('on_hot_list', 'integer', (c) => c.notNull())
    .addColumn('technology', 'text', (c) => c.notNull())
    .addColumn('networks', 'text', (c) => c.notNull())
    .addColumn('allows', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('replacement_date', 'bigint', (c) => c.notNull())
    .addColumn('replacement_reason', 'text', (c) => c.notNull())
    .addColumn('pin_resets', 'text', (c) => c.notNull())
    .addColumn('collected', 'bigint', (c) => c.notNull())
    .addColumn('posted', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('cards_number_uq', ['bank_id', 'bank_card_number', 'serial_number'])
    .execute();
  await db.schema.createIndex('cards_account_ix').on('cards').columns(['bank_id', 'account_id']).execute();
}
