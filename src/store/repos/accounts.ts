import type { Kysely, Selectable } from 'kysely';
import type { Account, AccountDescription, AccountRef } from '../../domain/model.js';
import type { FeedCache } from '../cache.js';
import type { Announce } from '../change-feed.js';
import { preparedQuery } from '../prepared.js';
import type { AccountTable, Database } from '../schema.js';
import { removedAny } from './removed.js';

function toAccount(r: Selectable<AccountTable>): Account {
  return {
    bankId: r.bank_id,
    accountId: r.account_id,
    number: r.number,
    kind: r.kind,
    label: r.label,
    currency: r.currency,
    balance: BigInt(r.balance),
    holderName: r.holder_name,
    iban: r.iban,
    swiftBic: r.swift_bic,
    routingScheme: r.routing_scheme,
    routingAddress: r.routing_address,
  };
}

/** read on every account-scoped request */
const accountById = preparedQuery((db, p: { bankId: string; accountId: string }) =>
  db.selectFrom('accounts').selectAll().where('bank_id', '=', p.bankId).where('account_id', '=', p.accountId),
);

export interface AccessRow extends AccountRef {
  viewId: string;
}

/**
 * `described` keeps accounts without their balance per process: every other column changes only
 * through `insert` and `updateLabel`, which announce `access`, and accounts are never deleted.
 */
export function accountRepo(db: Kysely<Database>, announce: Announce, described?: FeedCache<string, AccountDescription>) {
  const describe = async (bankId: string, accountId: string): Promise<AccountDescription | undefined> => {
    const [row] = await accountById(db, { bankId, accountId });
    if (!row) return undefined;
    const { balance: _balance, ...description } = toAccount(row);
    return description;
  };
  return {
    /** the account as transactions and counterparties show it (no balance), kept per process */
    async describe(bankId: string, accountId: string): Promise<AccountDescription | undefined> {
      if (!described) return describe(bankId, accountId);
      return described.get(JSON.stringify([bankId, accountId]), () => describe(bankId, accountId));
    },
    /** Two accounts in one statement (a payment's source and destination); each undefined when absent. */
    async getPair(a: AccountRef, b: AccountRef): Promise<[Account | undefined, Account | undefined]> {
      const rows = await accountPair(db, { bankA: a.bankId, accountA: a.accountId, bankB: b.bankId, accountB: b.accountId });
      const find = (r: AccountRef) => rows.find((x) => x.bank_id === r.bankId && x.account_id === r.accountId);
      const first = find(a);
      const second = find(b);
      return [first && toAccount(first), second && toAccount(second)];
    },
    async get(bankId: string, accountId: string): Promise<Account | undefined> {
      const [row] = await accountById(db, { bankId, accountId });
      return row && toAccount(row);
    },
    async getMany(refs: readonly AccountRef[]): Promise<Account[]> {
      if (refs.length === 0) return [];
      const rows = await db
        .selectFrom('accounts')
        .selectAll()
        .where((eb) => eb.or(refs.map((r) => eb.and([eb('bank_id', '=', r.bankId), eb('account_id', '=', r.accountId)]))))
        .execute();
      return rows.map(toAccount);
    },
    async numberTaken(bankId: string, number: string): Promise<boolean> {
      const row = await db
        .selectFrom('accounts')
        .select('account_id')
        .where('bank_id', '=', bankId)
        .where('number', '=', number)
        .executeTakeFirst();
      return row !== undefined;
    },
    async insert(a: Account): Promise<void> {
      await db
        .insertInto('accounts')
        .values({
          bank_id: a.bankId,
          account_id: a.accountId,
          number: a.number,
          kind: a.kind,
          label: a.label,
          currency: a.currency,
          balance: a.balance,
          holder_name: a.holderName,
          iban: a.iban,
          swift_bic: a.swiftBic,
          routing_scheme: a.routingScheme,
          routing_address: a.routingAddress,
          created_at: Date.now(),
        })
        .execute();
      await announce('access');
    },
    async updateLabel(bankId: string, accountId: string, label: string): Promise<void> {
      await db.updateTable('accounts').set({ label }).where('bank_id', '=', bankId).where('account_id', '=', accountId).execute();
      await announce('access');
    },
    async holders(bankId: string, accountId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('account_holders')
        .select('user_id')
        .where('bank_id', '=', bankId)
        .where('account_id', '=', accountId)
        .orderBy('user_id')
        .execute();
      return rows.map((r) => r.user_id);
    },
    async addHolder(bankId: string, accountId: string, userId: string): Promise<void> {
      await db
        .insertInto('account_holders')
        .values({ bank_id: bankId, account_id: accountId, user_id: userId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
  };
}

/** AccountAccess rows (user ↔ account ↔ view) and the custom views stored per account. */
export interface AccessibleAccount extends AccountRef {
  label: string;
  viewId: string;
  /** stored definition when viewId names a custom view */
  customDefinition: string | undefined;
}

function accessibleAccountsQuery(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('account_access as aa')
    .innerJoin('accounts as a', (j) => j.onRef('a.bank_id', '=', 'aa.bank_id').onRef('a.account_id', '=', 'aa.account_id'))
    .leftJoin('custom_views as cv', (j) =>
      j
        .onRef('cv.bank_id', '=', 'aa.bank_id')
        .onRef('cv.account_id', '=', 'aa.account_id')
        .onRef('cv.view_id', '=', 'aa.view_id'),
    )
    .select(['aa.bank_id', 'aa.account_id', 'aa.view_id', 'a.label', 'cv.definition'])
    .where('aa.user_id', '=', userId)
    .orderBy('aa.bank_id')
    .orderBy('aa.account_id')
    .orderBy('aa.view_id');
}

const accountPair = preparedQuery((db, p: { bankA: string; accountA: string; bankB: string; accountB: string }) =>
  db
    .selectFrom('accounts')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('bank_id', '=', p.bankA), eb('account_id', '=', p.accountA)]),
        eb.and([eb('bank_id', '=', p.bankB), eb('account_id', '=', p.accountB)]),
      ]),
    ),
);

