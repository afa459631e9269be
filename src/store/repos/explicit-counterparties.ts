import type { Kysely, Selectable } from 'kysely';
import type { CounterpartyBespoke, ExplicitCounterparty } from '../../domain/counterparties/explicit.js';
import type { Database, ExplicitCounterpartyTable } from '../schema.js';

function parseBespoke(json: string): CounterpartyBespoke[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v as CounterpartyBespoke[]) : [];
  } catch {
    return [];
  }
}

function toCounterparty(r: Selectable<ExplicitCounterpartyTable>): ExplicitCounterparty {
  return {
    counterpartyId: r.counterparty_id,
    bankId: r.bank_id,
    accountId: r.account_id,
    viewId: r.view_id,
    createdByUserId: r.created_by_user_id,
    name: r.name,
    description: r.description,
    otherAccountRoutingScheme: r.other_account_routing_scheme,
    otherAccountRoutingAddress: r.other_account_routing_address,
    otherAccountSecondaryRoutingScheme: r.other_account_secondary_routing_scheme,
    otherAccountSecondaryRoutingAddress: r.other_account_secondary_routing_address,
    otherBankRoutingScheme: r.other_bank_routing_scheme,
    otherBankRoutingAddress: r.other_bank_routing_address,
    otherBranchRoutingScheme: r.other_branch_routing_scheme,
    otherBranchRoutingAddress: r.other_branch_routing_address,
    isBeneficiary: Number(r.is_beneficiary) === 1,
    bespoke: parseBespoke(r.bespoke),
    createdAt: Number(r.created_at),
  };
}

export function explicitCounterpartyRepo(db: Kysely<Database>) {
  const all = db.selectFrom('explicit_counterparties').selectAll();
  return {
    /**
     * Inserts the counterparty unless its account already has one of this name; false then. One
     * statement, so of concurrent creations of one name exactly one answers true.
     */
    async insert(c: ExplicitCounterparty): Promise<boolean> {
      const row = await db
        .insertInto('explicit_counterparties')
        .values({
          counterparty_id: c.counterpartyId,
          bank_id: c.bankId,
          account_id: c.accountId,
          view_id: c.viewId,
          created_by_user_id: c.createdByUserId,
          name: c.name,
          description: c.description,
          other_account_routing_scheme: c.otherAccountRoutingScheme,
          other_account_routing_address: c.otherAccountRoutingAddress,
          other_account_secondary_routing_scheme: c.otherAccountSecondaryRoutingScheme,
          other_account_secondary_routing_address: c.otherAccountSecondaryRoutingAddress,
          other_bank_routing_scheme: c.otherBankRoutingScheme,
          other_bank_routing_address: c.otherBankRoutingAddress,
          other_branch_routing_scheme: c.otherBranchRoutingScheme,
          other_branch_routing_address: c.otherBranchRoutingAddress,
          is_beneficiary: c.isBeneficiary ? 1 : 0,
          bespoke: JSON.stringify(c.bespoke),
          created_at: c.createdAt,
        })
        .onConflict((oc) => oc.columns(['bank_id', 'account_id', 'name']).doNothing())
        .returning('counterparty_id')
        .executeTakeFirst();
      return row !== undefined;
    },
    async byId(counterpartyId: string): Promise<ExplicitCounterparty | undefined> {
      const row = await all.where('counterparty_id', '=', counterpartyId).executeTakeFirst();
      return row && toCounterparty(row);
    },
    /** The account's counterparties in creation order. */
    async listForAccount(bankId: string, accountId: string): Promise<ExplicitCounterparty[]> {
      const rows = await all
        .where('bank_id', '=', bankId)
        .where('account_id', '=', accountId)
        .orderBy('created_at')
        .orderBy('counterparty_id')
        .execute();
      return rows.map(toCounterparty);
    },
    /** The latest counterparty, of any account, whose secondary routing address is this IBAN (OBP's SEPA payee). */
    async latestBySecondaryRoutingAddress(iban: string): Promise<ExplicitCounterparty | undefined> {
      const row = await all
        .where('other_account_secondary_routing_address', '=', iban)
        .orderBy('created_at', 'desc')
        .orderBy('counterparty_id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && toCounterparty(row);
    },
  };
}

export type ExplicitCounterpartyRepo = ReturnType<typeof explicitCounterpartyRepo>;
