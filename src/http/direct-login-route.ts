/**
 * `POST /my/logins/direct` (outside the version prefix) and `DELETE /my/logins/direct`, which revokes
 * the presented token (beyond OBP: its tokens otherwise live until they expire).
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { directLoginFromHeaders, loginParams, validateLoginParams, validateTokenParams } from '../domain/auth/direct-login.js';
import { newToken, tokenHash } from '../domain/auth/secrets.js';
import { obpError } from '../errors/obp-error.js';
import type { Store } from '../store/index.js';
import { directLoginKind } from './authenticate.js';
import { checkPassword } from './password-login.js';

const weekMs = 7 * 24 * 3600 * 1000;

export function registerDirectLogin(fastify: FastifyInstance, config: Config, store: Store): void {
  const props = config.props;

  // OBP reads DirectLogin credentials from the header only and never looks at the body, so a body
  // (JSON or not) must not fail the login: this route has a parser of its own that leaves it unread.
  fastify.register((scope, _options, registered) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    scope.post('/my/logins/direct', async (request, reply) => {
      // the unread body is not worth receiving: the connection ends with this answer
      if ((request.headers['content-length'] ?? '0') !== '0' || request.headers['transfer-encoding'] !== undefined) {
        reply.header('Connection', 'close');
      }
      const { username, password, consumerKey } = validateLoginParams(loginParams(request.headers));
      const consumer = await store.consumers.getByKey(consumerKey);
      if (props.directLoginConsumerKeyMandatory && (!consumer || !consumer.enabled)) throw obpError('OBP-20008');
      const user = await checkPassword(store, config, username, password);
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
    registered();
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
