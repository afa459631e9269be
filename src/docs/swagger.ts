/**
 * The Swagger 2.0 document for a version: the shared operations (api-operations.ts) spelled out in
 * Swagger's syntax, with schemas narrowed to its draft-4 subset.
 */
import type { ApiVersion, Endpoint } from '../api/endpoint.js';
import {
  directLoginDescription,
  docOperations,
  docTags,
  documentDescription,
  documentTitle,
  errorMessageSchema,
  securityRequirements,
  type DocOperation,
  type ErrorResponse,
} from './api-operations.js';
import { toSwaggerSchema } from './swagger-schema.js';

export interface SwaggerOptions {
  version: ApiVersion;
  /** public base URL of this server, e.g. https://api.example.com */
  hostname: string;
}

type Json = { [key: string]: unknown };

const securityName = 'directLogin';

function errorResponse({ status, messages }: ErrorResponse): Json {
  return {
    description: messages.join('\n'),
    schema: { $ref: '#/definitions/ErrorMessage' },
    examples: { 'application/json': { code: status, message: messages[0] } },
  };
}

function operation(op: DocOperation): Json {
  const parameters: Json[] = op.pathParameters.map(({ name, description }) => ({
    name,
    in: 'path',
    required: true,
    type: 'string',
    description,
  }));
  if (op.requestBody) {
    const schema = toSwaggerSchema(op.requestBody.schema);
    if ('example' in op.requestBody) schema.example = op.requestBody.example;
    parameters.push({ name: 'body', in: 'body', required: true, schema });
  }
  const success: Json = { description: 'Success' };
  const body = op.success.body;
  if (body) {
    success.schema = toSwaggerSchema(body.schema);
    if ('example' in body) success.examples = { 'application/json': body.example };
  }
  const security = securityRequirements(op.endpoint.auth, [securityName]);
  return {
    tags: op.doc.tags,
    summary: op.doc.summary,
    description: op.doc.description,
    operationId: op.doc.operation_id,
    parameters,
    responses: {
      [String(op.success.status)]: success,
      ...Object.fromEntries(op.errors.map((e) => [String(e.status), errorResponse(e)])),
    },
    ...(security && { security }),
  };
}

export function swaggerDocument(endpoints: readonly Endpoint[], options: SwaggerOptions): Json {
  const url = new URL(options.hostname);
  const paths: Record<string, Record<string, Json>> = {};
  for (const op of docOperations(endpoints, options.version)) {
    (paths[op.path] ??= {})[op.method] = operation(op);
  }
  return {
    swagger: '2.0',
    info: { title: documentTitle, version: options.version, description: documentDescription(options.version) },
    host: url.host,
    basePath: `/obp/${options.version}`,
    schemes: [url.protocol.replace(/:$/, '')],
    consumes: ['application/json'],
    produces: ['application/json'],
    securityDefinitions: {
      [securityName]: { type: 'apiKey', in: 'header', name: 'DirectLogin', description: directLoginDescription },
    },
    tags: docTags(endpoints),
    paths,
    definitions: { ErrorMessage: errorMessageSchema },
  };
}
