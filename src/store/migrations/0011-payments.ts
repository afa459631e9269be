import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * Payments (OBP §11): transaction requests with their challenge, the idempotency keys of the
 * payment endpoints, an optional overdraft limit per account, and posted transactions made
 * immutable. The CHECKs are the ledger's invariants written where no code path can skip them:
 * a request is INITIATED without a transaction or COMPLETED with one, amounts are positive, the
 * attempt counter never passes the allowance; a transaction row is never updated or deleted.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const s = db.schema;
  await s
    .createTable('transaction_requests')
    .addColumn('transaction_request_id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('INITIATED', 'COMPLETED')`))
    .addColumn('transaction_id', 'text', (c) => c.notNull())
    .addColumn('start_date', 'bigint', (c) => c.notNull())
    .addColumn('end_date', 'bigint', (c) => c.notNull())
    .addColumn('charge_policy', 'text', (c) => c.notNull())
    .addColumn('charge_summary', 'text', (c) => c.notNull())
    .addColumn('charge_currency', 'text', (c) => c.notNull())
    .addColumn('charge_amount', 'text', (c) => c.notNull())
    .addColumn('to_bank_id', 'text', (c) => c.notNull())
    .addColumn('to_account_id', 'text', (c) => c.notNull())
    .addColumn('debit_amount', 'bigint', (c) => c.notNull().check(sql`debit_amount > 0`))
    .addColumn('credit_currency', 'text', (c) => c.notNull())
    .addColumn('credit_amount', 'bigint', (c) => c.notNull().check(sql`credit_amount > 0`))
    .addColumn('payee', 'text', (c) => c.notNull())
    .addColumn('challenge_id', 'text', (c) => c.notNull())
    .addColumn('challenge_type', 'text', (c) => c.notNull())
    .addColumn('challenge_allowed_attempts', 'integer', (c) => c.notNull().check(sql`challenge_allowed_attempts >= 0`))
    .addColumn('challenge_attempts', 'integer', (c) => c.notNull())
    .addColumn('challenge_answer_hash', 'text', (c) => c.notNull())
    .addColumn('challenge_user_id', 'text', (c) => c.notNull())
    .addColumn('challenge_expires_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint(
      'transaction_requests_status_ck',
      sql`(status = 'INITIATED' AND transaction_id = '' AND challenge_id <> '') OR (status = 'COMPLETED' AND transaction_id <> '')`,
    )
    .addCheckConstraint(
      'transaction_requests_attempts_ck',
      sql`challenge_attempts >= 0 AND challenge_attempts <= challenge_allowed_attempts`,
    )
    .execute();
  await s
    .createIndex('transaction_requests_account_ix')
    .on('transaction_requests')
    .columns(['bank_id', 'account_id', 'start_date'])
    .execute();

  // One row per key in its scope, written in the same database transaction as what it answers.
  await s
    .createTable('idempotency_keys')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('consumer_id', 'text', (c) => c.notNull())
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'consumer_id', 'operation', 'path', 'idempotency_key'])
    .execute();
  await s.createIndex('idempotency_keys_expiry_ix').on('idempotency_keys').column('expires_at').execute();

  // null: no limit, no balance check (OBP's sandbox semantics, Q16)
  await s
    .alterTable('accounts')
    .addColumn('overdraft_limit', 'bigint', (c) => c.check(sql`overdraft_limit >= 0`))
    .execute();

  if (dialect === 'postgres') {
    await sql`CREATE FUNCTION transactions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'posted transactions are never updated or deleted'; END $$`.execute(db);
    await sql`CREATE TRIGGER transactions_immutable BEFORE UPDATE OR DELETE ON transactions
      FOR EACH ROW EXECUTE FUNCTION transactions_immutable()`.execute(db);
  } else {
    await sql`CREATE TRIGGER transactions_no_update BEFORE UPDATE ON transactions
      BEGIN SELECT RAISE(ABORT, 'posted transactions are never updated or deleted'); END`.execute(db);
    await sql`CREATE TRIGGER transactions_no_delete BEFORE DELETE ON transactions
      BEGIN SELECT RAISE(ABORT, 'posted transactions are never updated or deleted'); END`.execute(db);
  }
}
