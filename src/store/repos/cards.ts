import type { Kysely, Selectable } from 'kysely';
import type { PhysicalCard } from '../../domain/cards/card.js';
import type { AccountRef } from '../../domain/model.js';
import type { CardTable, Database } from '../schema.js';

function toCard(r: Selectable<CardTable>): PhysicalCard {
  return {
    cardId: r.card_id,
    bankId: r.bank_id,
    bankCardNumber: r.bank_card_number,
    nameOnCard: r.name_on_card,
    issueNumber: r.issue_number,
    serialNumber: r.serial_number,
    validFrom: Number(r.valid_from),
    expires: Number(r.expires),
    enabled: Number(r.enabled) === 1,
    cancelled: Number(r.cancelled) === 1,
    onHotList: Number(r.on_hot_list) === 1,
    technology: r.technology,
    networks: JSON.parse(r.networks) as string[],
    allows: JSON.parse(r.allows) as string[],
    accountId: r.account_id,
    replacement: {
      requestedDate: Number(r.replacement_date),
      reason: r.replacement_reason as PhysicalCard['replacement']['reason'],
    },
    pinResets: JSON.parse(r.pin_resets) as PhysicalCard['pinResets'],
    collected: Number(r.collected),
    posted: Number(r.posted),
  };
}

const accountsPerQuery = 200;

export function cardRepo(db: Kysely<Database>) {
  const all = db.selectFrom('cards').selectAll();
  return {
    /**
     * Inserts the card unless its bank already has one with this number and serial number; false
     * then. One statement, so of concurrent identical creations exactly one answers true.
     */
    async insert(c: PhysicalCard): Promise<boolean> {
      const row = await db
        .insertInto('cards')
        .values({
          card_id: c.cardId,
          bank_id: c.bankId,
          bank_card_number: c.bankCardNumber,
          serial_number: c.serialNumber,
          name_on_card: c.nameOnCard,
          issue_number: c.issueNumber,
          valid_from: c.validFrom,
          expires: c.expires,
          enabled: c.enabled ? 1 : 0,
          cancelled: c.cancelled ? 1 : 0,
          on_hot_list: c.onHotList ? 1 : 0,
          technology: c.technology,
          networks: JSON.stringify(c.networks),
          allows: JSON.stringify(c.allows),
          account_id: c.accountId,
          replacement_date: c.replacement.requestedDate,
          replacement_reason: c.replacement.reason,
          pin_resets: JSON.stringify(c.pinResets),
          collected: c.collected,
          posted: c.posted,
          created_at: Date.now(),
        })
        .onConflict((oc) => oc.columns(['bank_id', 'bank_card_number', 'serial_number']).doNothing())
        .returning('card_id')
        .executeTakeFirst();
      return row !== undefined;
    },
    async get(cardId: string): Promise<PhysicalCard | undefined> {
      const row = await all.where('card_id', '=', cardId).executeTakeFirst();
      return row && toCard(row);
    },
    /** The cards linked to any of these accounts, in creation order. */
    async forAccounts(accounts: readonly AccountRef[]): Promise<PhysicalCard[]> {
      const rows: Selectable<CardTable>[] = [];
      // in slices: one OR per account, and SQLite limits how deep an expression may nest
      for (let i = 0; i < accounts.length; i += accountsPerQuery) {
        const slice = accounts.slice(i, i + accountsPerQuery);
        rows.push(
          ...(await all
            .where((eb) => eb.or(slice.map((a) => eb.and([eb('bank_id', '=', a.bankId), eb('account_id', '=', a.accountId)]))))
            .execute()),
        );
      }
      rows.sort((a, b) => Number(a.created_at) - Number(b.created_at) || (a.card_id < b.card_id ? -1 : 1));
      return rows.map(toCard);
    },
  };
}
