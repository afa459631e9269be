/**
 * The endpoint declaration: everything about one OBP operation, written once. The route, body
 * validation, auth and role checks, metrics naming, resource docs and Swagger are all derived from it.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { RoleName } from '../domain/roles.js';
import type { ErrorCode } from '../errors/obp-error.js';
import type { Store } from '../store/index.js';
import type { Caller } from '../http/caller.js';
import type { Services } from '../http/services.js';

export const apiVersions = ['v1.2.1', 'v1.3.0', 'v1.4.0', 'v2.0.0', 'v2.1.0', 'v2.2.0'] as const;
export type ApiVersion = (typeof apiVersions)[number];

/** Upper-case path segments that are placeholders; every other segment is literal (e.g. SANDBOX_TAN). */
export const pathPlaceholders = [
  'BANK_ID',
  'ACCOUNT_ID',
  'VIEW_ID',
  'TRANSACTION_ID',
  'OTHER_ACCOUNT_ID',
  'COUNTERPARTY_ID',
  'PROVIDER',
  'PROVIDER_ID',
  'USER_ID',
  'USER_EMAIL',
  'CUSTOMER_ID',
  'CONSUMER_ID',
  'ENTITLEMENT_ID',
  'COMMENT_ID',
  'TAG_ID',
  'IMAGE_ID',
  'KYC_DOCUMENT_ID',
  'KYC_MEDIA_ID',
  'KYC_CHECK_ID',
  'ATM_ID',
  'BRANCH_ID',
  'PRODUCT_CODE',
  'TRANSACTION_REQUEST_TYPE',
  'TRANSACTION_REQUEST_ID',
  'API_VERSION',
  'QUERY',
] as const;
export type Placeholder = (typeof pathPlaceholders)[number];

type Segments<P extends string> = P extends `/${infer Head}/${infer Tail}`
  ? Head | Segments<`/${Tail}`>
  : P extends `/${infer Last}`
    ? Last
    : never;

/** `/banks/BANK_ID/accounts/ACCOUNT_ID` → `{ BANK_ID: string; ACCOUNT_ID: string }` */
export type PathParams<P extends string> = { [K in Extract<Segments<P>, Placeholder>]: string };

/**
 * Who may call: `user` needs a logged-in user (401 OBP-20001 otherwise); `optional` resolves a user
 * when credentials are sent; `none` is anonymous (credentials are still resolved for metrics).
 */
export type AuthRequirement = 'user' | 'optional' | 'none';

export interface RoleRule {
  /** one complete inner set is enough */
  anyOf: RoleName[][];
  /**
   * `auto`: checked after authentication and body validation, bank roles at the path's BANK_ID.
   * `handler`: the handler decides when (it depends on the body or comes later in OBP's order);
   * the rule is still what the docs show and what `ctx.requireRoles()` checks by default.
   */
  check: 'auto' | 'handler';
  /** shown in the docs, e.g. "only when the body user_id names another user" */
  condition?: string;
  /** the code a failed check answers where OBP answers its own (e.g. OBP-40005), else 403 OBP-20006 */
  refusal?: ErrorCode;
  /** view permissions that grant instead of the roles: held on VIEW_ID through a usable view, any one is enough */
  orViewPermissions?: readonly string[];
}

/** A failure OBP answers with a text that has no OBP code (kept verbatim in the docs). */
export type PlainErrorText = string & Record<never, never>;

export interface Example {
  request?: unknown;
  response?: unknown;
}

export interface Ctx<P extends string, B> {
  params: PathParams<P>;
  body: B;
  query: Record<string, string | undefined>;
  headers: FastifyRequest['headers'];
  caller: Caller;
  store: Store;
  config: Config;
  services: Services;
  /** every declaration the app was built with (what the docs describe) */
  endpoints: readonly Endpoint[];
  request: FastifyRequest;
  reply: FastifyReply;
  /** the logged-in user; throws 401 OBP-20001 when anonymous */
  user(): NonNullable<Caller['user']>;
  /** checks the declared (or given) role rule at `bankId` (default: path BANK_ID, else "") */
  requireRoles(rule?: Pick<RoleRule, 'anyOf' | 'refusal'>, bankId?: string): Promise<void>;
}

export interface EndpointSpec<P extends string, BodySchema extends TSchema | undefined> {
  /** `OBP<implemented-in version>-<function>`, e.g. `OBPv2.0.0-createUser` */
  operationId: `OBP${ApiVersion}-${string}`;
  verb: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** OBP path template relative to the version prefix, written once */
  path: P;
  /**
   * The route OBP actually matches when it differs from the documented `path` (the search proxies
   * take one more segment); docs keep showing `path`.
   */
  route?: string;
  summary: string;
  /** Markdown */
  description: string;
  tags: string[];
  /** OBP's old-style handlers answer 400 for every failure except 401/403 and send no ETag */
  style: 'old' | 'new';
  auth: AuthRequirement;
  roles?: RoleRule;
  /** failures this endpoint can answer besides those implied by auth and roles, in OBP's order */
  errors: (ErrorCode | PlainErrorText)[];
  body?: BodySchema;
  /**
   * `large`: bodies up to OBP_LARGE_BODY_LIMIT_BYTES instead of OBP_BODY_LIMIT_BYTES. A body above the
   * ordinary limit is only read once the caller is logged in and holds the endpoint's roles, so no
   * anonymous or unprivileged client can make the server buffer it.
   */
  bodyLimit?: 'large';
  /** response schema for docs and fast serialisation; docs fall back to the example's shape */
  response?: TSchema;
  example: Example;
  successStatus: 200 | 201 | 202 | 204;
  handler: (ctx: Ctx<P, BodySchema extends TSchema ? Static<BodySchema> : undefined>) => Promise<unknown>;
}

export interface Endpoint extends EndpointSpec<string, TSchema | undefined> {
  implementedIn: ApiVersion;
  functionName: string;
}

export function endpoint<const P extends string, B extends TSchema | undefined = undefined>(spec: EndpointSpec<P, B>): Endpoint {
  const match = /^OBP(v\d+\.\d+\.\d+)-(\w+)$/.exec(spec.operationId);
  if (!match || !(apiVersions as readonly string[]).includes(match[1]!)) {
    throw new Error(`bad operation id ${spec.operationId}`);
  }
  return {
    ...(spec as unknown as EndpointSpec<string, TSchema | undefined>),
    implementedIn: match[1] as ApiVersion,
    functionName: match[2]!,
  };
}

export function isPlaceholder(segment: string): segment is Placeholder {
  return (pathPlaceholders as readonly string[]).includes(segment);
}

/** `/banks/BANK_ID` → `/banks/:BANK_ID` */
export function routerPath(path: string): string {
  return path
    .split('/')
    .map((s) => (isPlaceholder(s) ? `:${s}` : s))
    .join('/');
}
