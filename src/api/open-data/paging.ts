/** OBP's `limit` and `offset` URL query parameters (default 50 and 0), with OBP's errors for bad values. */
import { obpError } from '../../errors/obp-error.js';

const int32Max = 2 ** 31 - 1;

function intAtLeast(raw: string, minimum: number): number | undefined {
  if (!/^[+-]?\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return value >= minimum && value <= int32Max ? value : undefined;
}

export function pageOf<T>(items: readonly T[], query: Record<string, string | undefined>): T[] {
  const limit = query.limit === undefined ? 50 : intAtLeast(query.limit, 1);
  if (limit === undefined) throw obpError('OBP-10025');
  const offset = query.offset === undefined ? 0 : intAtLeast(query.offset, 0);
  if (offset === undefined) throw obpError('OBP-10024');
  return items.slice(offset, offset + limit);
}
