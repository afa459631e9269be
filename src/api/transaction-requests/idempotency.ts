/**
 * `Idempotency-Key` on the payment endpoints (beyond OBP). A key is scoped to the user, the consumer,
 * the operation and the URL path. The first successful answer is stored with the key in the same
 * database transaction as the payment it describes; the same key with the same body replays it
 * (same status, same body) and moves no money; with another body it is refused with 409 OBP-40900.
 * A concurrent duplicate waits on, or loses to, the key's primary key, rolls back, and replays.
 * Failures are not stored: a retry after an error is simply tried again. Keys are kept 24 hours.
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { obpError, type ObpError } from '../../errors/obp-error.js';
import type { Repositories, Store } from '../../store/index.js';
import type { IdempotencyScope } from '../../store/repos/transaction-requests.js';
import { isWriteConflict } from '../../store/repos/sandbox-import.js';

export const idempotencyTtlMs = 24 * 60 * 60 * 1000;

const keyPattern = /^[\x21-\x7e]{1,255}$/;

export const idempotencyDoc =
  '\n\nOptional request header `Idempotency-Key` (1 to 255 printable ASCII characters; an obp-ts extension): the ' +
  'same key with the same body, from the same user and consumer, to the same URL, answers the first successful ' +
  'response again without a second payment; the same key with a different body is refused with 409 `OBP-40900`. ' +
  'Keys are kept 24 hours.';

/** Sorted keys, so the same JSON sent with its members in another order is the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export interface Idempotency {
  scope: IdempotencyScope;
  requestHash: string;
}

/** The request's key and scope, or undefined when it sent none. */
export function idempotencyOf(
  request: FastifyRequest,
  userId: string,
  consumerId: number | undefined,
  operation: string,
  body: unknown,
): Idempotency | undefined {
  const raw = request.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw[0]! : raw;
  if (!keyPattern.test(key)) {
    throw obpError('OBP-10001', ' The Idempotency-Key header must be 1 to 255 printable ASCII characters.');
  }
  const path = request.url.split('?')[0]!;
  return {
    scope: { userId, consumerId: consumerId === undefined ? '' : String(consumerId), operation, path, key },
    requestHash: createHash('sha256').update(canonical(body), 'utf8').digest('hex'),
  };
}

/** The stored answer for this key, if any (409 when the key was used for another body). */
export async function replay(store: Store, idem: Idempotency | undefined): Promise<unknown> {
  if (!idem) return undefined;
  const found = await store.idempotencyKeys.find(idem.scope, Date.now());
  if (!found) return undefined;
  if (found.request_hash !== idem.requestHash) throw obpError('OBP-40900');
  return JSON.parse(found.response) as unknown;
}

/**
 * A failure whose writes must still be committed (a counted challenge attempt): `write` returns it
 * instead of throwing, the transaction commits without keeping the key, and the error is thrown after.
 */
export class Refusal {
  constructor(readonly error: ObpError) {}
}

/**
 * Runs `write` in one database transaction that first claims the key (when there is one) and
 * finally stores the answer with it; a lost race on the key replays the winner's answer.
 */
export async function idempotentWrite<T>(
  store: Store,
  idem: Idempotency | undefined,
  write: (tx: Repositories) => Promise<T | Refusal>,
): Promise<T> {
  const now = Date.now();
  let result: T | Refusal;
  try {
    result = await store.transaction(async (tx) => {
      if (idem) await tx.idempotencyKeys.claim(idem.scope, idem.requestHash, now, idempotencyTtlMs);
      const answer = await write(tx);
      if (idem) {
        if (answer instanceof Refusal) await tx.idempotencyKeys.release(idem.scope);
        else await tx.idempotencyKeys.saveResponse(idem.scope, JSON.stringify(answer));
      }
      return answer;
    });
  } catch (err) {
    if (!idem || !isWriteConflict(err)) throw err;
    const replayed = await replay(store, idem);
    if (replayed === undefined) throw err;
    return replayed as T;
  }
  if (idem && Math.random() < 0.01) await store.idempotencyKeys.purgeExpired(Date.now());
  if (result instanceof Refusal) throw result.error;
  return result;
}
