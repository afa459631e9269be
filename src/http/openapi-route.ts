/**
 * `GET …/resource-docs/API_VERSION/openapi`: the OpenAPI 3.1 document, mounted wherever the Swagger
 * endpoint is and answered under its rules (anonymous, credentials resolved and refused as there, the
 * same version and locale checks, filters, ETag). It is no OBP operation, so it has no declaration of
 * its own: the resource docs, OBP's operation ids and the endpoint count stay OBP's. The Swagger
 * endpoint's description documents it.
 */
import type { FastifyInstance } from 'fastify';
import { apiDocument } from '../api/docs/api-document.js';
import type { Endpoint } from '../api/endpoint.js';
import type { Config } from '../config.js';
import type { Authenticate } from './authenticate.js';
import { etagFor } from './etag.js';
import { mountedRoutes } from './route-table.js';

const swaggerFunction = 'getResourceDocsSwagger';

function openApiUrls(endpoints: readonly Endpoint[]): string[] {
  return mountedRoutes(endpoints)
    .filter((r) => r.endpoint.functionName === swaggerFunction)
    .map((r) => r.url.replace(/\/swagger$/, '/openapi'));
}

export function registerOpenApi(
  fastify: FastifyInstance,
  config: Config,
  endpoints: readonly Endpoint[],
  authenticate: Authenticate,
): void {
  for (const url of openApiUrls(endpoints)) {
    fastify.get<{ Params: { API_VERSION: string }; Querystring: Record<string, string> }>(url, async (request, reply) => {
      request.caller = await authenticate(request, 'new');
      const document = apiDocument('openapi', endpoints, request.params.API_VERSION, request.query, config.hostname);
      const payload = JSON.stringify(document);
      const tag = etagFor(request.url, payload);
      reply.header('ETag', tag);
      if (request.headers['if-none-match'] === tag) return reply.code(304).send();
      return reply.code(200).type('application/json; charset=utf-8').send(payload);
    });
  }
}
