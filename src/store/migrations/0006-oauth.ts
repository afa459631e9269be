import type { Kysely } from 'kysely';

/**
 * OAuth 1.0a: request tokens (each consumer may hold several at once), the nonces seen per consumer
 * and timestamp (the unique index makes "check and remember" one statement, so a replay racing the
 * original is refused), and the secret of an access token, which lives in `tokens` like any token.
 * Token secrets are kept readable because HMAC signing needs them; the tokens themselves are stored
 * only as hashes, so a leaked secret is useless without its token.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('oauth_request_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('consumer_id', 'integer', (c) => c.notNull())
    .addColumn('callback', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('verifier_hash', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oauth_request_tokens_expiry_ix').on('oauth_request_tokens').column('expires_at').execute();

  await db.schema
    .createTable('oauth_nonces')
    .addColumn('consumer_id', 'integer', (c) => c.notNull())
    .addColumn('timestamp', 'bigint', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('oauth_nonces_uq', ['consumer_id', 'timestamp', 'nonce'])
    .execute();
  await db.schema.createIndex('oauth_nonces_created_ix').on('oauth_nonces').column('created_at').execute();

  await db.schema.alterTable('tokens').addColumn('secret', 'text').execute();
}
