import { sql, type Kysely, type Selectable } from 'kysely';
import type { Transaction } from '../../domain/model.js';
import type { Dialect } from '../dialect.js';
import { preparedInsert } from '../prepared.js';
import type { Database, TransactionTable } from '../schema.js';

const insertTransactions = preparedInsert('transactions');

/** One page of an account's transactions: completed date within [fromDate, toDate], then offset/limit. */
export interface TransactionPageQuery {
  limit: number;
  offset: number;
  fromDate: number;
  toDate: number;
  direction: 'asc' | 'desc';
}

const columns = [
  'bank_id',
  'account_id',
  'transaction_id',
  'kind',
  'description',
  'currency',
  'amount',
  'new_balance',
  'posted_at',
  'completed_at',
  'counterparty_id',
  'counterparty_name',
  'counterparty_account_number',
  'counterparty_iban',
  'counterparty_bank_name',
  'counterparty_kind',
] as const;

function toRow(t: Transaction) {
  return {
    bank_id: t.bankId,
    account_id: t.accountId,
    transaction_id: t.transactionId,
    kind: t.kind,
    description: t.description,
    currency: t.currency,
    amount: t.amount,
    new_balance: t.newBalance,
    posted_at: t.postedAt,
    completed_at: t.completedAt,
    counterparty_id: t.counterpartyId,
    counterparty_name: t.counterpartyName,
    counterparty_account_number: t.counterpartyAccountNumber,
    counterparty_iban: t.counterpartyIban,
    counterparty_bank_name: t.counterpartyBankName,
    counterparty_kind: t.counterpartyKind,
  };
}

function fromRow(r: Selectable<TransactionTable>): Transaction {
  return {
    bankId: r.bank_id,
    accountId: r.account_id,
    transactionId: r.transaction_id,
    kind: r.kind,
    description: r.description,
    currency: r.currency,
    amount: BigInt(r.amount),
    newBalance: BigInt(r.new_balance),
    postedAt: Number(r.posted_at),
    completedAt: Number(r.completed_at),
    counterpartyId: r.counterparty_id,
    counterpartyName: r.counterparty_name,
    counterpartyAccountNumber: r.counterparty_account_number,
    counterpartyIban: r.counterparty_iban,
    counterpartyBankName: r.counterparty_bank_name,
    counterpartyKind: r.counterparty_kind,
  };
}

/**
 * One page as one statement: the page's ids from the paging index alone (bank, account, completed,
 * id — see migration 0008), so a deep offset skips index entries without reading the skipped rows,
 * joined to the page's rows by primary key. Exported so the benchmark can EXPLAIN exactly the
 * statement the server runs.
 */
export function pageQuery(db: Kysely<Database>, bankId: string, accountId: string, q: TransactionPageQuery) {
  const ids = db
    .selectFrom('transactions')
    .select(['transaction_id'])
    .where('bank_id', '=', bankId)
    .where('account_id', '=', accountId)
    .where('completed_at', '>=', q.fromDate)
    .where('completed_at', '<=', q.toDate)
    .orderBy('completed_at', q.direction)
    .orderBy('transaction_id', q.direction)
    .limit(q.limit)
    .offset(q.offset);
  return db
    .selectFrom(ids.as('p'))
    .innerJoin('transactions as t', (join) =>
      join.on('t.bank_id', '=', bankId).on('t.account_id', '=', accountId).onRef('t.transaction_id', '=', 'p.transaction_id'),
    )
    .selectAll('t')
    .orderBy('t.completed_at', q.direction)
    .orderBy('t.transaction_id', q.direction);
}

export function transactionRepo(db: Kysely<Database>, dialect: Dialect) {
  return {
    /**
     * Bulk load (the data generator): on PostgreSQL one statement per 10,000 rows with each column
     * sent as one array parameter and expanded by unnest; on SQLite multi-row inserts (the caller
     * wraps them in a transaction).
     */
    async insertBulk(txs: readonly Transaction[]): Promise<void> {
      if (dialect === 'sqlite') return this.insertMany(txs);
      for (let i = 0; i < txs.length; i += 10_000) {
        const rows = txs.slice(i, i + 10_000).map(toRow);
        const arrays = columns.map((c) => rows.map((r) => String(r[c])));
        const types = columns.map((c) =>
          ['amount', 'new_balance', 'posted_at', 'completed_at'].includes(c) ? 'bigint[]' : 'text[]',
        );
        const args = arrays.map((a, n) => sql`${a}::${sql.raw(types[n]!)}`);
        await sql`insert into transactions (${sql.join(columns.map((c) => sql.ref(c)))})
          select * from unnest(${sql.join(args)})`.execute(db);
      }
    },
    async page(bankId: string, accountId: string, q: TransactionPageQuery): Promise<Transaction[]> {
      return (await pageQuery(db, bankId, accountId, q).execute()).map(fromRow);
    },
    async get(bankId: string, accountId: string, transactionId: string): Promise<Transaction | undefined> {
      const row = await db
        .selectFrom('transactions')
        .selectAll()
        .where('bank_id', '=', bankId)
        .where('account_id', '=', accountId)
        .where('transaction_id', '=', transactionId)
        .executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },
    /** Public and private aliases of the account's counterparties, for moderation. */
    async aliases(bankId: string, accountId: string, counterpartyIds: readonly string[]) {
      if (counterpartyIds.length === 0) return [];
      return db
        .selectFrom('counterparty_metadata')
        .select(['counterparty_id', 'public_alias', 'private_alias'])
        .where('bank_id', '=', bankId)
        .where('account_id', '=', accountId)
        .where('counterparty_id', 'in', [...new Set(counterpartyIds)])
        .execute();
    },
    async insertMany(txs: readonly Transaction[]): Promise<void> {
      // Chunked: both drivers cap the number of bound parameters per statement.
      for (let i = 0; i < txs.length; i += 200) {
        await insertTransactions(db, txs.slice(i, i + 200).map(toRow));
      }
    },
    async exists(bankId: string, accountId: string, transactionId: string): Promise<boolean> {
      const row = await db
        .selectFrom('transactions')
        .select('transaction_id')
        .where('bank_id', '=', bankId)
        .where('account_id', '=', accountId)
        .where('transaction_id', '=', transactionId)
        .executeTakeFirst();
      return row !== undefined;
    },
    async forAccount(bankId: string, accountId: string): Promise<Transaction[]> {
      const rows = await db
        .selectFrom('transactions')
        .selectAll()
        .where('bank_id', '=', bankId)
        .where('account_id', '=', accountId)
        .orderBy('completed_at', 'desc')
        .orderBy('transaction_id')
        .execute();
      return rows.map(fromRow);
    },
    async counterpartyMetadata(bankId: string, accountId: string) {
      return db
        .selectFrom('counterparty_metadata')
        .selectAll()
        .where('bank_id', '=', bankId)
        .where('account_id', '=', accountId)
        .orderBy('counterparty_id')
        .execute();
    },
  };
}