const accessibleAtAllBanks = preparedQuery((db, p: { userId: string }) => accessibleAccountsQuery(db, p.userId));
const accessibleAtBank = preparedQuery((db, p: { userId: string; bankId: string }) =>
  accessibleAccountsQuery(db, p.userId).where('aa.bank_id', '=', p.bankId),
);

const viewsHeld = preparedQuery((db, p: { userId: string; bankId: string; accountId: string }) =>
  db
    .selectFrom('account_access')
    .select('view_id')
    .where('user_id', '=', p.userId)
    .where('bank_id', '=', p.bankId)
    .where('account_id', '=', p.accountId)
    .orderBy('view_id'),
);

/**
 * Accounts on which the user holds at least one private view (a system view, or a custom view that
 * is not public), one row per account: the hot `/my/accounts` list needs no more.
 */
const privateAccountSummaries = preparedQuery((db, p: { userId: string }) =>
  db
    .selectFrom('accounts as a')
    .select(['a.bank_id', 'a.account_id', 'a.label'])
    .where((eb) =>
      eb(
        eb.refTuple('a.bank_id', 'a.account_id'),
        'in',
        eb
          .selectFrom('account_access as aa')
          .select(['aa.bank_id', 'aa.account_id'])
          .where('aa.user_id', '=', p.userId)
          // custom view ids start with "_" (system view ids never do); only non-public custom views count
          .where((w) =>
            w.or([
              w(w.fn('substr', ['aa.view_id', w.lit(1), w.lit(1)]), '<>', '_'),
              w.exists(
                w
                  .selectFrom('custom_views as cv')
                  .select('cv.view_id')
                  .whereRef('cv.bank_id', '=', 'aa.bank_id')
                  .whereRef('cv.account_id', '=', 'aa.account_id')
                  .whereRef('cv.view_id', '=', 'aa.view_id')
                  .where('cv.is_public', '=', 0),
              ),
            ]),
          )
          .$asTuple('bank_id', 'account_id'),
      ),
    ),
);

export type AccountSummary = AccountRef & { label: string };

