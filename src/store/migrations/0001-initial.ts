import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const serial = dialect === 'postgres' ? 'serial' : 'integer';
  const s = db.schema;

  await s
    .createTable('banks')
    .addColumn('bank_id', 'text', (c) => c.primaryKey())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('logo', 'text', (c) => c.notNull())
    .addColumn('website', 'text', (c) => c.notNull())
    .addColumn('national_identifier', 'text', (c) => c.notNull())
    .addColumn('swift_bic', 'text', (c) => c.notNull())
    .addColumn('bank_routing_scheme', 'text', (c) => c.notNull())
    .addColumn('bank_routing_address', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await s
    .createTable('users')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('validated', 'integer', (c) => c.notNull())
    .addColumn('bad_login_attempts', 'integer', (c) => c.notNull())
    .addColumn('locked', 'integer', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('users_provider_uq', ['provider', 'provider_id'])
    .execute();
  await s.createIndex('users_email_ix').on('users').column('email').execute();
  await s.createIndex('users_username_ix').on('users').column('username').execute();

  await s
    .createTable('consumers')
    .addColumn('consumer_id', serial, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('consumer_key', 'text', (c) => c.notNull().unique())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('app_name', 'text', (c) => c.notNull())
    .addColumn('app_type', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('developer_email', 'text', (c) => c.notNull())
    .addColumn('redirect_url', 'text', (c) => c.notNull())
    .addColumn('company', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await s
    .createTable('tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('consumer_id', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await s.createIndex('tokens_user_ix').on('tokens').column('user_id').execute();

  await s
    .createTable('entitlements')
    .addColumn('entitlement_id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('role_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('entitlements_uq', ['user_id', 'bank_id', 'role_name'])
    .execute();

  await s
    .createTable('accounts')
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('balance', 'bigint', (c) => c.notNull())
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('iban', 'text', (c) => c.notNull())
    .addColumn('swift_bic', 'text', (c) => c.notNull())
    .addColumn('routing_scheme', 'text', (c) => c.notNull())
    .addColumn('routing_address', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('accounts_pk', ['bank_id', 'account_id'])
    .execute();
  await s.createIndex('accounts_number_ix').on('accounts').columns(['bank_id', 'number']).execute();

  await s
    .createTable('account_holders')
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_holders_pk', ['bank_id', 'account_id', 'user_id'])
    .execute();

  await s
    .createTable('custom_views')
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('view_id', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('custom_views_pk', ['bank_id', 'account_id', 'view_id'])
    .execute();

  await s
    .createTable('account_access')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('view_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_access_pk', ['user_id', 'bank_id', 'account_id', 'view_id'])
    .execute();
  await s.createIndex('account_access_account_ix').on('account_access').columns(['bank_id', 'account_id']).execute();

  await s
    .createTable('transactions')
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('transaction_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('new_balance', 'bigint', (c) => c.notNull())
    .addColumn('posted_at', 'bigint', (c) => c.notNull())
    .addColumn('completed_at', 'bigint', (c) => c.notNull())
    .addColumn('counterparty_id', 'text', (c) => c.notNull())
    .addColumn('counterparty_name', 'text', (c) => c.notNull())
    .addColumn('counterparty_account_number', 'text', (c) => c.notNull())
    .addColumn('counterparty_iban', 'text', (c) => c.notNull())
    .addColumn('counterparty_bank_name', 'text', (c) => c.notNull())
    .addColumn('counterparty_kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('transactions_pk', ['bank_id', 'account_id', 'transaction_id'])
    .execute();
  await s
    .createIndex('transactions_completed_ix')
    .on('transactions')
    .columns(['bank_id', 'account_id', 'completed_at'])
    .execute();

  await s
    .createTable('counterparty_metadata')
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('counterparty_id', 'text', (c) => c.notNull())
    .addColumn('counterparty_name', 'text', (c) => c.notNull())
    .addColumn('public_alias', 'text', (c) => c.notNull())
    .addColumn('private_alias', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('counterparty_metadata_pk', ['bank_id', 'account_id', 'counterparty_id'])
    .execute();

  await s
    .createTable('bank_documents')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('doc_id', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bank_documents_pk', ['kind', 'bank_id', 'doc_id'])
    .execute();

  await s
    .createTable('metrics')
    .addColumn('metric_id', serial, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('date', 'bigint', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('developer_email', 'text', (c) => c.notNull())
    .addColumn('app_name', 'text', (c) => c.notNull())
    .addColumn('consumer_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('verb', 'text', (c) => c.notNull())
    .addColumn('implemented_by_partial_function', 'text', (c) => c.notNull())
    .addColumn('implemented_in_version', 'text', (c) => c.notNull())
    .addColumn('correlation_id', 'text', (c) => c.notNull())
    .addColumn('duration', 'integer', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .execute();
  await s.createIndex('metrics_date_ix').on('metrics').column('date').execute();
}
