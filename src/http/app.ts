/**
 * Server assembly: parsers, error rendering, OBP headers, metrics, and the routes computed from the
 * endpoint declarations. Nothing here knows about a particular endpoint.
 */
import { randomUUID } from 'node:crypto';
import Fastify, {
  LogController,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RequestPayload,
} from 'fastify';
import type { Config } from '../config.js';
import type { Endpoint } from '../api/endpoint.js';
import { catalogueMessage, obpError, ObpError, renderStatus } from '../errors/obp-error.js';
import type { Store } from '../store/index.js';
import { anonymous, type Caller } from './caller.js';
import { createAuthenticator } from './authenticate.js';
import { clientErrorHandler } from './client-errors.js';
import { bodyLimitOf, guardLargeBody } from './body-limits.js';
import { readJsonBody } from './json-body.js';
import { parseQueryString } from './query-string.js';
import { createMetricsRecorder } from './metrics-recorder.js';
import { buildContext } from './context.js';
import { etagFor } from './etag.js';
import { Serialized } from '../json/serialized.js';
import { mountedRoutes } from './route-table.js';
import { createServices, type BootFacts, type Services } from './services.js';
import { createLogger, logCall, logsCalls, type Logger } from './logger.js';
import { registerDirectLogin } from './direct-login-route.js';
import { registerExplorer } from '../explorer/routes.js';
import { registerOpenApi } from './openapi-route.js';
import { registerOAuth } from './oauth/index.js';
import { registerConsumerRegistration } from './consumer-registration/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller;
    endpoint: Endpoint | undefined;
  }
  interface FastifyContextConfig {
    endpoint?: Endpoint;
  }
}

export interface App {
  fastify: FastifyInstance;
  services: Services;
}

function wwwAuthenticate(config: Config): string {
  const host = config.hostname;
  return `OAuth realm="${host}", Bearer realm="${host}", DirectLogin realm="${host}"`;
}

export interface AppOptions extends BootFacts {
  /** the process logger; by default one for config.logLevel */
  logger?: Logger;
}

