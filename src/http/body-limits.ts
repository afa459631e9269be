/**
 * Body limits per endpoint. Every endpoint refuses bodies above OBP_BODY_LIMIT_BYTES, except those
 * declaring `bodyLimit: 'large'` (the sandbox import), which take up to OBP_LARGE_BODY_LIMIT_BYTES,
 * and only from a caller who may use them: a body above the ordinary limit is not read until the
 * caller is known to be logged in and to hold the endpoint's roles.
 */
import type { FastifyRequest } from 'fastify';
import type { Endpoint } from '../api/endpoint.js';
import type { Config } from '../config.js';
import { obpError } from '../errors/obp-error.js';
import type { Store } from '../store/index.js';
import type { Authenticate } from './authenticate.js';
import { requireRoles } from './context.js';

export function bodyLimitOf(endpoint: Endpoint | undefined, config: Config): number {
  return endpoint?.bodyLimit === 'large' ? config.largeBodyLimitBytes : config.bodyLimitBytes;
}

/** A body of unknown length (chunked) may be large too. */
function mayExceed(request: FastifyRequest, limit: number): boolean {
  const length = request.headers['content-length'];
  return length === undefined ? request.headers['transfer-encoding'] !== undefined : Number(length) > limit;
}

/** Before the body of a large-body endpoint is read: above the ordinary limit, 401/403 unless privileged. */
export async function guardLargeBody(
  request: FastifyRequest,
  endpoint: Endpoint,
  config: Config,
  authenticate: Authenticate,
  store: Store,
): Promise<void> {
  if (!mayExceed(request, config.bodyLimitBytes)) return;
  request.caller = await authenticate(request, endpoint.style);
  const user = request.caller.user;
  if (!user) throw obpError('OBP-20001');
  const bankId = (request.params as Record<string, string | undefined>).BANK_ID ?? '';
  if (endpoint.roles) await requireRoles(store, user.userId, endpoint.roles.anyOf, bankId);
}
