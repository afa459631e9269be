/**
 * The Swagger 2.0 document for a version, built from the same declarations (and the same resource
 * docs) as the OBP-format docs. OBP path placeholders become `{PLACEHOLDER}` path parameters.
 */
import { isPlaceholder, type ApiVersion, type Endpoint } from '../api/endpoint.js';
import { isErrorCode, obpError, plainError, renderStatus } from '../errors/obp-error.js';
import { bodySchema } from './json-schema.js';
import { errorResponseBodies, resourceDoc } from './resource-docs.js';
import { toSwaggerSchema } from './swagger-schema.js';

export interface SwaggerOptions {
  version: ApiVersion;
  /** public base URL of this server, e.g. https://api.example.com */
  hostname: string;
}

type Json = { [key: string]: unknown };

const securityName = 'directLogin';

/** `/banks/BANK_ID/accounts` → `/banks/{BANK_ID}/accounts` */
export function swaggerPath(path: string): string {
  return path
    .split('/')
    .map((s) => (isPlaceholder(s) ? `{${s}}` : s))
    .join('/');
}

export function pathParameters(path: string): string[] {
  return path.split('/').filter(isPlaceholder);
}

function errorStatus(message: string, style: Endpoint['style']): number {
  const code = /^(OBP-\d+)/.exec(message)?.[1];
  return renderStatus(code && isErrorCode(code) ? obpError(code) : plainError(400, message), style);
}

function errorResponses(endpoint: Endpoint): Record<string, Json> {
  const byStatus = new Map<number, string[]>();
  for (const message of errorResponseBodies(endpoint)) {
    const status = errorStatus(message, endpoint.style);
    byStatus.set(status, [...(byStatus.get(status) ?? []), message]);
  }
  const responses: Record<string, Json> = {};
  for (const [status, messages] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: messages.join('\n'),
      schema: { $ref: '#/definitions/ErrorMessage' },
      examples: { 'application/json': { code: status, message: messages[0] } },
    };
  }
  return responses;
}

function operation(endpoint: Endpoint, version: ApiVersion): Json {
  const doc = resourceDoc(endpoint, version);
  const parameters: Json[] = pathParameters(endpoint.path).map((name) => ({
    name,
    in: 'path',
    required: true,
    type: 'string',
    description: `The ${name}`,
  }));
  if (endpoint.body || (endpoint.example.request !== undefined && endpoint.example.request !== null)) {
    const schema = toSwaggerSchema(bodySchema(endpoint.body, endpoint.example.request));
    if (endpoint.example.request !== undefined) schema.example = endpoint.example.request;
    parameters.push({ name: 'body', in: 'body', required: true, schema });
  }
  const success: Json = { description: 'Success' };
  if (endpoint.successStatus !== 204) {
    success.schema = toSwaggerSchema(doc.typed_success_response_body);
    if (endpoint.example.response !== undefined) success.examples = { 'application/json': endpoint.example.response };
  }
  const op: Json = {
    tags: doc.tags,
    summary: doc.summary,
    description: doc.description,
    operationId: doc.operation_id,
    parameters,
    responses: { [String(endpoint.successStatus)]: success, ...errorResponses(endpoint) },
  };
  // `optional` documents both ways of calling: with credentials and without.
  if (endpoint.auth === 'user') op.security = [{ [securityName]: [] }];
  if (endpoint.auth === 'optional') op.security = [{ [securityName]: [] }, {}];
  return op;
}

export function swaggerDocument(endpoints: readonly Endpoint[], options: SwaggerOptions): Json {
  const url = new URL(options.hostname);
  const paths: Record<string, Record<string, Json>> = {};
  for (const endpoint of endpoints) {
    const key = swaggerPath(endpoint.path);
    paths[key] ??= {};
    paths[key][endpoint.verb.toLowerCase()] = operation(endpoint, options.version);
  }
  const tags = [...new Set(endpoints.flatMap((e) => e.tags))].map((name) => ({ name }));
  return {
    swagger: '2.0',
    info: {
      title: 'Open Bank Project API',
      version: options.version,
      description: `Open Bank Project API ${options.version}, generated from this server's endpoint declarations.`,
    },
    host: url.host,
    basePath: `/obp/${options.version}`,
    schemes: [url.protocol.replace(/:$/, '')],
    consumes: ['application/json'],
    produces: ['application/json'],
    securityDefinitions: {
      [securityName]: {
        type: 'apiKey',
        in: 'header',
        name: 'DirectLogin',
        description: 'DirectLogin token: `DirectLogin: token=<token>` (obtain one from POST /my/logins/direct)',
      },
    },
    tags,
    paths,
    definitions: {
      ErrorMessage: {
        type: 'object',
        required: ['code', 'message'],
        properties: { code: { type: 'integer' }, message: { type: 'string' } },
      },
    },
  };
}
