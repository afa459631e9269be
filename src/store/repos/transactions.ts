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
 * The page's ids from the paging index alone (bank, account, completed, id — see migration 0008),
 * so the skipped entries are index entries, never the skipped rows' data.
 */
function plainIds(db: Kysely<Database>, bankId: string, accountId: string, q: TransactionPageQuery) {
  return db
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
}

const dayMs = 86_400_000;

/** From this offset on, a page skips whole days by their counts (migration 0012). */
export const countedPageOffset = 10_000;

/**
 * The values of the counted statement that follow from the query's dates, worked out here so the
 * prepared statement takes them as parameters. `edgeFrom`..`edgeTo` is the part of the day the page
 * starts in (the last day for desc, the first for asc) that lies within the dates: it is counted
 * row by row, as the day's count may include rows outside them. `unbounded` is the bound that keeps
 * every row, used when no whole day can be skipped.
 */
export type DaySpan = Record<'firstDay' | 'lastDay' | 'edgeFrom' | 'edgeTo' | 'unbounded', number>;

export function daySpan(q: TransactionPageQuery): DaySpan {
  const firstDay = Math.floor(q.fromDate / dayMs);
  const lastDay = Math.floor(q.toDate / dayMs);
  return q.direction === 'desc'
    ? { firstDay, lastDay, edgeFrom: Math.max(q.fromDate, lastDay * dayMs), edgeTo: q.toDate, unbounded: q.toDate + 1 }
    : { firstDay, lastDay, edgeFrom: q.fromDate, edgeTo: Math.min(q.toDate, (firstDay + 1) * dayMs - 1), unbounded: q.fromDate };
}

/**
 * A deep page's ids: the rows that come before a day boundary in page order are counted from the
 * day counts, and only the rest of the offset is skipped in the paging index. Within one statement
 * (one snapshot): `days` has, for each whole day strictly between the first and the last day, how
 * many rows are `ahead` of its far end in page order — the days' counts summed in page order, plus
 * the rows of the day the page starts in, counted row by row (an uncorrelated subquery, run once);
 * `bound` is the deepest boundary — the start of a day for desc, the end of a day for asc — with at
 * most `offset` rows ahead of it, and `rest`, the offset left. The page is then the plain page below (desc) or from (asc)
 * that boundary at offset `rest`: the same rows, having skipped less than a day's rows (or, past
 * the last whole day, the first day's). Without such a boundary it is the plain page.
 */
function countedPage(db: Kysely<Database>, bankId: string, accountId: string, q: TransactionPageQuery, s: DaySpan) {
  const desc = q.direction === 'desc';
  return db
    .with('days', (w) =>
      w
        .selectFrom('transaction_day_counts')
        .select((eb) => [
          'day',
          eb(
            eb.fn.sum<number>('n').over((o) => o.orderBy('day', q.direction)),
            '+',
            eb
              .selectFrom('transactions')
              .select((c) => c.fn.countAll<number>().as('n'))
              .where('bank_id', '=', bankId)
              .where('account_id', '=', accountId)
              .where('completed_at', '>=', s.edgeFrom)
              .where('completed_at', '<=', s.edgeTo),
          ).as('ahead'),
        ])
        .where('bank_id', '=', bankId)
        .where('account_id', '=', accountId)
        .where('day', '>', s.firstDay)
        .where('day', '<', s.lastDay),
    )
    .with('bound', (w) =>
      w
        .selectFrom('days')
        .select((eb) => [
          // left to right, without parentheses: Kysely does not add them around a nested operation
          (desc ? eb('day', '*', sql.lit(dayMs)) : eb(eb('day', '*', sql.lit(dayMs)), '+', sql.lit(dayMs))).as('at'),
          eb.cast<number>(eb(eb.val(q.offset), '-', eb.ref('ahead')), 'bigint').as('rest'),
        ])
        .where('ahead', '<=', q.offset)
        .orderBy('day', desc ? 'asc' : 'desc')
        .limit(1),
    )
    .selectFrom((eb) =>
      eb
        .selectFrom('transactions')
        .select(['transaction_id'])
        .where('bank_id', '=', bankId)
        .where('account_id', '=', accountId)
        .where('completed_at', '>=', q.fromDate)
        .where('completed_at', '<=', q.toDate)
        .where('completed_at', desc ? '<' : '>=', eb.fn.coalesce(eb.selectFrom('bound').select('at'), eb.val(s.unbounded)))
        .orderBy('completed_at', q.direction)
        .orderBy('transaction_id', q.direction)
        .limit(q.limit)
        .offset(eb.fn.coalesce(eb.selectFrom('bound').select('rest'), eb.val(q.offset)))
        .as('p'),
    );
}

