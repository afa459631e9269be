import type { Kysely } from 'kysely';
import type { KycKind, KycRecord } from '../../domain/customers/model.js';
import type { Database } from '../schema.js';

/**
 * KYC checks, documents, media and statuses of customers. The four kinds share one table: they have
 * the same key (customer, kind, id), owner, order and write rule, and their own fields are only ever
 * shown, never queried, so they are kept as one JSON document per row.
 */
export function kycRepo(db: Kysely<Database>) {
  return {
    /** One statement: concurrent PUTs of one id leave one row, holding the last write. */
    async upsert(r: KycRecord): Promise<void> {
      const details = JSON.stringify(r.details);
      await db
        .insertInto('kyc_records')
        .values({
          kind: r.kind,
          bank_id: r.bankId,
          customer_id: r.customerId,
          record_id: r.recordId,
          customer_number: r.customerNumber,
          details,
        })
        .onConflict((oc) =>
          oc.columns(['customer_id', 'kind', 'record_id']).doUpdateSet({ customer_number: r.customerNumber, details }),
        )
        .execute();
    },
    /** In the order they were first written. */
    async list(kind: KycKind, customerId: string): Promise<KycRecord[]> {
      const rows = await db
        .selectFrom('kyc_records')
        .selectAll()
        .where('kind', '=', kind)
        .where('customer_id', '=', customerId)
        .orderBy('seq')
        .execute();
      return rows.map((row) => ({
        kind,
        bankId: row.bank_id,
        customerId: row.customer_id,
        recordId: row.record_id,
        customerNumber: row.customer_number,
        details: JSON.parse(row.details) as Record<string, unknown>,
      }));
    },
  };
}