/**
 * Who may use which view of which account. Every write here (and to account labels) announces
 * `access`, so the per-process caches of each user's private accounts and of the views a user holds on an
 * account stay correct.
 */
export function accessRepo(
  db: Kysely<Database>,
  announce: Announce,
  cached?: { privateAccounts: FeedCache<string, AccountSummary[]>; heldViews: FeedCache<string, readonly string[]> },
) {
  const cache = cached?.privateAccounts;
  const loadViews = async (userId: string, bankId: string, accountId: string): Promise<readonly string[]> =>
    (await viewsHeld(db, { userId, bankId, accountId })).map((r) => r.view_id);
  const loadSummaries = async (userId: string): Promise<AccountSummary[]> => {
    const rows = await privateAccountSummaries(db, { userId });
    return rows.map((r) => ({ bankId: r.bank_id, accountId: r.account_id, label: r.label }));
  };
  return {
    /** the hot `/my/accounts` list; callers must not change what they get (it may be shared) */
    async privateAccountSummaries(userId: string): Promise<readonly AccountSummary[]> {
      return (await (cache ? cache.get(userId, () => loadSummaries(userId)) : loadSummaries(userId))) ?? [];
    },
    /** The caller's accounts with each view they hold, in one round trip (account lists are hot). */
    async accessibleAccounts(userId: string, bankId?: string): Promise<AccessibleAccount[]> {
      const rows =
        bankId === undefined ? await accessibleAtAllBanks(db, { userId }) : await accessibleAtBank(db, { userId, bankId });
      return rows.map((r) => ({
        bankId: r.bank_id,
        accountId: r.account_id,
        label: r.label,
        viewId: r.view_id,
        customDefinition: r.definition ?? undefined,
      }));
    },
    async forUser(userId: string, bankId?: string): Promise<AccessRow[]> {
      let q = db.selectFrom('account_access').select(['bank_id', 'account_id', 'view_id']).where('user_id', '=', userId);
      if (bankId !== undefined) q = q.where('bank_id', '=', bankId);
      const rows = await q.orderBy('bank_id').orderBy('account_id').orderBy('view_id').execute();
      return rows.map((r) => ({ bankId: r.bank_id, accountId: r.account_id, viewId: r.view_id }));
    },
    /** the views the user holds on the account, asked on every view-moderated request; callers must not change it */
    async viewsOf(userId: string, bankId: string, accountId: string): Promise<readonly string[]> {
      if (!cached) return loadViews(userId, bankId, accountId);
      const key = `${userId}\u0000${bankId}\u0000${accountId}`;
      return (await cached.heldViews.get(key, () => loadViews(userId, bankId, accountId))) ?? [];
    },
    /** Every view anyone holds on the account (OBP's assignedViewsForAccount), in view id order. */
    async assignedViewIds(bankId: string, accountId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('account_access')
        .select('view_id')
        .distinct()
        .where('bank_id', '=', bankId)
        .where('account_id', '=', accountId)
        .orderBy('view_id')
        .execute();
      return rows.map((r) => r.view_id);
    },
    async grant(userId: string, bankId: string, accountId: string, viewId: string): Promise<void> {
      await db
        .insertInto('account_access')
        .values({ user_id: userId, bank_id: bankId, account_id: accountId, view_id: viewId })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await announce('access');
    },
    async revoke(userId: string, bankId: string, accountId: string, viewId: string): Promise<boolean> {
      const result = await db
        .deleteFrom('account_access')
        .where('user_id', '=', userId)
        .where('bank_id', '=', bankId)
        .where('account_id', '=', accountId)
        .where('view_id', '=', viewId)
        .executeTakeFirst();
      const removed = removedAny(result);
      if (removed) await announce('access');
      return removed;
    },
    async customView(bankId: string, accountId: string, viewId: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('custom_views')
        .select('definition')
        .where('bank_id', '=', bankId)
        .where('account_id', '=', accountId)
        .where('view_id', '=', viewId)
        .executeTakeFirst();
      return row?.definition;
    },
    async customViews(bankId: string, accountId: string): Promise<{ viewId: string; definition: string }[]> {
      const rows = await db
        .selectFrom('custom_views')
        .select(['view_id', 'definition'])
        .where('bank_id', '=', bankId)
        .where('account_id', '=', accountId)
        .orderBy('view_id')
        .execute();
      return rows.map((r) => ({ viewId: r.view_id, definition: r.definition }));
    },
    /** Public custom views on every account (for the public account lists). */
    async publicCustomViews(bankId?: string): Promise<(AccountRef & { viewId: string; definition: string })[]> {
      let q = db.selectFrom('custom_views').select(['bank_id', 'account_id', 'view_id', 'definition']).where('is_public', '=', 1);
      if (bankId !== undefined) q = q.where('bank_id', '=', bankId);
      const rows = await q.orderBy('bank_id').orderBy('account_id').orderBy('view_id').execute();
      return rows.map((r) => ({ bankId: r.bank_id, accountId: r.account_id, viewId: r.view_id, definition: r.definition }));
    },
    /** Inserts a new custom view; false when the id is taken (the primary key decides, race-free). */
    async createCustomView(bankId: string, accountId: string, viewId: string, definition: string): Promise<boolean> {
      const is_public = (JSON.parse(definition) as { is_public?: unknown }).is_public === true ? 1 : 0;
      const result = await db
        .insertInto('custom_views')
        .values({ bank_id: bankId, account_id: accountId, view_id: viewId, definition, is_public })
        .onConflict((oc) => oc.columns(['bank_id', 'account_id', 'view_id']).doNothing())
        .executeTakeFirst();
      const inserted = Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
      if (inserted) await announce('access');
      return inserted;
    },
    /** Deletes a custom view nobody holds, in one statement so a parallel grant cannot slip between. */
    async deleteUnusedCustomView(bankId: string, accountId: string, viewId: string): Promise<boolean> {
      const result = await db
        .deleteFrom('custom_views')
        .where('bank_id', '=', bankId)
        .where('account_id', '=', accountId)
        .where('view_id', '=', viewId)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('account_access as aa')
                .select('aa.view_id')
                .where('aa.bank_id', '=', bankId)
                .where('aa.account_id', '=', accountId)
                .where('aa.view_id', '=', viewId),
            ),
          ),
        )
        .executeTakeFirst();
      const removed = removedAny(result);
      if (removed) await announce('access');
      return removed;
    },
    /** Every (user, view) access row on the account, in user then view order. */
    async accessRows(bankId: string, accountId: string): Promise<{ userId: string; viewId: string }[]> {
      const rows = await db
        .selectFrom('account_access')
        .select(['user_id', 'view_id'])
        .where('bank_id', '=', bankId)
        .where('account_id', '=', accountId)
        .orderBy('user_id')
        .orderBy('view_id')
        .execute();
      return rows.map((r) => ({ userId: r.user_id, viewId: r.view_id }));
    },
    /**
     * Serialises access changes on one account until the surrounding transaction ends: a no-op
     * update takes the row lock on PostgreSQL (SQLite transactions are serial anyway).
     */
    async lockAccount(bankId: string, accountId: string): Promise<void> {
      await db
        .updateTable('accounts')
        .set((eb) => ({ label: eb.ref('label') }))
        .where('bank_id', '=', bankId)
        .where('account_id', '=', accountId)
        .execute();
    },
    async holdersOfView(bankId: string, accountId: string, viewId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('account_access')
        .select('user_id')
        .where('bank_id', '=', bankId)
        .where('account_id', '=', accountId)
        .where('view_id', '=', viewId)
        .orderBy('user_id')
        .execute();
      return rows.map((r) => r.user_id);
    },
    async saveCustomView(bankId: string, accountId: string, viewId: string, definition: string): Promise<void> {
      const is_public = (JSON.parse(definition) as { is_public?: unknown }).is_public === true ? 1 : 0;
      await db
        .insertInto('custom_views')
        .values({ bank_id: bankId, account_id: accountId, view_id: viewId, definition, is_public })
        .onConflict((oc) => oc.columns(['bank_id', 'account_id', 'view_id']).doUpdateSet({ definition, is_public }))
        .execute();
      await announce('access');
    },
  };
}
