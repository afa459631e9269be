import type { Kysely } from 'kysely';

/**
 * Explicit counterparties (OBP v2.2.0 createCounterparty): created per owning account, the name
 * unique within it so that concurrent creations of one name leave one row; the SEPA payee lookup
 * reads them by secondary routing address (IBAN). Transaction types (the bank's catalogue, OBP
 * v2.1.0 createTransactionType): the id is unique across banks as in OBP, the short code within a
 * bank, and both unique indexes decide concurrent upserts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('explicit_counterparties')
    .addColumn('counterparty_id', 'text', (c) => c.primaryKey())
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('view_id', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('other_account_routing_scheme', 'text', (c) => c.notNull())
    .addColumn('other_account_routing_address', 'text', (c) => c.notNull())
    .addColumn('other_account_secondary_routing_scheme', 'text', (c) => c.notNull())
    .addColumn('other_account_secondary_routing_address', 'text', (c) => c.notNull())
    .addColumn('other_bank_routing_scheme', 'text', (c) => c.notNull())
    .addColumn('other_bank_routing_address', 'text', (c) => c.notNull())
    .addColumn('other_branch_routing_scheme', 'text', (c) => c.notNull())
    .addColumn('other_branch_routing_address', 'text', (c) => c.notNull())
    .addColumn('is_beneficiary', 'integer', (c) => c.notNull())
    .addColumn('bespoke', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await s
    .createIndex('explicit_counterparties_name_ux')
    .on('explicit_counterparties')
    .columns(['bank_id', 'account_id', 'name'])
    .unique()
    .execute();
  await s
    .createIndex('explicit_counterparties_secondary_ix')
    .on('explicit_counterparties')
    .columns(['other_account_secondary_routing_address', 'created_at'])
    .execute();
  await s
    .createTable('transaction_types')
    .addColumn('transaction_type_id', 'text', (c) => c.primaryKey())
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('short_code', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('charge_currency', 'text', (c) => c.notNull())
    .addColumn('charge_amount', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await s
    .createIndex('transaction_types_short_code_ux')
    .on('transaction_types')
    .columns(['bank_id', 'short_code'])
    .unique()
    .execute();
}
