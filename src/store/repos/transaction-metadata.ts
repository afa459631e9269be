import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { MetadataUser, NoteKind, PageMetadata, TransactionNote, WhereTag } from '../../domain/transactions/metadata.js';
import type { Dialect } from '../dialect.js';
import { preparedQuery } from '../prepared.js';
import type { Database, Int } from '../schema.js';

interface Key {
  bankId: string;
  accountId: string;
  transactionId: string;
}

type Source = 'narrative' | 'note' | 'where';

const userOf = (r: { user_id: string; provider: string | null; email: string | null }): MetadataUser => ({
  userId: r.user_id,
  provider: r.provider ?? '',
  displayName: r.email ?? '',
});

/** `column` is one of the page's transaction ids, whose number varies: one array value, so the SQL does not */
type Member = (column: RawBuilder<unknown>, ids: unknown) => RawBuilder<SqlBool>;
const members: Record<Dialect, Member> = {
  postgres: (column, ids) => sql<SqlBool>`${column} = any(${ids}::text[])`,
  sqlite: (column, ids) => sql<SqlBool>`${column} in (select value from json_each(${ids}))`,
};

// a type, not an interface: preparedQuery's parameters are a string-keyed record
type PageParams = {
  bankId: string;
  accountId: string;
  viewId: string;
  /** the ids as a text array on PostgreSQL, as a JSON array on SQLite */
  ids: unknown;
};

/** Narratives, notes and where tags of a page's transactions as one UNION ALL, compiled once per dialect. */
const pageMetadataBy = (member: Member) =>
  preparedQuery((db: Kysely<Database>, p: PageParams) => {
    // PostgreSQL types a UNION's columns branch by branch: an untyped null in the first would fix a column as text
    const none = <T>(type: 'text' | 'bigint' | 'double precision' = 'text') => sql<T | null>`cast(null as ${sql.raw(type)})`;
    const narratives = db
      .selectFrom('transaction_narratives as r')
      .select([
        sql<Source>`'narrative'`.as('source'),
        'r.transaction_id',
        none<string>().as('note_id'),
        none<string>().as('kind'),
        none<string>().as('view_id'),
        none<string>().as('user_id'),
        sql<string | null>`${sql.ref('r.narrative')}`.as('value'),
        none<string>().as('url'),
        none<Int>('bigint').as('date'),
        none<number>('double precision').as('latitude'),
        none<number>('double precision').as('longitude'),
        none<string>().as('provider'),
        none<string>().as('email'),
      ])
      .where('r.bank_id', '=', p.bankId)
      .where('r.account_id', '=', p.accountId)
      .where(member(sql.ref('r.transaction_id'), p.ids));
    const notes = db
      .selectFrom('transaction_notes as n')
      .leftJoin('users as u', 'u.user_id', 'n.user_id')
      .select([
        sql<Source>`'note'`.as('source'),
        'n.transaction_id',
        'n.note_id',
        'n.kind',
        'n.view_id',
        'n.user_id',
        'n.value',
        'n.url',
        'n.date',
        none<number>('double precision').as('latitude'),
        none<number>('double precision').as('longitude'),
        'u.provider',
        'u.email',
      ])
      .where('n.bank_id', '=', p.bankId)
      .where('n.account_id', '=', p.accountId)
      .where('n.view_id', '=', p.viewId)
      .where(member(sql.ref('n.transaction_id'), p.ids));
    const wheres = db
      .selectFrom('transaction_where_tags as w')
      .leftJoin('users as u', 'u.user_id', 'w.user_id')
      .select([
        sql<Source>`'where'`.as('source'),
        'w.transaction_id',
        none<string>().as('note_id'),
        none<string>().as('kind'),
        'w.view_id',
        'w.user_id',
        none<string>().as('value'),
        none<string>().as('url'),
        'w.date',
        'w.latitude',
        'w.longitude',
        'u.provider',
        'u.email',
      ])
      .where('w.bank_id', '=', p.bankId)
      .where('w.account_id', '=', p.accountId)
      .where('w.view_id', '=', p.viewId)
      .where(member(sql.ref('w.transaction_id'), p.ids));
    return narratives.unionAll(notes).unionAll(wheres).orderBy('date').orderBy('note_id');
  });
const pageMetadata = { postgres: pageMetadataBy(members.postgres), sqlite: pageMetadataBy(members.sqlite) };

