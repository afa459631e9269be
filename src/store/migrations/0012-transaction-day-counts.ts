import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * How many transactions each account has per UTC day (day = floor(completed_at / 86,400,000)), so
 * a deep page can skip whole days by their counts instead of walking every skipped index entry (see
 * `pageQuery` in repos/transactions.ts). Kept by triggers on every insert, whoever inserts; posted
 * transactions are never updated or deleted (migration 0011), so an insert is the only change.
 *
 * The day is computed with `%` made non-negative, as both dialects truncate integer division towards
 * zero and a day must start at a multiple of 86,400,000 for dates before 1970 too.
 *
 * Concurrency: each count is raised by an upsert, which takes the count row's lock (PostgreSQL) or
 * runs under the single writer (SQLite), so concurrent inserts add up instead of overwriting each
 * other; the count commits or rolls back with the rows it counts, so a statement's snapshot sees
 * counts and rows alike. On PostgreSQL one statement's rows are counted in (bank, account, day) order,
 * so two inserts touching the same days lock them in the same order; payments lock their accounts'
 * rows before inserting, so their counts are raised by one payment of an account at a time.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('transaction_day_counts')
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('day', 'bigint', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull().check(sql`n > 0`))
    .addPrimaryKeyConstraint('transaction_day_counts_pk', ['bank_id', 'account_id', 'day'])
    .execute();

  const day = (at: string) => sql.raw(`(${at} - ((${at} % 86400000) + 86400000) % 86400000) / 86400000`);
  if (dialect === 'postgres') {
    // per statement, from its transition table: the data generator inserts 10,000 rows a statement
    // and pays one upsert per day they cover, not one per row
    await sql`CREATE FUNCTION transaction_day_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO transaction_day_counts (bank_id, account_id, day, n)
          SELECT bank_id, account_id, ${day('completed_at')}, count(*) FROM added
          GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
          ON CONFLICT (bank_id, account_id, day) DO UPDATE SET n = transaction_day_counts.n + excluded.n;
        RETURN NULL;
      END $$`.execute(db);
    await sql`CREATE TRIGGER transaction_day_counts AFTER INSERT ON transactions
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION transaction_day_counts_add()`.execute(db);
    // TRUNCATE fires no row or insert trigger: it would leave the counts of rows that are gone
    await sql`CREATE TRIGGER transactions_no_truncate BEFORE TRUNCATE ON transactions
      FOR EACH STATEMENT EXECUTE FUNCTION transactions_immutable()`.execute(db);
  } else {
    await sql`CREATE TRIGGER transaction_day_counts AFTER INSERT ON transactions BEGIN
      INSERT INTO transaction_day_counts (bank_id, account_id, day, n)
        VALUES (NEW.bank_id, NEW.account_id, ${day('NEW.completed_at')}, 1)
        ON CONFLICT (bank_id, account_id, day) DO UPDATE SET n = n + 1;
      END`.execute(db);
  }
  // after the trigger: on PostgreSQL creating it locks out concurrent inserts until this commits
  await sql`INSERT INTO transaction_day_counts (bank_id, account_id, day, n)
    SELECT bank_id, account_id, ${day('completed_at')}, count(*) FROM transactions GROUP BY 1, 2, 3`.execute(db);
}
