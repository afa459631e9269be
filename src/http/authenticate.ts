/**
 * Resolves the caller of a request from its credentials. Tokens are looked up by hash (one indexed
 * join, or the store's per-process cache that the change feed keeps), so a token revoked through any
 * process is refused by all of them.
 */
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { directLoginFromHeaders, validateTokenParams } from '../domain/auth/direct-login.js';
import { isOAuthAuthorization } from '../domain/auth/oauth.js';
import { tokenHash } from '../domain/auth/secrets.js';
import { obpError } from '../errors/obp-error.js';
import type { Store } from '../store/index.js';
import type { TokenOwner } from '../store/repos/tokens.js';
import { anonymous, type Caller } from './caller.js';
import { oauthResourceOwner } from './oauth/resource.js';

export const directLoginKind = 'direct_login';

/** Schemes that are OBP's own (Bearer arrives with its package); any other is refused by new-style endpoints. */
const knownSchemes = /^\s*(OAuth|Bearer|DirectLogin|GatewayLogin)\b/i;

/** A caller known without waiting (anonymous, or a token this process has cached) is answered at once. */
export type Authenticate = (request: FastifyRequest, style: 'old' | 'new') => Caller | Promise<Caller>;

export function createAuthenticator(store: Store, config: Config): Authenticate {
  const maxBadLoginAttempts = config.props.maxBadLoginAttempts;
  return (request, style) => {
    // OBP looks at OAuth before DirectLogin (SEMANTICS §2.1)
    if (isOAuthAuthorization(request.headers.authorization)) {
      return oauthResourceOwner(request, store, config.hostname).then((owner) =>
        callerOf(owner, owner.consumerKey ?? '', maxBadLoginAttempts, 'OBP-20009'),
      );
    }
    return authenticate(request, store, maxBadLoginAttempts, style);
  };
}

function authenticate(
  request: FastifyRequest,
  store: Store,
  maxBadLoginAttempts: number,
  style: 'old' | 'new',
): Caller | Promise<Caller> {
  const params = directLoginFromHeaders(request.headers);
  if (!params) {
    const authorization = request.headers.authorization;
    if (style === 'new' && authorization !== undefined && !knownSchemes.test(authorization)) throw obpError('OBP-20080', '', 401);
    return anonymous;
  }
  // Checked like OBP (characters, length ≤ 512) before the lookup, so the echoed token is always short and plain.
  const token = validateTokenParams(params);
  const hash = tokenHash(token);
  const now = Date.now();
  const cached = store.tokens.cached(hash, directLoginKind, now);
  if (cached) return callerOf(cached, token, maxBadLoginAttempts);
  return store.tokens.resolve(hash, directLoginKind, now).then((owner) => callerOf(owner, token, maxBadLoginAttempts));
}

function callerOf(
  owner: TokenOwner | undefined,
  token: string,
  maxBadLoginAttempts: number,
  consumerDisabled: 'OBP-20008' | 'OBP-20009' = 'OBP-20008',
): Caller {
  // OBP appends the token straight after the catalogue text's colon.
  if (!owner) throw obpError('OBP-20003', token);
  if (owner.locked || owner.badLoginAttempts > maxBadLoginAttempts) throw obpError('OBP-20013');
  // OAuth answers a disabled consumer with its own text and status (401 OBP-20009)
  if (!owner.consumerEnabled) throw consumerDisabled === 'OBP-20009' ? obpError('OBP-20009', '', 401) : obpError('OBP-20008');
  return {
    user: {
      userId: owner.userId,
      username: owner.username,
      email: owner.email,
      provider: owner.provider,
      providerId: owner.providerId,
    },
    consumer:
      owner.consumerId === undefined
        ? undefined
        : { consumerId: owner.consumerId, appName: owner.appName, developerEmail: owner.developerEmail },
  };
}
