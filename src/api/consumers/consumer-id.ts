/**
 * CONSUMER_ID is the consumer's numeric primary key. OBP parses it with Scala's `toLong`: anything
 * that is not a (signed) 64-bit integer is OBP-20014; a number that names no consumer is OBP-30019.
 */
import type { Consumer } from '../../domain/model.js';
import { obpError } from '../../errors/obp-error.js';
import type { Store } from '../../store/index.js';

const longPattern = /^[+-]?\d+$/;
const longMin = -(2n ** 63n);
const longMax = 2n ** 63n - 1n;
/** the store's key column is a 32-bit serial: larger numbers are valid ids that name nobody */
const keyMax = 2 ** 31 - 1;

export function parseConsumerId(raw: string): number | undefined {
  if (!longPattern.test(raw)) throw obpError('OBP-20014');
  const value = BigInt(raw);
  if (value < longMin || value > longMax) throw obpError('OBP-20014');
  return value >= 1n && value <= BigInt(keyMax) ? Number(value) : undefined;
}

export async function consumerByPathId(store: Store, raw: string): Promise<Consumer> {
  const id = parseConsumerId(raw);
  const consumer = id === undefined ? undefined : await store.consumers.get(id);
  if (!consumer) throw obpError('OBP-30019');
  return consumer;
}
