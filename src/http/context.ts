import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx, Endpoint } from '../api/endpoint.js';
import type { Config } from '../config.js';
import { describeRoles, satisfiesRoles, type RoleName } from '../domain/roles.js';
import { obpError, type ErrorCode } from '../errors/obp-error.js';
import type { Store } from '../store/index.js';
import type { Services } from './services.js';

/**
 * 403 OBP-20006 (or the rule's own `refusal`) unless the user holds one complete set of `anyOf` (bank
 * roles at `bankId`).
 */
export async function requireRoles(
  store: Store,
  userId: string,
  anyOf: RoleName[][],
  bankId: string,
  refusal?: ErrorCode,
): Promise<void> {
  const held = await store.entitlements.forUser(userId);
  const entitlements = held.map((e) => ({ role_name: e.roleName, bank_id: e.bankId }));
  if (satisfiesRoles(entitlements, anyOf, bankId)) return;
  throw refusal ? obpError(refusal) : obpError('OBP-20006', describeRoles(anyOf));
}

export function buildContext(
  request: FastifyRequest,
  reply: FastifyReply,
  endpoint: Endpoint,
  store: Store,
  config: Config,
  services: Services,
  endpoints: readonly Endpoint[],
): Ctx<string, unknown> {
  const params = request.params as Record<string, string>;
  const caller = request.caller;
  const user = () => {
    if (!caller.user) throw obpError('OBP-20001');
    return caller.user;
  };
  return {
    params,
    body: request.body,
    query: request.query as Record<string, string | undefined>,
    headers: request.headers,
    caller,
    store,
    config,
    services,
    endpoints,
    request,
    reply,
    user,
    async requireRoles(rule = endpoint.roles, bankId = params.BANK_ID ?? '') {
      if (rule) await requireRoles(store, user().userId, rule.anyOf, bankId, rule.refusal);
    },
  };
}