/**
 * One page as one statement: the page's ids (plain, or counted when `days` is given), joined to the
 * page's rows by primary key, and to the metadata of their stored counterparties (moderation needs it
 * for every row; a second statement would cost a round trip), with a flag per row telling whether it
 * has any metadata seen through `viewId`: most transactions have none, and a page without any needs
 * no metadata statement at all.
 */
function pageStatement(
  db: Kysely<Database>,
  bankId: string,
  accountId: string,
  q: TransactionPageQuery,
  viewId: string,
  days?: DaySpan,
) {
  const plain = db.selectFrom(plainIds(db, bankId, accountId, q).as('p'));
  // the counted statement's common table expressions are not read past `p`
  const ids = days === undefined ? plain : (countedPage(db, bankId, accountId, q, days) as unknown as typeof plain);
  return ids
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

/**
 * The statement the list endpoints run for this query: counted from `countedFrom` on. Exported so
 * the benchmark can EXPLAIN exactly the statement the server runs.
 */
export function pageQuery(
  db: Kysely<Database>,
  bankId: string,
  accountId: string,
  q: TransactionPageQuery,
  viewId: string,
  countedFrom = countedPageOffset,
) {
  return pageStatement(db, bankId, accountId, q, viewId, q.offset >= countedFrom ? daySpan(q) : undefined);
}

type PageParams = Omit<TransactionPageQuery, 'direction'> & { bankId: string; accountId: string; viewId: string };
// each value named: the placeholders cannot be spread
const queryOf = (p: PageParams, direction: 'asc' | 'desc'): TransactionPageQuery => ({
  limit: p.limit,
  offset: p.offset,
  fromDate: p.fromDate,
  toDate: p.toDate,
  direction,
});
const plainBy = (direction: 'asc' | 'desc') =>
  preparedQuery((db, p: PageParams) => pageStatement(db, p.bankId, p.accountId, queryOf(p, direction), p.viewId));
const countedBy = (direction: 'asc' | 'desc') =>
  preparedQuery((db, p: PageParams & DaySpan) =>
    pageStatement(db, p.bankId, p.accountId, queryOf(p, direction), p.viewId, {
      firstDay: p.firstDay,
      lastDay: p.lastDay,
      edgeFrom: p.edgeFrom,
      edgeTo: p.edgeTo,
      unbounded: p.unbounded,
    }),
  );
/** the list endpoints' statements: compiled once per direction (the direction is SQL, not a value) */
const pages = { asc: plainBy('asc'), desc: plainBy('desc') };
const countedPages = { asc: countedBy('asc'), desc: countedBy('desc') };

type PageRow = Awaited<ReturnType<ReturnType<typeof pageStatement>['execute']>>[number];

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

/** `countedFrom`: the offset from which pages are counted (lowered by tests to exercise it) */
export function transactionRepo(db: Kysely<Database>, dialect: Dialect, countedFrom = countedPageOffset) {
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
      const rows =
        q.offset >= countedFrom
          ? await countedPages[direction](db, { bankId, accountId, viewId, ...values, ...daySpan(q) })
          : await pages[direction](db, { bankId, accountId, viewId, ...values });
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
