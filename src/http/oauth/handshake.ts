/**
 * `POST /oauth/initiate` and `POST /oauth/token`: OBP's form-encoded replies (also for failures, as
 * plain text with OBP's status), the checks in OBP's order. The nonce is remembered only once the
 * signature holds, so unsigned requests cannot fill the nonce table.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import {
  callbackOf,
  headerProblem,
  invalidConsumer,
  invalidRequestToken,
  invalidSignature,
  nonceUsed,
  parseOAuthHeader,
  randomKey,
  requestTokenLifetimeMs,
  signatureMatches,
  timestampProblem,
  type OAuthParams,
  type OAuthStep,
} from '../../domain/auth/oauth.js';
import { tokenHash } from '../../domain/auth/secrets.js';
import type { Consumer } from '../../domain/model.js';
import { ObpError, plainError } from '../../errors/obp-error.js';
import type { Store } from '../../store/index.js';
import { oauthAccessKind } from './resource.js';

const weekMs = 7 * 24 * 3600 * 1000;
const formType = 'application/x-www-form-urlencoded';

function reply(res: FastifyReply, status: number, text: string): FastifyReply {
  return res.code(status).type(formType).send(text);
}

/** The header checks up to the consumer and the timestamp, shared by both steps. */
async function checkedRequest(
  request: FastifyRequest,
  store: Store,
  step: OAuthStep,
): Promise<{ params: OAuthParams; consumer: Consumer }> {
  const parsed = parseOAuthHeader(request.headers.authorization ?? '');
  const problem = headerProblem(parsed, step);
  if (problem) throw problem;
  const params = parsed.params;
  const consumer = await store.consumers.getByKey(params.oauth_consumer_key!);
  if (!consumer || !consumer.enabled) throw invalidConsumer();
  const late = timestampProblem(params.oauth_timestamp!, Date.now());
  if (late) throw late;
  return { params, consumer };
}

export function registerHandshake(fastify: FastifyInstance, config: Config, store: Store): void {
  const signed = (request: FastifyRequest, params: OAuthParams, consumer: Consumer, tokenSecret: string) =>
    signatureMatches({
      method: request.method,
      hostname: config.hostname,
      url: request.url,
      params,
      consumerSecret: consumer.secret,
      tokenSecret,
    });
  const remember = async (params: OAuthParams, consumer: Consumer) => {
    if (!(await store.oauth.useNonce(consumer.consumerId, Number(params.oauth_timestamp), params.oauth_nonce!, Date.now())))
      throw nonceUsed();
  };

  // The protocol lives in the header: a body is never read (nor refused).
  fastify.register((scope, _options, registered) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    scope.setErrorHandler((error, _request, res) => {
      if (error instanceof ObpError) return reply(res, error.status, error.message);
      res.log.error({ err: error }, 'unhandled error');
      return reply(res, 500, 'Internal server error');
    });

    scope.post('/oauth/initiate', async (request, res) => {
      const { params, consumer } = await checkedRequest(request, store, 'initiate');
      const callback = callbackOf(params.oauth_callback!);
      if (callback === undefined) throw plainError(400, 'Invalid callback URL');
      if (!signed(request, params, consumer, '')) throw invalidSignature();
      await remember(params, consumer);
      const token = randomKey();
      const secret = randomKey();
      await store.oauth.insertRequestToken({
        tokenHash: tokenHash(token),
        secret,
        consumerId: consumer.consumerId,
        callback,
        expiresAt: Date.now() + requestTokenLifetimeMs,
      });
      return reply(res, 200, `oauth_token=${token}&oauth_token_secret=${secret}&oauth_callback_confirmed=true`);
    });

    scope.post('/oauth/token', async (request, res) => {
      const { params, consumer } = await checkedRequest(request, store, 'token');
      const token = params.oauth_token!;
      const hash = tokenHash(token);
      const verifierHash = tokenHash(params.oauth_verifier!);
      const now = Date.now();
      const requestToken = await store.oauth.getRequestToken(hash);
      const usable =
        requestToken &&
        requestToken.consumerId === consumer.consumerId &&
        requestToken.expiresAt > now &&
        requestToken.userId !== undefined &&
        requestToken.verifierHash === verifierHash;
      if (!usable) throw invalidRequestToken(token);
      if (!signed(request, params, consumer, requestToken.secret)) throw invalidSignature();
      await remember(params, consumer);
      const access = randomKey();
      const secret = randomKey();
      // one statement takes the request token: of parallel exchanges of one verifier, one wins
      const issued = await store.transaction(async (tx) => {
        const taken = await tx.oauth.consumeRequestToken(hash, consumer.consumerId, verifierHash, now);
        if (!taken) return false;
        await tx.tokens.insert({
          tokenHash: tokenHash(access),
          kind: oauthAccessKind,
          userId: taken.userId,
          consumerId: consumer.consumerId,
          expiresAt: now + config.props.tokenExpirationWeeks * weekMs,
          secret,
        });
        return true;
      });
      if (!issued) throw invalidRequestToken(token);
      return reply(res, 200, `oauth_token=${access}&oauth_token_secret=${secret}`);
    });
    registered();
  });
}
