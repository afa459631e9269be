import type { Kysely } from 'kysely';
import type { Transaction } from '../../domain/model.js';
import type { Database } from '../schema.js';

export function transactionRepo(db: Kysely<Database>) {
  return {
    async insertMany(txs: readonly Transaction[]): Promise<void> {
      // Chunked: both drivers cap the number of bound parameters per statement.
      for (let i = 0; i < txs.length; i += 200) {
        await db
          .insertInto('transactions')
          .values(
            txs.slice(i, i + 200).map((t) => ({
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
            })),
          )
          .execute();
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
      return rows.map((r) => ({
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
      }));
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
