/**
 * OBP's `limit` and `offset` values (read from headers or the query string by each endpoint). OBP
 * parses them with Scala's toInt: a 32-bit integer, nothing around it. limit ≥ 1 (default 50) else
 * OBP-10025; offset ≥ 0 (default 0) else OBP-10024.
 */
import { obpError } from '../errors/obp-error.js';

const int32Max = 2 ** 31 - 1;

function intAtLeast(raw: string, minimum: number): number | undefined {
  if (!/^[+-]?\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return value >= minimum && value <= int32Max ? value : undefined;
}

export function parseLimit(raw: string | undefined, defaultLimit = 50): number {
  if (raw === undefined) return defaultLimit;
  const limit = intAtLeast(raw, 1);
  if (limit === undefined) throw obpError('OBP-10025');
  return limit;
}

export function parseOffset(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const offset = intAtLeast(raw, 0);
  if (offset === undefined) throw obpError('OBP-10024');
  return offset;
}

/** one page of a list already in memory, with `limit`/`offset` from the query string */
export function pageOf<T>(items: readonly T[], query: Record<string, string | undefined>): T[] {
  const limit = parseLimit(query.limit);
  const offset = parseOffset(query.offset);
  return items.slice(offset, offset + limit);
}
