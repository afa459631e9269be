/**
 * The generated API documents of a version (Swagger 2.0, OpenAPI 3.1) with the checks and filters of
 * the docs routes, shared by the Swagger endpoint and the OpenAPI route next to it.
 */
import { openApiDocument } from '../../docs/openapi.js';
import { filterEndpoints } from '../../docs/resource-docs.js';
import { swaggerDocument } from '../../docs/swagger.js';
import type { Endpoint } from '../endpoint.js';
import { cached, servedEndpoints } from './docs-source.js';
import { checkLocale, parseDocsQuery, requestedVersion } from './docs-query.js';

const builders = { swagger: swaggerDocument, openapi: openApiDocument };
export type ApiDocumentFormat = keyof typeof builders;

export function apiDocument(
  format: ApiDocumentFormat,
  endpoints: readonly Endpoint[],
  rawVersion: string,
  rawQuery: Record<string, unknown>,
  hostname: string,
): unknown {
  const version = requestedVersion(rawVersion, ` Current Version is ${rawVersion}`);
  const query = parseDocsQuery(rawQuery);
  checkLocale(query.locale);
  const served = query.apiCollectionId === undefined ? servedEndpoints(endpoints, version) : [];
  return cached(endpoints, [format, version, hostname, query.apiCollectionId !== undefined, query.filters], () =>
    builders[format](filterEndpoints(served, query.filters), { version, hostname }),
  );
}
