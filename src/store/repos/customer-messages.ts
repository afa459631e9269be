import type { Kysely } from 'kysely';
import type { CustomerMessage } from '../../domain/customers/model.js';
import type { Database } from '../schema.js';

/** Messages to customers; a user reads those of the customers linked to them. */
export function customerMessageRepo(db: Kysely<Database>) {
  return {
    async insert(m: CustomerMessage): Promise<void> {
      await db
        .insertInto('customer_messages')
        .values({
          message_id: m.messageId,
          bank_id: m.bankId,
          customer_id: m.customerId,
          message: m.message,
          from_department: m.fromDepartment,
          from_person: m.fromPerson,
          date: m.date,
        })
        .execute();
    },
    /** The messages to the customers at `bankId` linked to `userId`, oldest first. */
    async forUserAtBank(userId: string, bankId: string): Promise<CustomerMessage[]> {
      const rows = await db
        .selectFrom('customer_messages as m')
        .innerJoin('user_customer_links as l', 'l.customer_id', 'm.customer_id')
        .selectAll('m')
        .where('l.user_id', '=', userId)
        .where('m.bank_id', '=', bankId)
        .orderBy('m.seq')
        .execute();
      return rows.map((r) => ({
        messageId: r.message_id,
        bankId: r.bank_id,
        customerId: r.customer_id,
        message: r.message,
        fromDepartment: r.from_department,
        fromPerson: r.from_person,
        date: Number(r.date),
      }));
    },
  };
}
