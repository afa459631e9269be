import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export type DocumentKind = 'branch' | 'atm' | 'product' | 'crm_event';

/**
 * Bank-scoped documents (branches, ATMs, products, CRM events) stored as JSON, keyed by
 * (kind, bank_id, doc_id): the primary key makes `upsert` one atomic statement.
 */
export function documentRepo(db: Kysely<Database>) {
  return {
    async insertMany(kind: DocumentKind, docs: readonly { bankId: string; docId: string; document: unknown }[]): Promise<void> {
      for (let i = 0; i < docs.length; i += 200) {
        await db
          .insertInto('bank_documents')
          .values(
            docs
              .slice(i, i + 200)
              .map((d) => ({ kind, bank_id: d.bankId, doc_id: d.docId, document: JSON.stringify(d.document) })),
          )
          .execute();
      }
    },
    /** Creates the document or replaces the one under the same key, in one statement. */
    async upsert(kind: DocumentKind, bankId: string, docId: string, document: unknown): Promise<void> {
      const text = JSON.stringify(document);
      await db
        .insertInto('bank_documents')
        .values({ kind, bank_id: bankId, doc_id: docId, document: text })
        .onConflict((oc) => oc.columns(['kind', 'bank_id', 'doc_id']).doUpdateSet({ document: text }))
        .execute();
    },
    async list(kind: DocumentKind, bankId: string): Promise<{ docId: string; document: unknown }[]> {
      const rows = await db
        .selectFrom('bank_documents')
        .select(['doc_id', 'document'])
        .where('kind', '=', kind)
        .where('bank_id', '=', bankId)
        .orderBy('doc_id')
        .execute();
      return rows.map((r) => ({ docId: r.doc_id, document: JSON.parse(r.document) as unknown }));
    },
    async get(kind: DocumentKind, bankId: string, docId: string): Promise<unknown> {
      const row = await db
        .selectFrom('bank_documents')
        .select('document')
        .where('kind', '=', kind)
        .where('bank_id', '=', bankId)
        .where('doc_id', '=', docId)
        .executeTakeFirst();
      return row === undefined ? undefined : (JSON.parse(row.document) as unknown);
    },
    async exists(kind: DocumentKind, bankId: string, docId: string): Promise<boolean> {
      const row = await db
        .selectFrom('bank_documents')
        .select('doc_id')
        .where('kind', '=', kind)
        .where('bank_id', '=', bankId)
        .where('doc_id', '=', docId)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}
