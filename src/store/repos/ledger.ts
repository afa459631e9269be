/**
 * The two halves of a payment's balance changes. Each account row is changed by one
 * `UPDATE … SET balance = balance + delta … RETURNING balance`, in (bank_id, account_id) order:
 * the update takes the row lock on PostgreSQL (SQLite transactions are serial, BEGIN IMMEDIATE),
 * no value is read and written back from JavaScript, so concurrent payments neither lose an update
 * nor wait on each other in a cycle. The caller runs this inside `store.transaction`.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';
import { preparedQuery } from '../prepared.js';
import type { Database } from '../schema.js';

export interface BalanceChange {
  bankId: string;
  accountId: string;
  /** minor units; negative for a debit */
  delta: bigint;
}

export type BalanceOutcome = { ok: true; balances: bigint[] } | { ok: false; reason: 'missing' | 'overdraft'; index: number };

function compareRef(a: BalanceChange, b: BalanceChange): number {
  if (a.bankId !== b.bankId) return a.bankId < b.bankId ? -1 : 1;
  if (a.accountId !== b.accountId) return a.accountId < b.accountId ? -1 : 1;
  return 0;
}

type Change = { bankId: string; accountId: string; delta: bigint };

const credit = preparedQuery((db, p: Change) =>
  db
    .updateTable('accounts')
    .set({ balance: sql`balance + ${p.delta}` })
    .where('bank_id', '=', p.bankId)
    .where('account_id', '=', p.accountId)
    .returning(['balance']),
);

/** with an overdraft limit, the check and the change are one statement */
const debit = preparedQuery((db, p: Change) =>
  db
    .updateTable('accounts')
    .set({ balance: sql`balance + ${p.delta}` })
    .where('bank_id', '=', p.bankId)
    .where('account_id', '=', p.accountId)
    .where((eb) => eb.or([eb('overdraft_limit', 'is', null), eb(sql`balance + ${p.delta}`, '>=', sql`-overdraft_limit`)]))
    .returning(['balance']),
);

/** An account's balance after a batch's net change, and its overdraft limit (null: none). */
export interface NetOutcome {
  balance: bigint;
  overdraftLimit: bigint | null;
}

export const accountKey = (bankId: string, accountId: string) => `${bankId}\u0000${accountId}`;

export function ledgerRepo(db: Kysely<Database>, dialect: Dialect) {
  return {
    /**
     * Takes the accounts' row locks for the rest of the transaction, in the order
     * `applyBalanceChanges` takes them (code-point order of bank id, then account id: collation "C"),
     * so a batch and single payments never wait on each other in a cycle. SQLite transactions are
     * serial and need no row locks.
     */
    async lockAccounts(refs: readonly { bankId: string; accountId: string }[]): Promise<void> {
      if (dialect !== 'postgres' || refs.length === 0) return;
      const pairs = sql.join(refs.map((r) => sql`(${r.bankId}, ${r.accountId})`));
      await sql`select 1 from accounts where (bank_id, account_id) in (${pairs})
        order by bank_id collate "C", account_id collate "C" for update`.execute(db);
    },
    /**
     * Adds each account's net change (at most one change per account) in one statement and answers
     * every changed account's balance after it, with its overdraft limit, by `accountKey`. An account
     * that does not exist is absent from the answer. The caller holds the rows' locks (lockAccounts).
     */
    async applyNetChanges(changes: readonly BalanceChange[]): Promise<Map<string, NetOutcome>> {
      const rows = sql.join(
        changes.map(
          (c) =>
            sql`select cast(${c.bankId} as text) as bank_id, cast(${c.accountId} as text) as account_id, cast(${String(c.delta)} as bigint) as delta`,
        ),
        sql` union all `,
      );
      const result = await sql<{
        bank_id: string;
        account_id: string;
        balance: bigint | string;
        overdraft_limit: bigint | string | null;
      }>`
        update accounts set balance = balance + d.delta from (${rows}) as d
        where accounts.bank_id = d.bank_id and accounts.account_id = d.account_id
        returning accounts.bank_id, accounts.account_id, accounts.balance, accounts.overdraft_limit`.execute(db);
      return new Map(
        result.rows.map((r) => [
          accountKey(r.bank_id, r.account_id),
          { balance: BigInt(r.balance), overdraftLimit: r.overdraft_limit === null ? null : BigInt(r.overdraft_limit) },
        ]),
      );
    },
    /**
     * Applies the changes in lock order (stable: changes to one account keep their given order) and
     * answers each change's balance after it, in the given order. A debit fails (and the caller rolls
     * back) when the account has an overdraft limit the new balance would pass.
     */
    async applyBalanceChanges(changes: readonly BalanceChange[]): Promise<BalanceOutcome> {
      const order = changes.map((c, i) => ({ c, i })).sort((x, y) => compareRef(x.c, y.c) || x.i - y.i);
      const balances: bigint[] = new Array<bigint>(changes.length);
      for (const { c, i } of order) {
        const params = { bankId: c.bankId, accountId: c.accountId, delta: c.delta };
        const [row] = await (c.delta < 0n ? debit(db, params) : credit(db, params));
        if (row === undefined) {
          const exists = await db
            .selectFrom('accounts')
            .select('balance')
            .where('bank_id', '=', c.bankId)
            .where('account_id', '=', c.accountId)
            .executeTakeFirst();
          return { ok: false, reason: exists ? 'overdraft' : 'missing', index: i };
        }
        balances[i] = BigInt(row.balance);
      }
      return { ok: true, balances };
    },
    /**
     * The account money for a payee outside OBP is credited to (§11.6), created on first use. Concurrent
     * first uses insert the same key; the primary key keeps one and the others read it.
     */
    async ensureSettlementAccount(bankId: string, accountId: string, currency: string): Promise<void> {
      await db
        .insertInto('accounts')
        .values({
          bank_id: bankId,
          account_id: accountId,
          number: accountId,
          kind: 'SETTLEMENT',
          label: `Settlement account (${currency})`,
          currency,
          balance: 0n,
          holder_name: 'Settlement account',
          iban: '',
          swift_bic: '',
          routing_scheme: 'OBP',
          routing_address: accountId,
          created_at: Date.now(),
        })
        .onConflict((oc) => oc.columns(['bank_id', 'account_id']).doNothing())
        .execute();
    },
    /** Sets (or with null removes) an account's overdraft limit in minor units. */
    async setOverdraftLimit(bankId: string, accountId: string, limit: bigint | null): Promise<void> {
      await db
        .updateTable('accounts')
        .set({ overdraft_limit: limit })
        .where('bank_id', '=', bankId)
        .where('account_id', '=', accountId)
        .execute();
    },
  };
}
