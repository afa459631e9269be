/**
 * `POST /my/logins/direct` (outside the version prefix) and `DELETE /my/logins/direct`, which revokes
 * the presented token (beyond OBP: its tokens otherwise live until they expire).
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { directLoginFromHeaders, loginParams, validateLoginParams, validateTokenParams } from '../domain/auth/direct-login.js';
import { newToken, tokenHash, unusablePasswordHash, verifyPassword } from '../domain/auth/secrets.js';
import { obpError } from '../errors/obp-error.js';
import type { Store } from '../store/index.js';
import { directLoginKind } from './authenticate.js';

const weekMs = 7 * 24 * 3600 * 1000;

export function registerDirectLogin(fastify: FastifyInstance, config: Config, store: Store): void {
  const props = config.props;

  fastify.post('/my/logins/direct', async (request, reply) => {
    const { username, password, consumerKey } = validateLoginParams(loginParams(request.headers));
    const consumer = await store.consumers.getByKey(consumerKey);
    if (props.directLoginConsumerKeyMandatory && (!consumer || !consumer.enabled)) throw obpError('OBP-20008');
    const user = await store.users.getForLogin(config.localIdentityProvider, username);
    if (user && (user.locked || user.badLoginAttempts > props.maxBadLoginAttempts)) {
      await store.users.recordBadLogin(user.userId);
      throw obpError('OBP-20013');
    }
    const ok = await verifyPassword(password, user?.passwordHash ?? unusablePasswordHash);
    if (!user || !ok || !user.validated) {
      if (user) await store.users.recordBadLogin(user.userId);
      throw obpError('OBP-20004');
    }
    if (user.badLoginAttempts > 0) await store.users.resetBadLogins(user.userId);
    const token = newToken();
    await store.tokens.insert({
      tokenHash: tokenHash(token),
      kind: directLoginKind,
      userId: user.userId,
      consumerId: consumer?.consumerId,
      expiresAt: Date.now() + props.tokenExpirationWeeks * weekMs,
    });
    return reply.code(201).send({ token });
  });

  fastify.delete('/my/logins/direct', async (request, reply) => {
    const params = directLoginFromHeaders(request.headers);
    if (!params) throw obpError('OBP-20001');
    const token = validateTokenParams(params);
    const revoked = await store.tokens.revoke(tokenHash(token));
    if (!revoked) throw obpError('OBP-20003', token);
    return reply.code(204).send();
  });
}
