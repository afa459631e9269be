/** Sessions of the HTML pages: created with a random id (stored as its hash), valid until they expire or end. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export function webSessionRepo(db: Kysely<Database>) {
  return {
    async insert(s: { idHash: string; userId: string; expiresAt: number }): Promise<void> {
      const now = Date.now();
      // expired sessions are swept as new ones start: the table holds only live ones (and a few dead)
      await db.deleteFrom('web_sessions').where('expires_at', '<=', now).execute();
      await db
        .insertInto('web_sessions')
        .values({ id_hash: s.idHash, user_id: s.userId, created_at: now, expires_at: s.expiresAt })
        .execute();
    },
    /** The user of a live session. */
    async userOf(idHash: string, now = Date.now()): Promise<string | undefined> {
      const row = await db
        .selectFrom('web_sessions')
        .select('user_id')
        .where('id_hash', '=', idHash)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row?.user_id;
    },
    async end(idHash: string): Promise<void> {
      await db.deleteFrom('web_sessions').where('id_hash', '=', idHash).execute();
    },
  };
}
