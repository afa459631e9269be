import { sql, type Kysely, type Selectable } from 'kysely';
import type { Transaction } from '../../domain/model.js';
import type { Dialect } from '../dialect.js';
import { preparedInsert, preparedQuery } from '../prepared.js';
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

/** The counterparty metadata row of a transaction's stored counterparty id, read with the page. */
export interface PageCounterpartyMetadata {
  counterparty_id: string;
  public_alias: string;
  private_alias: string;
  details: string;
}

/**
 * A transaction of a page, with the metadata row of its counterparty: null when it has none,
 * undefined when the counterparty id is derived (§1.6), which SQL cannot join on.
 */
export type PagedTransaction = Transaction & {
  counterpartyMetadata: PageCounterpartyMetadata | null | undefined;
  /** false when the transaction has no narrative, and no note or where tag through the page's view */
  hasMetadata: boolean;
};

/**
 * One page as one statement: the page's ids from the paging index alone (bank, account, completed,
 * id — see migration 0008), so a deep offset skips index entries without reading the skipped rows,
 * joined to the page's rows by primary key, and to the metadata of their stored counterparties
 * (moderation needs it for every row; a second statement would cost a round trip), with a flag per
 * row telling whether it has any metadata seen through `viewId`: most transactions have none, and a
 * page without any needs no metadata statement at all. Exported so the benchmark can EXPLAIN exactly
 * the statement the server runs.
 */
export function pageQuery(db: Kysely<Database>, bankId: string, accountId: string, q: TransactionPageQuery, viewId: string) {
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
    .leftJoin('counterparty_metadata as cm', (join) =>
      join
        .onRef('cm.bank_id', '=', 't.bank_id')
        .onRef('cm.account_id', '=', 't.account_id')
        .onRef('cm.counterparty_id', '=', 't.counterparty_id'),
    )
    .selectAll('t')
    .select(['cm.counterparty_id as cm_counterparty_id', 'cm.public_alias as cm_public_alias'])
    .select(['cm.private_alias as cm_private_alias', 'cm.details as cm_details'])
    .select((eb) =>
      eb
        .or([
          eb.exists(
            eb
              .selectFrom('transaction_narratives as r')
              .select('r.transaction_id')
              .whereRef('r.bank_id', '=', 't.bank_id')
              .whereRef('r.account_id', '=', 't.account_id')
              .whereRef('r.transaction_id', '=', 't.transaction_id'),
          ),
          eb.exists(
            eb
              .selectFrom('transaction_notes as n')
              .select('n.transaction_id')
              .whereRef('n.bank_id', '=', 't.bank_id')
              .whereRef('n.account_id', '=', 't.account_id')
              .where('n.view_id', '=', viewId)
              .whereRef('n.transaction_id', '=', 't.transaction_id'),
          ),
          eb.exists(
            eb
              .selectFrom('transaction_where_tags as w')
              .select('w.transaction_id')
              .whereRef('w.bank_id', '=', 't.bank_id')
              .whereRef('w.account_id', '=', 't.account_id')
              .where('w.view_id', '=', viewId)
              .whereRef('w.transaction_id', '=', 't.transaction_id'),
          ),
        ])
        .as('has_metadata'),
    )
    .orderBy('t.completed_at', q.direction)
    .orderBy('t.transaction_id', q.direction);
}

type PageParams = Omit<TransactionPageQuery, 'direction'> & { bankId: string; accountId: string; viewId: string };
const pageBy = (direction: 'asc' | 'desc') =>
  preparedQuery((db, p: PageParams) =>
    // each value named: the placeholders cannot be spread
    pageQuery(
      db,
      p.bankId,
      p.accountId,
      {
        limit: p.limit,
        offset: p.offset,
        fromDate: p.fromDate,
        toDate: p.toDate,
        direction,
      },
      p.viewId,
    ),
  );
/** the list endpoints' statement: compiled once per direction (the direction is SQL, not a value) */
const pages = { asc: pageBy('asc'), desc: pageBy('desc') };

type PageRow = Awaited<ReturnType<ReturnType<typeof pageQuery>['execute']>>[number];

function fromPageRow(r: PageRow): PagedTransaction {
  const t = fromRow(r) as PagedTransaction;
  // a boolean on PostgreSQL, 0 or 1 on SQLite
  t.hasMetadata = Boolean(r.has_metadata);
  t.counterpartyMetadata =
    r.counterparty_id === ''
      ? undefined
      : r.cm_counterparty_id === null
        ? null
        : {
            counterparty_id: r.cm_counterparty_id,
            public_alias: r.cm_public_alias ?? '',
            private_alias: r.cm_private_alias ?? '',
            details: r.cm_details ?? '{}',
          };
  return t;
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
    /** a page, with what moderation through `viewId` needs to know of each transaction's metadata */
    async page(bankId: string, accountId: string, q: TransactionPageQuery, viewId: string): Promise<PagedTransaction[]> {
      const { direction, ...values } = q;
      const rows = await pages[direction](db, { bankId, accountId, viewId, ...values });
      return rows.map(fromPageRow);
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
