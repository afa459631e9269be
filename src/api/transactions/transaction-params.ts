/**
 * The listing parameters of transaction lists (SEMANTICS §9.2): request headers `obp_limit`,
 * `obp_offset`, `obp_from_date`, `obp_to_date`, `obp_sort_direction`, or their un-prefixed aliases
 * (the alias wins); the same names are accepted as query parameters, headers first.
 */
import { obpError } from '../../errors/obp-error.js';
import { parseObpFilterDate } from '../../json/dates.js';
import type { TransactionPageQuery } from '../../store/repos/transactions.js';
import { parseLimit, parseOffset } from '../paging.js';

type Headers = Record<string, string | string[] | undefined>;
type Query = Record<string, string | undefined>;

/** far past and far future: OBP's defaults of 1970 and "year 4000-ish" widened to every stored date */
const earliest = -8_640_000_000_000_000;
const latest = 8_640_000_000_000_000;

/**
 * The most transactions one page may hold. OBP takes any 32-bit limit; one request for two billion
 * transactions would have the server build every transaction of the account in memory, through a
 * view anyone may hold. Clients page with far smaller limits (50 by default).
 */
export const maxTransactionPage = 10_000;

function pick(headers: Headers, query: Query, name: string): string | undefined {
  for (const key of [name, `obp_${name}`]) {
    const header = headers[key];
    const raw = Array.isArray(header) ? header[0] : header;
    if (raw !== undefined) return raw;
  }
  return query[name] ?? query[`obp_${name}`];
}

function date(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const ms = parseObpFilterDate(raw);
  if (ms === undefined) throw obpError('OBP-10026');
  return ms;
}

export function transactionPageQuery(headers: Headers, query: Query): TransactionPageQuery {
  const direction = pick(headers, query, 'sort_direction')?.toLowerCase() ?? 'desc';
  if (direction !== 'asc' && direction !== 'desc') throw obpError('OBP-10023');
  const limit = parseLimit(pick(headers, query, 'limit'));
  if (limit > maxTransactionPage) throw obpError('OBP-10025', ` At most ${maxTransactionPage} transactions fit in one page.`);
  return {
    limit,
    offset: parseOffset(pick(headers, query, 'offset')),
    fromDate: date(pick(headers, query, 'from_date'), earliest),
    toDate: date(pick(headers, query, 'to_date'), latest),
    direction,
  };
}