/** Narratives, comments, tags, images and where tags of transactions (§9.3). */
export function transactionMetadataRepo(db: Kysely<Database>, dialect: Dialect) {
  const notesQuery = (bankId: string, accountId: string, viewId: string, transactionIds: readonly string[]) =>
    db
      .selectFrom('transaction_notes as n')
      .leftJoin('users as u', 'u.user_id', 'n.user_id')
      .select(['n.note_id', 'n.kind', 'n.transaction_id', 'n.view_id', 'n.user_id', 'n.value', 'n.url', 'n.date'])
      .select(['u.provider', 'u.email'])
      .where('n.bank_id', '=', bankId)
      .where('n.account_id', '=', accountId)
      .where('n.view_id', '=', viewId)
      .where('n.transaction_id', 'in', transactionIds)
      .orderBy('n.date')
      .orderBy('n.note_id');
  const wheresQuery = (bankId: string, accountId: string, viewId: string, transactionIds: readonly string[]) =>
    db
      .selectFrom('transaction_where_tags as w')
      .leftJoin('users as u', 'u.user_id', 'w.user_id')
      .select(['w.transaction_id', 'w.user_id', 'w.latitude', 'w.longitude', 'w.date', 'u.provider', 'u.email'])
      .where('w.bank_id', '=', bankId)
      .where('w.account_id', '=', accountId)
      .where('w.view_id', '=', viewId)
      .where('w.transaction_id', 'in', transactionIds);
  type NoteRow = Awaited<ReturnType<ReturnType<typeof notesQuery>['execute']>>[number];
  const noteOf = (r: NoteRow): TransactionNote => ({
    noteId: r.note_id,
    kind: r.kind as NoteKind,
    transactionId: r.transaction_id,
    viewId: r.view_id,
    user: userOf(r),
    value: r.value,
    url: r.url,
    date: Number(r.date),
  });

  return {
    async narrative(k: Key): Promise<string> {
      const row = await db
        .selectFrom('transaction_narratives')
        .select('narrative')
        .where('bank_id', '=', k.bankId)
        .where('account_id', '=', k.accountId)
        .where('transaction_id', '=', k.transactionId)
        .executeTakeFirst();
      return row?.narrative ?? '';
    },
    /** One upsert statement: concurrent writers cannot both insert. '' clears it. */
    async setNarrative(k: Key, narrative: string): Promise<void> {
      await db
        .insertInto('transaction_narratives')
        .values({ bank_id: k.bankId, account_id: k.accountId, transaction_id: k.transactionId, narrative })
        .onConflict((oc) => oc.columns(['bank_id', 'account_id', 'transaction_id']).doUpdateSet({ narrative }))
        .execute();
    },
    async addNote(k: Key, note: Omit<TransactionNote, 'transactionId' | 'user'> & { userId: string }): Promise<void> {
      await db
        .insertInto('transaction_notes')
        .values({
          note_id: note.noteId,
          kind: note.kind,
          bank_id: k.bankId,
          account_id: k.accountId,
          transaction_id: k.transactionId,
          view_id: note.viewId,
          user_id: note.userId,
          value: note.value,
          url: note.url,
          date: note.date,
        })
        .execute();
    },
    async notes(k: Key, viewId: string, kind: NoteKind): Promise<TransactionNote[]> {
      const rows = await notesQuery(k.bankId, k.accountId, viewId, [k.transactionId]).where('n.kind', '=', kind).execute();
      return rows.map(noteOf);
    },
    async note(k: Key, viewId: string, kind: NoteKind, noteId: string): Promise<TransactionNote | undefined> {
      const rows = await notesQuery(k.bankId, k.accountId, viewId, [k.transactionId])
        .where('n.kind', '=', kind)
        .where('n.note_id', '=', noteId)
        .execute();
      return rows[0] && noteOf(rows[0]);
    },
    async deleteNote(k: Key, viewId: string, kind: NoteKind, noteId: string): Promise<boolean> {
      const r = await db
        .deleteFrom('transaction_notes')
        .where('bank_id', '=', k.bankId)
        .where('account_id', '=', k.accountId)
        .where('transaction_id', '=', k.transactionId)
        .where('view_id', '=', viewId)
        .where('kind', '=', kind)
        .where('note_id', '=', noteId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async where(k: Key, viewId: string): Promise<WhereTag | undefined> {
      const rows = await wheresQuery(k.bankId, k.accountId, viewId, [k.transactionId]).execute();
      const r = rows[0];
      return (
        r && {
          transactionId: r.transaction_id,
          user: userOf(r),
          latitude: Number(r.latitude),
          longitude: Number(r.longitude),
          date: Number(r.date),
        }
      );
    },
    async setWhere(k: Key, viewId: string, userId: string, latitude: number, longitude: number, date: number): Promise<void> {
      await db
        .insertInto('transaction_where_tags')
        .values({
          bank_id: k.bankId,
          account_id: k.accountId,
          transaction_id: k.transactionId,
          view_id: viewId,
          user_id: userId,
          latitude,
          longitude,
          date,
        })
        .onConflict((oc) =>
          oc
            .columns(['bank_id', 'account_id', 'view_id', 'transaction_id'])
            .doUpdateSet({ user_id: userId, latitude, longitude, date }),
        )
        .execute();
    },
    async deleteWhere(k: Key, viewId: string): Promise<boolean> {
      const r = await db
        .deleteFrom('transaction_where_tags')
        .where('bank_id', '=', k.bankId)
        .where('account_id', '=', k.accountId)
        .where('view_id', '=', viewId)
        .where('transaction_id', '=', k.transactionId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    /**
     * Everything a page shows in one statement (narratives, notes and where tags as one UNION ALL):
     * a page is read on every list call, and each statement is a round trip to the database.
     */
    async forPage(bankId: string, accountId: string, viewId: string, transactionIds: readonly string[]): Promise<PageMetadata> {
      const out: PageMetadata = { narratives: new Map(), notes: new Map(), wheres: new Map() };
      if (transactionIds.length === 0) return out;
      const ids = dialect === 'postgres' ? transactionIds : JSON.stringify(transactionIds);
      // notes in the order they were written, as the single-transaction reads give them
      const rows = await pageMetadata[dialect](db, { bankId, accountId, viewId, ids });
      for (const r of rows) {
        const user = () => userOf({ user_id: r.user_id ?? '', provider: r.provider, email: r.email });
        if (r.source === 'narrative') out.narratives.set(r.transaction_id, r.value ?? '');
        else if (r.source === 'note') {
          const list = out.notes.get(r.transaction_id) ?? [];
          list.push({
            noteId: r.note_id ?? '',
            kind: r.kind as NoteKind,
            transactionId: r.transaction_id,
            viewId: r.view_id ?? '',
            user: user(),
            value: r.value ?? '',
            url: r.url ?? '',
            date: Number(r.date),
          });
          out.notes.set(r.transaction_id, list);
        } else {
          out.wheres.set(r.transaction_id, {
            transactionId: r.transaction_id,
            user: user(),
            latitude: Number(r.latitude),
            longitude: Number(r.longitude),
            date: Number(r.date),
          });
        }
      }
      return out;
    },
  };
}
