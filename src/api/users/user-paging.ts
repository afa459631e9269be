/**
 * Paging of `GET /users`. OBP reads it from request headers (`limit`/`offset`, else
 * `obp_limit`/`obp_offset`); the same names are accepted as query parameters too, headers first.
 */
import { parseLimit, parseOffset } from '../paging.js';

type Headers = Record<string, string | string[] | undefined>;
type Query = Record<string, string | undefined>;

export interface UserPage {
  limit: number;
  offset: number;
  /** `locked_status`: "locked" → only locked users, "active" → only the others; anything else → all */
  locked: boolean | undefined;
}

function value(headers: Headers, query: Query, name: string): string | undefined {
  const header = headers[name];
  const raw = Array.isArray(header) ? header[0] : header;
  return raw ?? query[name];
}

/** The first of `names` present decides; a present but malformed value is an error even if a later one is fine. */
function firstPresent(headers: Headers, query: Query, names: string[]): string | undefined {
  for (const name of names) {
    const raw = value(headers, query, name);
    if (raw !== undefined) return raw;
  }
  return undefined;
}

export function userPage(headers: Headers, query: Query): UserPage {
  const limit = parseLimit(firstPresent(headers, query, ['limit', 'obp_limit']));
  const offset = parseOffset(firstPresent(headers, query, ['offset', 'obp_offset']));
  const status = value(headers, query, 'locked_status')?.toLowerCase();
  return { limit, offset, locked: status === 'locked' ? true : status === 'active' ? false : undefined };
}
