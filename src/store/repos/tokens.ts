import type { Kysely } from 'kysely';
import type { FeedCache } from '../cache.js';
import type { Announce } from '../change-feed.js';
import { preparedQuery } from '../prepared.js';
import type { Database } from '../schema.js';
import type { SecretBox } from '../../domain/auth/secret-box.js';
import { consumerSecret } from './consumers.js';
import { removedAny } from './removed.js';

export interface TokenOwner {
  userId: string;
  provider: string;
  providerId: string;
  username: string;
  email: string;
  locked: boolean;
  badLoginAttempts: number;
  consumerId: number | undefined;
  consumerKey: string | undefined;
  appName: string;
  developerEmail: string;
  consumerEnabled: boolean;
  /** what OAuth signatures are checked with: the consumer's secret and the access token's */
  consumerSecret: string;
  tokenSecret: string;
  expiresAt: number;
}

const resolveToken = preparedQuery((db, p: { tokenHash: string; kind: string; now: number }) =>
  db
    .selectFrom('tokens as t')
    .innerJoin('users as u', 'u.user_id', 't.user_id')
    .leftJoin('consumers as c', 'c.consumer_id', 't.consumer_id')
    .select([
      'u.user_id',
      'u.provider',
      'u.provider_id',
      'u.username',
      'u.email',
      'u.locked',
      'u.bad_login_attempts',
      'c.consumer_id',
      'c.consumer_key',
      'c.app_name',
      'c.developer_email',
      'c.enabled',
      'c.secret as consumer_secret',
      'c.secret_encrypted',
      't.secret as token_secret',
      't.expires_at',
    ])
    .where('t.token_hash', '=', p.tokenHash)
    .where('t.kind', '=', p.kind)
    .where('t.expires_at', '>', p.now)
    .where('u.deleted', '=', 0),
);

export function tokenRepo(db: Kysely<Database>, announce: Announce, box: () => SecretBox, cache?: FeedCache<string, TokenOwner>) {
  const load = async (tokenHash: string, kind: string, now: number): Promise<TokenOwner | undefined> => {
    const [row] = await resolveToken(db, { tokenHash, kind, now });
    if (!row) return undefined;
    return {
      userId: row.user_id,
      provider: row.provider,
      providerId: row.provider_id,
      username: row.username,
      email: row.email,
      locked: Number(row.locked) === 1,
      badLoginAttempts: Number(row.bad_login_attempts),
      consumerId: row.consumer_id === null ? undefined : Number(row.consumer_id),
      consumerKey: row.consumer_key ?? undefined,
      appName: row.app_name ?? '',
      developerEmail: row.developer_email ?? '',
      consumerEnabled: row.enabled === null ? true : Number(row.enabled) === 1,
      // only OAuth access tokens (which have a secret) are signed with the consumer's secret
      consumerSecret:
        row.token_secret === null || row.consumer_key === null || row.consumer_secret === null
          ? ''
          : consumerSecret(box, {
              consumer_key: row.consumer_key,
              secret: row.consumer_secret,
              secret_encrypted: row.secret_encrypted,
            }),
      tokenSecret: row.token_secret ?? '',
      expiresAt: Number(row.expires_at),
    };
  };

  return {
    async insert(t: {
      tokenHash: string;
      kind: string;
      userId: string;
      consumerId: number | undefined;
      expiresAt: number;
      secret?: string;
    }) {
      await db
        .insertInto('tokens')
        .values({
          secret: t.secret ?? null,
          token_hash: t.tokenHash,
          kind: t.kind,
          user_id: t.userId,
          consumer_id: t.consumerId ?? null,
          created_at: Date.now(),
          expires_at: t.expiresAt,
        })
        .execute();
    },
    /**
     * The hot path: token, its user and its consumer in one round trip, or none when this process has
     * it cached (kept by the change feed).
     */
    /** the owner if this process has the token cached: no waiting on the hot path */
    cached(tokenHash: string, kind: string, now: number): TokenOwner | undefined {
      return cache?.peek(`${kind} ${tokenHash}`, now);
    },
    resolve(tokenHash: string, kind: string, now: number): Promise<TokenOwner | undefined> {
      if (!cache) return load(tokenHash, kind, now);
      return cache.get(`${kind} ${tokenHash}`, () => load(tokenHash, kind, now), now);
    },
    async revoke(tokenHash: string): Promise<boolean> {
      const revoked = removedAny(await db.deleteFrom('tokens').where('token_hash', '=', tokenHash).executeTakeFirst());
      if (revoked) await announce('credentials');
      return revoked;
    },
  };
}
