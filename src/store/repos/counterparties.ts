import { sql, type Kysely } from 'kysely';
import type { AfterCommit, KnownRows } from '../known-rows.js';
import type { Database } from '../schema.js';

export interface CounterpartyRow {
  counterparty_id: string;
  counterparty_name: string;
  counterparty_account_number: string;
  counterparty_iban: string;
  counterparty_bank_name: string;
  counterparty_kind: string;
}

export interface NewCounterpartyMetadata {
  counterpartyId: string;
  name: string;
  publicAlias: string;
}

export interface MetadataKey {
  bankId: string;
  accountId: string;
  counterpartyId: string;
}

export interface NewMetadataRow extends MetadataKey {
  name: string;
  publicAlias: string;
}

function sameMetadataKey(a: MetadataKey, b: MetadataKey): boolean {
  return a.bankId === b.bankId && a.accountId === b.accountId && a.counterpartyId === b.counterpartyId;
}

const keyText = (k: MetadataKey) => JSON.stringify([k.bankId, k.accountId, k.counterpartyId]);

/**
 * `known` holds the metadata rows this process has seen committed (they are never deleted), so a
 * payment between parties that have met before writes none.
 */
export function counterpartyRepo(db: Kysely<Database>, known: KnownRows, afterCommit: AfterCommit) {
  return {
    /** whether the row is known to exist without asking the database */
    isKnown(key: MetadataKey): boolean {
      return known.has(keyText(key));
    },
    /** records rows that exist once the caller's writes commit */
    remember(keys: readonly MetadataKey[]): void {
      afterCommit(() => keys.forEach((k) => known.add(keyText(k))));
    },
    /** The distinct counterparties seen in the account's transactions (stored id or '' when derived). */
    async distinct(bankId: string, accountId: string): Promise<CounterpartyRow[]> {
      return db
        .selectFrom('transactions')
        .select([
          'counterparty_id',
          'counterparty_name',
          'counterparty_account_number',
          'counterparty_iban',
          'counterparty_bank_name',
          'counterparty_kind',
        ])
        .distinct()
        .where('bank_id', '=', bankId)
        .where('account_id', '=', accountId)
        .execute();
    },
    /** First sight of a counterparty: its row with a public alias; an existing row is kept as it is. */
    async ensure(bankId: string, accountId: string, rows: readonly NewCounterpartyMetadata[]): Promise<void> {
      for (let i = 0; i < rows.length; i += 200) {
        await db
          .insertInto('counterparty_metadata')
          .values(
            rows.slice(i, i + 200).map((c) => ({
              bank_id: bankId,
              account_id: accountId,
              counterparty_id: c.counterpartyId,
              counterparty_name: c.name,
              public_alias: c.publicAlias,
              private_alias: '',
              details: '{}',
            })),
          )
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    },
    /**
     * Inserts the rows whose key is new, each unless its account already has its public alias (checked
     * in the same statement), and answers the keys inserted. A key not answered either existed or
     * needs another alias; `existing` tells which.
     */
    async insertNew(rows: readonly NewMetadataRow[]): Promise<MetadataKey[]> {
      if (rows.length === 0) return [];
      const text = (v: string) => sql`cast(${v} as text)`;
      const candidates = sql.join(
        rows.map(
          (r) =>
            sql`select ${text(r.bankId)} as bank_id, ${text(r.accountId)} as account_id, ${text(r.counterpartyId)} as counterparty_id, ${text(r.name)} as counterparty_name, ${text(r.publicAlias)} as public_alias`,
        ),
        sql` union all `,
      );
      const result = await sql<{ bank_id: string; account_id: string; counterparty_id: string }>`
        insert into counterparty_metadata
          (bank_id, account_id, counterparty_id, counterparty_name, public_alias, private_alias, details)
        select v.bank_id, v.account_id, v.counterparty_id, v.counterparty_name, v.public_alias, '', '{}'
          from (${candidates}) as v
         where not exists (
           select 1 from counterparty_metadata m
            where m.bank_id = v.bank_id and m.account_id = v.account_id and m.public_alias = v.public_alias)
        on conflict do nothing
        returning bank_id, account_id, counterparty_id`.execute(db);
      return result.rows.map((r) => ({ bankId: r.bank_id, accountId: r.account_id, counterpartyId: r.counterparty_id }));
    },
    /** Which of `keys` have a metadata row (one statement). */
    async existing(keys: readonly MetadataKey[]): Promise<MetadataKey[]> {
      if (keys.length === 0) return [];
      const rows = await db
        .selectFrom('counterparty_metadata')
        .select(['bank_id', 'account_id', 'counterparty_id'])
        .where((eb) =>
          eb.or(
            keys.map((k) =>
              eb.and([
                eb('bank_id', '=', k.bankId),
                eb('account_id', '=', k.accountId),
                eb('counterparty_id', '=', k.counterpartyId),
              ]),
            ),
          ),
        )
        .execute();
      const found = rows.map((r) => ({ bankId: r.bank_id, accountId: r.account_id, counterpartyId: r.counterparty_id }));
      return keys.filter((k) => found.some((f) => sameMetadataKey(f, k)));
    },
    async publicAliases(bankId: string, accountId: string): Promise<Set<string>> {
      const rows = await db
        .selectFrom('counterparty_metadata')
        .select('public_alias')
        .where('bank_id', '=', bankId)
        .where('account_id', '=', accountId)
        .execute();
      return new Set(rows.map((r) => r.public_alias));
    },
    async metadata(bankId: string, accountId: string, counterpartyIds: readonly string[]) {
      if (counterpartyIds.length === 0) return [];
      return db
        .selectFrom('counterparty_metadata')
        .selectAll()
        .where('bank_id', '=', bankId)
        .where('account_id', '=', accountId)
        .where('counterparty_id', 'in', [...new Set(counterpartyIds)])
        .execute();
    },
    async setAlias(bankId: string, accountId: string, counterpartyId: string, which: 'public' | 'private', alias: string) {
      await db
        .updateTable('counterparty_metadata')
        .set(which === 'public' ? { public_alias: alias } : { private_alias: alias })
        .where('bank_id', '=', bankId)
        .where('account_id', '=', accountId)
        .where('counterparty_id', '=', counterpartyId)
        .execute();
    },
    /**
     * Replaces the details only if they still read `expected` (one statement), so two writers of
     * different fields cannot lose each other's value; false means the caller should re-read.
     */
    async replaceDetails(bankId: string, accountId: string, counterpartyId: string, expected: string, details: string) {
      const r = await db
        .updateTable('counterparty_metadata')
        .set({ details })
        .where('bank_id', '=', bankId)
        .where('account_id', '=', accountId)
        .where('counterparty_id', '=', counterpartyId)
        .where('details', '=', expected)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
