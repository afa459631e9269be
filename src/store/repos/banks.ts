import type { Kysely, Selectable } from 'kysely';
import type { Bank } from '../../domain/model.js';
import { preparedQuery } from '../prepared.js';
import type { BankTable, Database } from '../schema.js';

function toBank(r: Selectable<BankTable>): Bank {
  return {
    bankId: r.bank_id,
    shortName: r.short_name,
    fullName: r.full_name,
    logo: r.logo,
    website: r.website,
    nationalIdentifier: r.national_identifier,
    swiftBic: r.swift_bic,
    bankRoutingScheme: r.bank_routing_scheme,
    bankRoutingAddress: r.bank_routing_address,
  };
}

const bankById = preparedQuery((db, p: { bankId: string }) => db.selectFrom('banks').selectAll().where('bank_id', '=', p.bankId));

export function bankRepo(db: Kysely<Database>) {
  return {
    async list(): Promise<Bank[]> {
      return (await db.selectFrom('banks').selectAll().orderBy('bank_id').execute()).map(toBank);
    },
    async get(bankId: string): Promise<Bank | undefined> {
      const [row] = await bankById(db, { bankId });
      return row && toBank(row);
    },
    async exists(bankId: string): Promise<boolean> {
      const row = await db.selectFrom('banks').select('bank_id').where('bank_id', '=', bankId).executeTakeFirst();
      return row !== undefined;
    },
    async insert(bank: Bank): Promise<void> {
      await db
        .insertInto('banks')
        .values({
          bank_id: bank.bankId,
          short_name: bank.shortName,
          full_name: bank.fullName,
          logo: bank.logo,
          website: bank.website,
          national_identifier: bank.nationalIdentifier,
          swift_bic: bank.swiftBic,
          bank_routing_scheme: bank.bankRoutingScheme,
          bank_routing_address: bank.bankRoutingAddress,
          created_at: Date.now(),
        })
        .execute();
    },
    async count(): Promise<number> {
      const row = await db
        .selectFrom('banks')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