export function buildApp(config: Config, store: Store, endpoints: readonly Endpoint[], options: AppOptions = {}): App {
  const fastify = Fastify({
    loggerInstance: options.logger ?? createLogger(config.logLevel),
    bodyLimit: config.bodyLimitBytes,
    routerOptions: {
      // OBP ids may be up to 255 characters (and percent-encoded): the router must not refuse them first.
      maxParamLength: 2048,
      // OBP's web framework reads `//` as `/`; some clients send `/obp/v2.1.0//banks`.
      ignoreDuplicateSlashes: true,
      querystringParser: parseQueryString,
    },
    // Slow clients must not hold memory and sockets: the whole request has to arrive in time
    // (Node checks every second; its default of 30 s would let a request overstay by as much).
    requestTimeout: config.requestTimeoutMs,
    http: {
      headersTimeout: Math.min(headersTimeoutMs, config.requestTimeoutMs),
      connectionsCheckingInterval: 1000,
      maxHeaderSize,
    },
    clientErrorHandler: clientErrorHandler({ requestTimeoutMs: config.requestTimeoutMs, maxHeaderBytes: maxHeaderSize }),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Fastify's two lines per call are replaced by one compact line (logCall), only at level info.
    logController: new LogController({ disableRequestLogging: true }),
    // Requests already on their way during a shutdown are served (the store closes after the last one)
    // rather than answered with Fastify's own 503 body.
    return503OnClosing: false,
    // Malformed URLs (bad percent-encoding) never reach a route: answer them as OBP does, not with Fastify's body.
    frameworkErrors: (_error, _request, reply: FastifyReply) => {
      void reply
        .code(400)
        .header('Access-Control-Allow-Origin', '*')
        .send({ code: 400, message: catalogueMessage('OBP-10017') });
    },
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: true, allErrors: false } },
  });
  const metrics = createMetricsRecorder(store, fastify.log);
  const services = createServices(config, store, metrics, fastify.log, options);
  const logCalls = logsCalls(fastify.log);
  const authenticate = createAuthenticator(store, config);
  fastify.addHook('onClose', async () => metrics.close());

  fastify.decorateRequest('caller', null as unknown as Caller);
  fastify.decorateRequest('endpoint', undefined);

  // OBP parses bodies whatever the content type says; an empty body is "no body", not an error.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (request: FastifyRequest, payload: RequestPayload) =>
    readJsonBody(payload, request.headers['content-length'], request.routeOptions.bodyLimit ?? config.bodyLimitBytes),
  );

  // Callback-style hooks: they run on every call and need no promise.
  fastify.addHook('onRequest', (request, reply, done) => {
    request.caller = anonymous;
    reply.header('Access-Control-Allow-Origin', '*');
    reply.header('Correlation-Id', request.id);
    done();
  });

  fastify.addHook('onResponse', (request, reply, done) => {
    const endpoint = request.endpoint;
    const { user, consumer } = request.caller;
    metrics.record({
      date: Date.now(),
      userId: user?.userId ?? '',
      userName: user?.username ?? '',
      developerEmail: consumer?.developerEmail ?? '',
      appName: consumer?.appName ?? '',
      consumerId: consumer ? String(consumer.consumerId) : '',
      url: request.url,
      verb: request.method,
      implementedByPartialFunction: endpoint?.functionName ?? '',
      implementedInVersion: endpoint?.implementedIn ?? '',
      correlationId: request.id,
      duration: Math.round(reply.elapsedTime),
      status: reply.statusCode,
    });
    if (logCalls) logCall(request, reply);
    done();
  });

  fastify.setErrorHandler((error: FastifyError | ObpError, request: FastifyRequest, reply: FastifyReply) => {
    const style = request.endpoint?.style ?? 'new';
    let obp: ObpError;
    if (error instanceof ObpError) obp = error;
    else if (error.validation || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      obp = obpError('OBP-10001');
    } else if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      obp = obpError('OBP-10001');
    } else {
      request.log.error({ err: error, correlationId: request.id, url: request.url }, 'unhandled error');
      obp = obpError('OBP-50000');
    }
    const status = obp.status === 413 ? 413 : renderStatus(obp, style);
    if (status === 401) reply.header('WWW-Authenticate', wwwAuthenticate(config));
    // A body refused before it was read in full is not worth receiving: the connection ends here.
    if (!request.raw.complete) reply.header('Connection', 'close');
    return reply.code(status).send({ code: status, message: obp.message });
  });

  fastify.setNotFoundHandler((request, reply) => {
    const err = obpError('OBP-10404');
    return reply.code(404).send({ code: 404, message: err.message });
  });

  registerDirectLogin(fastify, config, store);
  registerExplorer(fastify, config);
  registerOpenApi(fastify, config, endpoints, authenticate);
  registerOAuth(fastify, config, store);
  registerConsumerRegistration(fastify, config, store);

  for (const route of mountedRoutes(endpoints)) {
    const { endpoint, url } = route;
    fastify.route({
      method: endpoint.verb,
      url,
      config: { endpoint },
      // before the body is read, so that a refused body is answered in the endpoint's style
      // (request.routeOptions would build a frozen copy of the route's options on every call)
      onRequest: (request, _reply, done) => {
        request.endpoint = endpoint;
        done();
      },
      schema: endpoint.body ? { body: endpoint.body } : {},
      bodyLimit: bodyLimitOf(endpoint, config),
      ...(endpoint.bodyLimit === 'large' && {
        preParsing: async (request: FastifyRequest, _reply: FastifyReply, payload: RequestPayload) => {
          await guardLargeBody(request, endpoint, config, authenticate, store);
          return payload;
        },
      }),
      // callback style: a caller known at once (anonymous, or a cached token) costs no promise
      preValidation: (request, _reply, done) => {
        const admit = (caller: Caller) => {
          request.caller = caller;
          if (endpoint.auth === 'user' && !caller.user) throw obpError('OBP-20001');
        };
        try {
          const caller = authenticate(request, endpoint.style);
          if (caller instanceof Promise) caller.then(admit).then(() => done(), done);
          else {
            admit(caller);
            done();
          }
        } catch (err) {
          done(err as Error);
        }
      },
      handler: async (request, reply) => {
        const ctx = buildContext(request, reply, endpoint, store, config, services, endpoints);
        if (endpoint.roles?.check === 'auto') await ctx.requireRoles();
        const result = await endpoint.handler(ctx);
        if (endpoint.successStatus === 204) return reply.code(204).send();
        const serialized = result instanceof Serialized ? result.json : undefined;
        if (endpoint.style === 'new' && endpoint.verb === 'GET') {
          const payload = serialized ?? JSON.stringify(result);
          const tag = etagFor(request.url, payload);
          reply.header('ETag', tag);
          if (request.headers['if-none-match'] === tag) return reply.code(304).send();
          return reply.code(endpoint.successStatus).type('application/json; charset=utf-8').send(payload);
        }
        if (serialized !== undefined)
          return reply.code(endpoint.successStatus).type('application/json; charset=utf-8').send(serialized);
        return reply.code(endpoint.successStatus).send(result);
      },
    });
  }
  return { fastify, services };
}

/** Node's default; the router refuses longer paths earlier, with OBP-10017. */
const maxHeaderSize = 16 * 1024;
const headersTimeoutMs = 10_000;
