import type { Kysely, Selectable } from 'kysely';
import type { TransactionType } from '../../domain/transactions/transaction-type.js';
import type { Database, TransactionTypeTable } from '../schema.js';
import { isWriteConflict } from './sandbox-import.js';

function toTransactionType(r: Selectable<TransactionTypeTable>): TransactionType {
  return {
    transactionTypeId: r.transaction_type_id,
    bankId: r.bank_id,
    shortCode: r.short_code,
    summary: r.summary,
    description: r.description,
    chargeCurrency: r.charge_currency,
    chargeAmount: BigInt(r.charge_amount),
  };
}

/**
 * `inserted` / `updated`, or which write the bank's unique short code refused: `insert` (a new id) or
 * `update` (an existing id of this bank). An id held by another bank is refused as an insert.
 */
export type TransactionTypeUpsert = { kind: 'inserted' | 'updated' } | { kind: 'short-code-taken'; on: 'insert' | 'update' };

export function transactionTypeRepo(db: Kysely<Database>) {
  const update = async (t: TransactionType): Promise<boolean> => {
    const row = await db
      .updateTable('transaction_types')
      .set({
        short_code: t.shortCode,
        summary: t.summary,
        description: t.description,
        charge_currency: t.chargeCurrency,
        charge_amount: t.chargeAmount,
      })
      .where('transaction_type_id', '=', t.transactionTypeId)
      .where('bank_id', '=', t.bankId)
      .returning('transaction_type_id')
      .executeTakeFirst();
    return row !== undefined;
  };
  const insert = async (t: TransactionType): Promise<boolean> => {
    const row = await db
      .insertInto('transaction_types')
      .values({
        transaction_type_id: t.transactionTypeId,
        bank_id: t.bankId,
        short_code: t.shortCode,
        summary: t.summary,
        description: t.description,
        charge_currency: t.chargeCurrency,
        charge_amount: t.chargeAmount,
        created_at: Date.now(),
      })
      .onConflict((oc) => oc.column('transaction_type_id').doNothing())
      .returning('transaction_type_id')
      .executeTakeFirst();
    return row !== undefined;
  };
  /** the unique indexes decide: no read precedes a write, so concurrent upserts cannot slip between */
  const attempt = async <T>(write: () => Promise<T>): Promise<T | 'conflict'> => {
    try {
      return await write();
    } catch (err) {
      if (isWriteConflict(err)) return 'conflict';
      throw err;
    }
  };
  return {
    /** OBP's createOrUpdateTransactionType: update by id within the bank, else insert. */
    async upsert(t: TransactionType): Promise<TransactionTypeUpsert> {
      const updated = await attempt(() => update(t));
      if (updated === 'conflict') return { kind: 'short-code-taken', on: 'update' };
      if (updated) return { kind: 'updated' };
      const inserted = await attempt(() => insert(t));
      if (inserted === true) return { kind: 'inserted' };
      // the id exists after all (inserted concurrently, or another bank's), or the short code is taken:
      // an update of this bank's type with this id tells which
      const retried = await attempt(() => update(t));
      if (retried === 'conflict') return { kind: 'short-code-taken', on: 'update' };
      return retried ? { kind: 'updated' } : { kind: 'short-code-taken', on: 'insert' };
    },
    async forBank(bankId: string): Promise<TransactionType[]> {
      const rows = await db
        .selectFrom('transaction_types')
        .selectAll()
        .where('bank_id', '=', bankId)
        .orderBy('created_at')
        .orderBy('transaction_type_id')
        .execute();
      return rows.map(toTransactionType);
    },
  };
}
