import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * Customers and what hangs off them: user-customer links, KYC records, social media handles and
 * customer messages. The unique indexes are the rules themselves (one customer number per bank, one
 * link per user and customer, one KYC record per customer, kind and id), so concurrent requests
 * cannot both pass a check and both write.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const serial = dialect === 'postgres' ? 'serial' : 'integer';
  const s = db.schema;

  await s
    .createTable('customers')
    .addColumn('customer_id', 'text', (c) => c.primaryKey())
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('customer_number', 'text', (c) => c.notNull())
    .addColumn('legal_name', 'text', (c) => c.notNull())
    .addColumn('mobile_phone_number', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('face_image_url', 'text', (c) => c.notNull())
    .addColumn('face_image_date', 'bigint', (c) => c.notNull())
    .addColumn('date_of_birth', 'bigint', (c) => c.notNull())
    .addColumn('relationship_status', 'text', (c) => c.notNull())
    .addColumn('dependants', 'integer', (c) => c.notNull())
    .addColumn('dob_of_dependants', 'text', (c) => c.notNull())
    .addColumn('credit_rating', 'text', (c) => c.notNull())
    .addColumn('credit_source', 'text', (c) => c.notNull())
    .addColumn('credit_limit_currency', 'text', (c) => c.notNull())
    .addColumn('credit_limit_amount', 'text', (c) => c.notNull())
    .addColumn('highest_education_attained', 'text', (c) => c.notNull())
    .addColumn('employment_status', 'text', (c) => c.notNull())
    .addColumn('kyc_status', 'integer', (c) => c.notNull())
    .addColumn('last_ok_date', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('customers_number_uq', ['bank_id', 'customer_number'])
    .execute();

  await s
    .createTable('user_customer_links')
    .addColumn('user_customer_link_id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('date_inserted', 'bigint', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull())
    .addUniqueConstraint('user_customer_links_uq', ['user_id', 'customer_id'])
    .execute();
  await s.createIndex('user_customer_links_customer_ix').on('user_customer_links').column('customer_id').execute();

  await s
    .createTable('kyc_records')
    .addColumn('seq', serial, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('customer_number', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addUniqueConstraint('kyc_records_uq', ['customer_id', 'kind', 'record_id'])
    .execute();

  await s
    .createTable('social_media_handles')
    .addColumn('seq', serial, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('customer_number', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('date_added', 'bigint', (c) => c.notNull())
    .addColumn('date_activated', 'bigint', (c) => c.notNull())
    .execute();
  await s
    .createIndex('social_media_handles_customer_ix')
    .on('social_media_handles')
    .columns(['bank_id', 'customer_number'])
    .execute();

  await s
    .createTable('customer_messages')
    .addColumn('seq', serial, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('from_department', 'text', (c) => c.notNull())
    .addColumn('from_person', 'text', (c) => c.notNull())
    .addColumn('date', 'bigint', (c) => c.notNull())
    .execute();
  await s.createIndex('customer_messages_customer_ix').on('customer_messages').column('customer_id').execute();
}
