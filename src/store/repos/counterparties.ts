import type { Kysely } from 'kysely';
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

export function counterpartyRepo(db: Kysely<Database>) {
  return {
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
