import type { Kysely, Selectable } from 'kysely';
import type { Bank } from '../../domain/model.js';
import type { Announce } from '../change-feed.js';
import type { FeedCache } from '../cache.js';
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

const allBanks = preparedQuery((db) => db.selectFrom('banks').selectAll().orderBy('bank_id'));

/** Banks are read by nearly every call and change only through this repository: each process keeps them. */
export function bankRepo(
  db: Kysely<Database>,
  announce: Announce,
  cached?: { banks: FeedCache<string, Bank>; bankList: FeedCache<'all', Bank[]> },
) {
  const load = async (bankId: string) => {
    const [row] = await bankById(db, { bankId });
    return row && toBank(row);
  };
  const loadAll = async () => (await allBanks(db, {})).map(toBank);
  const get = (bankId: string): Promise<Bank | undefined> =>
    cached ? cached.banks.get(bankId, () => load(bankId)) : load(bankId);
  return {
    /** shared with other callers: never changed by them (readonly) */
    async list(): Promise<readonly Bank[]> {
      return (await (cached ? cached.bankList.get('all', loadAll) : loadAll())) ?? [];
    },
    get,
    async exists(bankId: string): Promise<boolean> {
      return (await get(bankId)) !== undefined;
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
      await announce('banks');
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
