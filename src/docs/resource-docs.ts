/**
 * OBP resource docs generated from the endpoint declarations: nothing here is written per endpoint, so
 * the docs list exactly what the route table serves. Pure functions; callers cache the results.
 */
import type { ApiVersion, Endpoint } from '../api/endpoint.js';
import { requiresBankId } from '../domain/roles.js';
import { catalogueMessage, isErrorCode } from '../errors/obp-error.js';
import { bodySchema, type JsonSchema } from './json-schema.js';
import { renderMarkdown } from './markdown.js';

export interface ResourceDocRole {
  role: string;
  requires_bank_id: boolean;
}

export interface ResourceDocJson {
  operation_id: string;
  implemented_by: { version: string; function: string };
  request_verb: string;
  request_url: string;
  summary: string;
  description: string;
  description_markdown: string;
  example_request_body: unknown;
  success_response_body: unknown;
  error_response_bodies: string[];
  tags: string[];
  typed_request_body: JsonSchema;
  typed_success_response_body: JsonSchema;
  roles?: ResourceDocRole[];
  is_featured: boolean;
  special_instructions: string;
  specified_url: string;
  connector_methods: string[];
  created_by_bank_id?: string;
}

export interface DocFilters {
  /** keep endpoints carrying any of these tags */
  tags?: readonly string[];
  /** keep endpoints implemented by one of these functions */
  functions?: readonly string[];
  /** dynamic endpoints only: this server has none */
  content: 'static' | 'dynamic' | 'all';
}

const notLoggedIn = 'OBP-20001';
const missingRoles = 'OBP-20006';
const unknownError = 'OBP-50000';

/**
 * The declared failures plus those the declaration implies, as OBP adds them to its docs: login
 * failure first when login is required, missing roles after it, the unknown error always present.
 * Codes become their catalogue text; plain strings are OBP's own texts and stay as they are.
 */
export function errorResponseBodies(endpoint: Endpoint): string[] {
  const codes = [...new Set(endpoint.errors)];
  if (endpoint.auth === 'user' && !codes.includes(notLoggedIn)) codes.unshift(notLoggedIn);
  const missing = endpoint.roles?.refusal ?? missingRoles;
  if (endpoint.roles && !codes.includes(missing)) codes.splice(codes.indexOf(notLoggedIn) + 1, 0, missing);
  if (!codes.includes(unknownError)) codes.push(unknownError);
  return codes.map((code) => (isErrorCode(code) ? catalogueMessage(code) : code));
}

/** Every role that appears in any alternative, once. */
export function docRoles(endpoint: Endpoint): ResourceDocRole[] {
  const names = [...new Set(endpoint.roles?.anyOf.flat() ?? [])];
  return names.map((role) => ({ role, requires_bank_id: requiresBankId(role) }));
}

export function resourceDoc(endpoint: Endpoint, version: ApiVersion): ResourceDocJson {
  const roles = docRoles(endpoint);
  return {
    operation_id: endpoint.operationId,
    implemented_by: { version: `OBP${endpoint.implementedIn}`, function: endpoint.functionName },
    request_verb: endpoint.verb,
    request_url: endpoint.path,
    summary: endpoint.summary,
    description: renderMarkdown(endpoint.description),
    description_markdown: endpoint.description,
    example_request_body: endpoint.example.request ?? {},
    success_response_body: endpoint.example.response ?? {},
    error_response_bodies: errorResponseBodies(endpoint),
    tags: [...endpoint.tags],
    typed_request_body: bodySchema(endpoint.body, endpoint.example.request),
    typed_success_response_body: bodySchema(endpoint.response, endpoint.example.response),
    ...(roles.length > 0 ? { roles } : {}),
    is_featured: false,
    special_instructions: '',
    specified_url: `/obp/${version}${endpoint.path}`,
    connector_methods: [],
  };
}

export function filterEndpoints(endpoints: readonly Endpoint[], filters: DocFilters): Endpoint[] {
  if (filters.content === 'dynamic') return [];
  const tags = filters.tags && filters.tags.length > 0 ? new Set(filters.tags) : undefined;
  const functions = filters.functions && filters.functions.length > 0 ? new Set(filters.functions) : undefined;
  return endpoints.filter((e) => (!tags || e.tags.some((t) => tags.has(t))) && (!functions || functions.has(e.functionName)));
}

export function resourceDocsJson(endpoints: readonly Endpoint[], version: ApiVersion): { resource_docs: ResourceDocJson[] } {
  return { resource_docs: endpoints.map((e) => resourceDoc(e, version)) };
}
