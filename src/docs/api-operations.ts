/**
 * What the Swagger 2.0 and the OpenAPI 3.1 documents say about each endpoint, in neither format: the
 * templated path, path parameters, typed bodies with their examples, the success response, the error
 * responses grouped by the status they are sent with, and who may call. Both formats are built from
 * this (itself built from the resource docs), so they cannot disagree; each only spells it out.
 */
import { isPlaceholder, type ApiVersion, type AuthRequirement, type Endpoint } from '../api/endpoint.js';
import { isErrorCode, obpError, plainError, renderStatus } from '../errors/obp-error.js';
import { bodySchema, type JsonSchema } from './json-schema.js';
import { errorResponseBodies, resourceDoc, type ResourceDocJson } from './resource-docs.js';

export interface PathParameter {
  name: string;
  description: string;
}

export interface TypedBody {
  schema: JsonSchema;
  /** absent when the declaration gives none */
  example?: unknown;
}

export interface ErrorResponse {
  status: number;
  /** the full OBP texts, in the declaration's order */
  messages: string[];
}

export interface DocOperation {
  endpoint: Endpoint;
  doc: ResourceDocJson;
  /** `/banks/{BANK_ID}/accounts` */
  path: string;
  /** lower-case HTTP method */
  method: string;
  pathParameters: PathParameter[];
  requestBody?: TypedBody;
  success: { status: number; body?: TypedBody };
  /** by ascending status */
  errors: ErrorResponse[];
}

/** The body of every OBP error. */
export const errorMessageSchema: JsonSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: { code: { type: 'integer' }, message: { type: 'string' } },
};

export const directLoginDescription = 'DirectLogin token: `DirectLogin: token=<token>` (obtain one from POST /my/logins/direct)';

export const documentTitle = 'Open Bank Project API';

export function documentDescription(version: ApiVersion): string {
  return `Open Bank Project API ${version}, generated from this server's endpoint declarations.`;
}

/** `/banks/BANK_ID/accounts` → `/banks/{BANK_ID}/accounts` */
export function templatedPath(path: string): string {
  return path
    .split('/')
    .map((s) => (isPlaceholder(s) ? `{${s}}` : s))
    .join('/');
}

function errorStatus(message: string, style: Endpoint['style']): number {
  const code = /^(OBP-\d+)/.exec(message)?.[1];
  return renderStatus(code && isErrorCode(code) ? obpError(code) : plainError(400, message), style);
}

function errorResponses(endpoint: Endpoint): ErrorResponse[] {
  const byStatus = new Map<number, string[]>();
  for (const message of errorResponseBodies(endpoint)) {
    const status = errorStatus(message, endpoint.style);
    byStatus.set(status, [...(byStatus.get(status) ?? []), message]);
  }
  return [...byStatus].sort(([a], [b]) => a - b).map(([status, messages]) => ({ status, messages }));
}

function hasRequestBody(endpoint: Endpoint): boolean {
  return endpoint.body !== undefined || (endpoint.example.request !== undefined && endpoint.example.request !== null);
}

export function docOperation(endpoint: Endpoint, version: ApiVersion): DocOperation {
  const doc = resourceDoc(endpoint, version);
  const request = endpoint.example.request;
  const response = endpoint.example.response;
  return {
    endpoint,
    doc,
    path: templatedPath(endpoint.path),
    method: endpoint.verb.toLowerCase(),
    pathParameters: endpoint.path
      .split('/')
      .filter(isPlaceholder)
      .map((name) => ({ name, description: `The ${name}` })),
    ...(hasRequestBody(endpoint) && {
      requestBody: { schema: bodySchema(endpoint.body, request), ...(request !== undefined && { example: request }) },
    }),
    success: {
      status: endpoint.successStatus,
      ...(endpoint.successStatus !== 204 && {
        body: { schema: doc.typed_success_response_body, ...(response !== undefined && { example: response }) },
      }),
    },
    errors: errorResponses(endpoint),
  };
}

export function docOperations(endpoints: readonly Endpoint[], version: ApiVersion): DocOperation[] {
  return endpoints.map((e) => docOperation(e, version));
}

/** Every tag in order of first use. */
export function docTags(endpoints: readonly Endpoint[]): { name: string }[] {
  return [...new Set(endpoints.flatMap((e) => e.tags))].map((name) => ({ name }));
}

/**
 * Security requirements for an auth rule, each scheme one alternative: none for anonymous endpoints;
 * `optional` documents both ways of calling, with credentials and without (the empty requirement).
 */
export function securityRequirements(auth: AuthRequirement, schemes: readonly string[]): Record<string, string[]>[] | undefined {
  if (auth === 'none') return undefined;
  const alternatives = schemes.map((name) => ({ [name]: [] as string[] }));
  return auth === 'optional' ? [...alternatives, {}] : alternatives;
}
