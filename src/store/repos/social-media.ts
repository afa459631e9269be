import type { Kysely } from 'kysely';
import type { SocialMediaHandle } from '../../domain/customers/model.js';
import type { Database } from '../schema.js';

/** Social media handles, kept (as in OBP) under a customer number, here within its bank. */
export function socialMediaRepo(db: Kysely<Database>) {
  return {
    async insert(h: SocialMediaHandle): Promise<void> {
      await db
        .insertInto('social_media_handles')
        .values({
          bank_id: h.bankId,
          customer_number: h.customerNumber,
          type: h.type,
          handle: h.handle,
          date_added: h.dateAdded,
          date_activated: h.dateActivated,
        })
        .execute();
    },
    async list(bankId: string, customerNumber: string): Promise<SocialMediaHandle[]> {
      const rows = await db
        .selectFrom('social_media_handles')
        .selectAll()
        .where('bank_id', '=', bankId)
        .where('customer_number', '=', customerNumber)
        .orderBy('seq')
        .execute();
      return rows.map((r) => ({
        bankId: r.bank_id,
        customerNumber: r.customer_number,
        type: r.type,
        handle: r.handle,
        dateAdded: Number(r.date_added),
        dateActivated: Number(r.date_activated),
      }));
    },
  };
}
