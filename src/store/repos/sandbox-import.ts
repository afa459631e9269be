/**
 * Bulk work for the sandbox import. Look-ups: which of the thousands of keys in an import file already
 * exist, one query per chunk of keys instead of one per row; IN lists are padded to a power of two so
 * the number of distinct statements (each one a prepared statement on PostgreSQL) stays small.
 * Writes: the per-owner fan-out (holders, view grants, counterparty aliases) as multi-row inserts.
 */
import type { Announce } from '../change-feed.js';
import type { Kysely } from 'kysely';
import type { AccountRef } from '../../domain/model.js';
import type { BankDocumentKind, CounterpartyAlias, ImportLookups } from '../../domain/sandbox-import/index.js';
import type { Database } from '../schema.js';

const chunkSize = 512;

function padded(values: readonly string[]): string[] {
  let size = 1;
  while (size < values.length) size *= 2;
  const out = [...values];
  while (out.length < size) out.push(values[values.length - 1]!);
  return out;
}

function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** Runs `query` per chunk of `items` and keeps the items whose key is in the returned key set. */
async function presentIn<T>(
  items: readonly T[],
  query: (chunk: readonly T[]) => Promise<Set<string>>,
  key: (item: T) => string,
): Promise<T[]> {
  const found: T[] = [];
  for (let i = 0; i < items.length; i += chunkSize) {
    const chunk = items.slice(i, i + chunkSize);
    const keys = await query(chunk);
    for (const item of chunk) if (keys.has(key(item))) found.push(item);
  }
  return found;
}

const pair = (a: string, b: string) => JSON.stringify([a, b]);
const triple = (a: string, b: string, c: string) => JSON.stringify([a, b, c]);

function lookups(db: Kysely<Database>): ImportLookups {
  return {
    async existingBanks(bankIds) {
      return presentIn(
        distinct(bankIds),
        async (chunk) => {
          const rows = await db.selectFrom('banks').select('bank_id').where('bank_id', 'in', padded(chunk)).execute();
          return new Set(rows.map((r) => r.bank_id));
        },
        (id) => id,
      );
    },
    async existingUsers(provider, usernames) {
      return presentIn(
        distinct(usernames),
        async (chunk) => {
          const rows = await db
            .selectFrom('users')
            .select('provider_id')
            .where('provider', '=', provider)
            .where('provider_id', 'in', padded(chunk))
            .execute();
          return new Set(rows.map((r) => r.provider_id));
        },
        (name) => name,
      );
    },
    async existingAccounts(refs) {
      return presentIn(
        refs,
        async (chunk) => {
          const rows = await db
            .selectFrom('accounts')
            .select(['bank_id', 'account_id'])
            .where('bank_id', 'in', padded(distinct(chunk.map((r) => r.bankId))))
            .where('account_id', 'in', padded(distinct(chunk.map((r) => r.accountId))))
            .execute();
          return new Set(rows.map((r) => pair(r.bank_id, r.account_id)));
        },
        (r) => pair(r.bankId, r.accountId),
      );
    },
    async existingAccountNumbers(refs) {
      return presentIn(
        refs,
        async (chunk) => {
          const rows = await db
            .selectFrom('accounts')
            .select(['bank_id', 'number'])
            .where('bank_id', 'in', padded(distinct(chunk.map((r) => r.bankId))))
            .where('number', 'in', padded(distinct(chunk.map((r) => r.number))))
            .execute();
          return new Set(rows.map((r) => pair(r.bank_id, r.number)));
        },
        (r) => pair(r.bankId, r.number),
      );
    },
    async existingIbans(refs) {
      return presentIn(
        refs,
        async (chunk) => {
          const rows = await db
            .selectFrom('accounts')
            .select(['bank_id', 'iban'])
            .where('bank_id', 'in', padded(distinct(chunk.map((r) => r.bankId))))
            .where('iban', 'in', padded(distinct(chunk.map((r) => r.iban))))
            .execute();
          return new Set(rows.map((r) => pair(r.bank_id, r.iban)));
        },
        (r) => pair(r.bankId, r.iban),
      );
    },
    async existingTransactions(refs) {
      return presentIn(
        refs,
        async (chunk) => {
          const rows = await db
            .selectFrom('transactions')
            .select(['bank_id', 'account_id', 'transaction_id'])
            .where('bank_id', 'in', padded(distinct(chunk.map((r) => r.bankId))))
            .where('account_id', 'in', padded(distinct(chunk.map((r) => r.accountId))))
            .where('transaction_id', 'in', padded(distinct(chunk.map((r) => r.transactionId))))
            .execute();
          return new Set(rows.map((r) => triple(r.bank_id, r.account_id, r.transaction_id)));
        },
        (r) => triple(r.bankId, r.accountId, r.transactionId),
      );
    },
    async existingDocuments(kind: BankDocumentKind, refs) {
      return presentIn(
        refs,
        async (chunk) => {
          const rows = await db
            .selectFrom('bank_documents')
            .select(['bank_id', 'doc_id'])
            .where('kind', '=', kind)
            .where('bank_id', 'in', padded(distinct(chunk.map((r) => r.bankId))))
            .where('doc_id', 'in', padded(distinct(chunk.map((r) => r.docId))))
            .execute();
          return new Set(rows.map((r) => pair(r.bank_id, r.doc_id)));
        },
        (r) => pair(r.bankId, r.docId),
      );
    },
  };
}

const rowsPerInsert = 500;

async function inChunks<T>(rows: readonly T[], insert: (chunk: readonly T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += rowsPerInsert) await insert(rows.slice(i, i + rowsPerInsert));
}

export function sandboxImportRepo(db: Kysely<Database>, announce: Announce) {
  return {
    ...lookups(db),
    async addHolders(rows: readonly (AccountRef & { userId: string })[]): Promise<void> {
      await inChunks(rows, (chunk) =>
        db
          .insertInto('account_holders')
          .values(chunk.map((r) => ({ bank_id: r.bankId, account_id: r.accountId, user_id: r.userId })))
          .onConflict((oc) => oc.doNothing())
          .execute(),
      );
    },
    async grantViews(rows: readonly (AccountRef & { userId: string; viewId: string })[]): Promise<void> {
      await inChunks(rows, (chunk) =>
        db
          .insertInto('account_access')
          .values(chunk.map((r) => ({ user_id: r.userId, bank_id: r.bankId, account_id: r.accountId, view_id: r.viewId })))
          .onConflict((oc) => oc.doNothing())
          .execute(),
      );
      await announce('access');
    },
    /** First sight of each counterparty: its metadata row with the generated public alias. */
    async addCounterpartyAliases(rows: readonly CounterpartyAlias[]): Promise<void> {
      await inChunks(rows, (chunk) =>
        db
          .insertInto('counterparty_metadata')
          .values(
            chunk.map((c) => ({
              bank_id: c.bankId,
              account_id: c.accountId,
              counterparty_id: c.counterpartyId,
              counterparty_name: c.name,
              public_alias: c.publicAlias,
              private_alias: '',
              details: '{}',
            })),
          )
          .onConflict((oc) => oc.doNothing())
          .execute(),
      );
    },
  };
}

/**
 * True when a concurrent writer got there first: a primary-key / unique violation on either driver, or
 * a PostgreSQL deadlock between two imports that touch the same keys in a different order.
 */
export function isWriteConflict(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === '23505' || code === '40P01') return true;
  return typeof code === 'string' && /^SQLITE_CONSTRAINT_(PRIMARYKEY|UNIQUE)$/.test(code);
}
