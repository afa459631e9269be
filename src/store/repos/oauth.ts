import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface RequestToken {
  secret: string;
  consumerId: number;
  callback: string;
  userId: string | undefined;
  verifierHash: string | undefined;
  expiresAt: number;
}

/** How long a nonce is kept: beyond it, its timestamp is outside any window the server accepts. */
const nonceRetentionMs = 24 * 3600 * 1000;

export function oauthRepo(db: Kysely<Database>) {
  return {
    async insertRequestToken(t: { tokenHash: string; secret: string; consumerId: number; callback: string; expiresAt: number }) {
      const now = Date.now();
      await db
        .insertInto('oauth_request_tokens')
        .values({
          token_hash: t.tokenHash,
          secret: t.secret,
          consumer_id: t.consumerId,
          callback: t.callback,
          user_id: null,
          verifier_hash: null,
          created_at: now,
          expires_at: t.expiresAt,
        })
        .execute();
      // expired request tokens are of no use to anyone
      await db.deleteFrom('oauth_request_tokens').where('expires_at', '<=', now).execute();
    },
    async getRequestToken(tokenHash: string): Promise<RequestToken | undefined> {
      const row = await db.selectFrom('oauth_request_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      if (!row) return undefined;
      return {
        secret: row.secret,
        consumerId: Number(row.consumer_id),
        callback: row.callback,
        userId: row.user_id ?? undefined,
        verifierHash: row.verifier_hash ?? undefined,
        expiresAt: Number(row.expires_at),
      };
    },
    /** Binds an unexpired, not yet authorised request token to the user: true for the one call that does. */
    async authorizeRequestToken(tokenHash: string, userId: string, verifierHash: string, now: number): Promise<boolean> {
      const row = await db
        .updateTable('oauth_request_tokens')
        .set({ user_id: userId, verifier_hash: verifierHash })
        .where('token_hash', '=', tokenHash)
        .where('user_id', 'is', null)
        .where('expires_at', '>', now)
        .returning('token_hash')
        .executeTakeFirst();
      return row !== undefined;
    },
    /**
     * Removes an authorised request token if the verifier and consumer match, in one statement: of
     * parallel exchanges of one verifier exactly one gets the user.
     */
    async consumeRequestToken(
      tokenHash: string,
      consumerId: number,
      verifierHash: string,
      now: number,
    ): Promise<{ userId: string } | undefined> {
      const row = await db
        .deleteFrom('oauth_request_tokens')
        .where('token_hash', '=', tokenHash)
        .where('consumer_id', '=', consumerId)
        .where('verifier_hash', '=', verifierHash)
        .where('user_id', 'is not', null)
        .where('expires_at', '>', now)
        .returning('user_id')
        .executeTakeFirst();
      return row?.user_id ? { userId: row.user_id } : undefined;
    },
    /** Remembers a nonce: false when the consumer sent it with this timestamp before. */
    async useNonce(consumerId: number, timestamp: number, nonce: string, now: number): Promise<boolean> {
      const row = await db
        .insertInto('oauth_nonces')
        .values({ consumer_id: consumerId, timestamp, nonce, created_at: now })
        .onConflict((oc) => oc.doNothing())
        .returning('nonce')
        .executeTakeFirst();
      // now and then, forget nonces whose timestamps could no longer be accepted
      if (row && Math.random() < 0.01) {
        await db
          .deleteFrom('oauth_nonces')
          .where('created_at', '<', now - nonceRetentionMs)
          .execute();
      }
      return row !== undefined;
    },
  };
}
