/**
 * The OpenAPI 3.1 document for a version: the shared operations (api-operations.ts) spelled out in
 * OpenAPI's syntax. OpenAPI 3.1 schemas are JSON Schema, so the TypeBox and inferred schemas go in as
 * they are (unlike Swagger 2.0, which needs them narrowed).
 */
import type { ApiVersion, Endpoint } from '../api/endpoint.js';
import { requiresBankId } from '../domain/roles.js';
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
  type TypedBody,
} from './api-operations.js';

export interface OpenApiOptions {
  version: ApiVersion;
  /** public base URL of this server, e.g. https://api.example.com */
  hostname: string;
}

type Json = { [key: string]: unknown };

const directLogin = 'directLogin';
const oauth1 = 'oauth1';
const json = 'application/json';

const securitySchemes: Json = {
  [directLogin]: { type: 'apiKey', in: 'header', name: 'DirectLogin', description: directLoginDescription },
  // OpenAPI has no OAuth 1.0a flow type; `OAuth` is the HTTP authentication scheme of RFC 5849.
  [oauth1]: {
    type: 'http',
    scheme: 'OAuth',
    description:
      'OAuth 1.0a (RFC 5849), HMAC-SHA1 or HMAC-SHA256: get a request token from `POST /oauth/initiate`, have the user ' +
      'authorise it at `GET /oauth/authorize`, exchange it at `POST /oauth/token`, then sign each call with ' +
      '`Authorization: OAuth oauth_consumer_key=…, oauth_token=…, oauth_signature=…`.',
  },
};

function mediaType(body: TypedBody): Json {
  return { schema: body.schema, ...('example' in body && { example: body.example }) };
}

function errorResponse({ status, messages }: ErrorResponse): Json {
  const examples: Record<string, Json> = {};
  messages.forEach((message, i) => {
    const code = /^(OBP-\d+)/.exec(message)?.[1];
    const name = code && !(code in examples) ? code : `error-${i + 1}`;
    examples[name] = { value: { code: status, message } };
  });
  return {
    description: messages.join('\n'),
    content: { [json]: { schema: { $ref: '#/components/schemas/ErrorMessage' }, examples } },
  };
}

/** "`CanA` at the bank, or `CanB` and `CanC`" — one alternative is enough, every role of it needed. */
function rolesText(endpoint: Endpoint): string | undefined {
  const rule = endpoint.roles;
  if (!rule) return undefined;
  const alternatives = rule.anyOf.map((set) =>
    set.map((role) => `\`${role}\`${requiresBankId(role) ? ' at the bank' : ''}`).join(' and '),
  );
  const views = rule.orViewPermissions?.map((p) => `\`${p}\``).join(' or ');
  if (views) alternatives.push(`a view of the account with ${views}`);
  const condition = rule.condition ? ` (${rule.condition})` : '';
  const refusal = rule.refusal ? ` Missing: \`${rule.refusal}\`.` : '';
  return `**Required roles**${condition}: ${alternatives.join(', or ')}.${refusal}`;
}

function operation(op: DocOperation): Json {
  const roles = rolesText(op.endpoint);
  const security = securityRequirements(op.endpoint.auth, [directLogin, oauth1]);
  return {
    tags: op.doc.tags,
    summary: op.doc.summary,
    // OpenAPI descriptions are CommonMark: the declaration's own Markdown, not the rendered HTML.
    description: roles ? `${op.doc.description_markdown}\n\n${roles}` : op.doc.description_markdown,
    operationId: op.doc.operation_id,
    parameters: op.pathParameters.map(({ name, description }) => ({
      name,
      in: 'path',
      required: true,
      description,
      schema: { type: 'string' },
    })),
    ...(op.requestBody && { requestBody: { required: true, content: { [json]: mediaType(op.requestBody) } } }),
    responses: {
      [String(op.success.status)]: {
        description: 'Success',
        ...(op.success.body && { content: { [json]: mediaType(op.success.body) } }),
      },
      ...Object.fromEntries(op.errors.map((e) => [String(e.status), errorResponse(e)])),
    },
    ...(security && { security }),
    ...(op.doc.roles && { 'x-obp-roles': op.doc.roles }),
    'x-obp-implemented-by': op.doc.implemented_by,
  };
}

export function openApiDocument(endpoints: readonly Endpoint[], options: OpenApiOptions): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const op of docOperations(endpoints, options.version)) {
    (paths[op.path] ??= {})[op.method] = operation(op);
  }
  return {
    openapi: '3.1.0',
    info: { title: documentTitle, version: options.version, description: documentDescription(options.version) },
    servers: [{ url: `${options.hostname}/obp/${options.version}` }],
    tags: docTags(endpoints),
    paths,
    components: { schemas: { ErrorMessage: errorMessageSchema }, securitySchemes },
  };
}
