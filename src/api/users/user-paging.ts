/**
 * Paging of `GET /users`. OBP reads it from request headers (`limit`/`offset`, else
 * `obp_limit`/`obp_offset`); the same names are accepted as query parameters too, headers first.
 */
import { obpError } from '../../errors/obp-error.js';

type Headers = Record<string, string | string[] | undefined>;
type Query = Record<string, string | undefined>;

export interface UserPage {
  limit: number;
  offset: number;
  /** `locked_status`: "locked" → only locked users, "active" → only the others; anything else → all */
  locked: boolean | undefined;
}

const defaultLimit = 50;
// OBP parses these with Scala's toInt, so anything beyond a 32-bit int is malformed.
const maxInt = 2147483647;

function value(headers: Headers, query: Query, name: string): string | undefined {
  const header = headers[name];
  const raw = Array.isArray(header) ? header[0] : header;
  return raw ?? query[name];
}

function integerAtLeast(raw: string, min: number): number | undefined {
  const text = raw.trim();
  if (!/^[+-]?\d{1,10}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= maxInt ? n : undefined;
}

/** The first of `names` present decides; a present but malformed value is an error even if a later one is fine. */
function pagingValue(headers: Headers, query: Query, names: string[], min: number, error: 'OBP-10024' | 'OBP-10025') {
  for (const name of names) {
    const raw = value(headers, query, name);
    if (raw === undefined) continue;
    const n = integerAtLeast(raw, min);
    if (n === undefined) throw obpError(error);
    return n;
  }
  return undefined;
}

export function userPage(headers: Headers, query: Query): UserPage {
  const limit = pagingValue(headers, query, ['limit', 'obp_limit'], 1, 'OBP-10025') ?? defaultLimit;
  const offset = pagingValue(headers, query, ['offset', 'obp_offset'], 0, 'OBP-10024') ?? 0;
  const status = value(headers, query, 'locked_status')?.toLowerCase();
  return { limit, offset, locked: status === 'locked' ? true : status === 'active' ? false : undefined };
}
