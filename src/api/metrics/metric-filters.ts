/**
 * OBP's metric query filters, validated in OBP's order: sort direction, from_date, to_date, limit,
 * offset, anon, duration. The first bad one answers with its OBP error.
 */
import { obpError, plainError } from '../../errors/obp-error.js';
import { parseObpFilterDate } from '../../json/dates.js';
import { parseLimit, parseOffset } from '../paging.js';
import type { MetricQuery } from '../../store/repos/metrics.js';

/** Not in the shared catalogue (no other v2.1.0 endpoint uses it); OBP's exact text. */
export const durationFormatError = 'OBP-10029: wrong value for `duration` parameter. Please send a positive integer (=>0)!';

const int32Max = 2 ** 31 - 1;
const integer = /^[+-]?\d+$/;

function date(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const ms = parseObpFilterDate(raw);
  if (ms === undefined) throw obpError('OBP-10026');
  return ms;
}

export interface ParsedMetricQuery {
  query: MetricQuery;
  /** a filter value that no stored metric can hold (e.g. a duration beyond the column's range) */
  matchesNothing: boolean;
}

export function parseMetricFilters(params: ReadonlyMap<string, string>): ParsedMetricQuery {
  let matchesNothing = false;

  // The docs name it `direction`, the code reads `sort_direction` (quirk Q23): both are accepted.
  const direction = params.get('sort_direction') ?? params.get('direction');
  if (direction !== undefined && !/^(asc|desc)$/i.test(direction)) throw obpError('OBP-10023');
  const ascending = direction?.toLowerCase() === 'asc';

  const fromDate = date(params.get('from_date'));
  const toDate = date(params.get('to_date'));

  const limit = parseLimit(params.get('limit'));
  const offset = parseOffset(params.get('offset'));

  const rawAnon = params.get('anon');
  let anon: boolean | undefined;
  if (rawAnon !== undefined) {
    if (!/^(true|false)$/i.test(rawAnon)) throw obpError('OBP-10028');
    anon = rawAnon.toLowerCase() === 'true';
  }

  const rawDuration = params.get('duration');
  let duration: number | undefined;
  if (rawDuration !== undefined) {
    if (!integer.test(rawDuration) || BigInt(rawDuration) > 2n ** 63n - 1n || BigInt(rawDuration) < -(2n ** 63n)) {
      throw plainError(400, durationFormatError);
    }
    duration = Number(rawDuration);
    if (duration < 0 || duration > int32Max) matchesNothing = true;
  }

  const text = (name: string): string | undefined => {
    const value = params.get(name);
    // PostgreSQL text cannot hold NUL, so no stored value can equal one containing it.
    if (value?.includes('\u0000')) matchesNothing = true;
    return value;
  };

  const query: MetricQuery = {
    fromDate,
    toDate,
    limit,
    offset,
    ascending,
    consumerId: text('consumer_id'),
    userId: text('user_id'),
    anon,
    url: text('url'),
    appName: text('app_name'),
    implementedByPartialFunction: text('implemented_by_partial_function'),
    implementedInVersion: text('implemented_in_version'),
    verb: text('verb'),
    correlationId: text('correlation_id'),
    duration,
  };
  return { query, matchesNothing };
}
