/**
 * A protected call signed with OAuth 1.0a: OBP's checks in OBP's order, then the same owner checks as
 * a DirectLogin token (the access token lives in `tokens`, cached by the store like any token, so
 * revocation, a disabled consumer and a locked user take effect the same way). Beyond OBP, the nonce
 * of a protected call is remembered too (OBP only remembers those of the handshake), and the access
 * token must belong to the consumer that signs with it.
 */
import type { FastifyRequest } from 'fastify';
import {
  headerProblem,
  invalidAccessToken,
  invalidConsumer,
  invalidSignature,
  nonceUsed,
  parseOAuthHeader,
  signatureMatches,
  timestampProblem,
} from '../../domain/auth/oauth.js';
import { tokenHash } from '../../domain/auth/secrets.js';
import type { Store } from '../../store/index.js';
import type { TokenOwner } from '../../store/repos/tokens.js';

export const oauthAccessKind = 'oauth_access';

/** The owner of the access token of a correctly signed, fresh request; any failure is thrown. */
export async function oauthResourceOwner(request: FastifyRequest, store: Store, hostname: string): Promise<TokenOwner> {
  const parsed = parseOAuthHeader(request.headers.authorization ?? '');
  const problem = headerProblem(parsed, 'resource');
  if (problem) throw problem;
  const params = parsed.params;
  const consumerKey = params.oauth_consumer_key!;
  const token = params.oauth_token!;
  const hash = tokenHash(token);
  const now = Date.now();
  const found = store.tokens.cached(hash, oauthAccessKind, now) ?? (await store.tokens.resolve(hash, oauthAccessKind, now));
  const owner = found && found.consumerKey === consumerKey ? found : undefined;
  // The consumer is checked first, as OBP does; only an unknown token costs a look-up of its own.
  if (owner ? !owner.consumerEnabled : !(await store.consumers.getByKey(consumerKey))?.enabled) throw invalidConsumer();
  const late = timestampProblem(params.oauth_timestamp!, now);
  if (late) throw late;
  if (!owner) throw invalidAccessToken(token);
  const signed = signatureMatches({
    method: request.method,
    hostname,
    url: request.url,
    params,
    consumerSecret: owner.consumerSecret,
    tokenSecret: owner.tokenSecret,
  });
  if (!signed) throw invalidSignature();
  if (!(await store.oauth.useNonce(owner.consumerId!, Number(params.oauth_timestamp), params.oauth_nonce!, now)))
    throw nonceUsed();
  return owner;
}
