/** Body members shared by several domains' schemas, and the reading of body dates. */
import { Type } from '@sinclair/typebox';
import { parseObpDate } from '../json/dates.js';
import { obpError } from '../errors/obp-error.js';

/** OBP keeps these in 255-character columns; longer values are refused rather than truncated. */
export const text = Type.String({ maxLength: 255 });

/** yyyy-MM-dd'T'HH:mm:ss'Z' (UTC, no milliseconds); any other text fails validation with OBP-10001, as in OBP. */
export const obpDateText = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$',
  description: "yyyy-MM-dd'T'HH:mm:ss'Z'",
});

/**
 * A body date as epoch milliseconds. The schema already holds the format; an impossible date
 * (2021-02-30) is refused too, where OBP's lenient parser would have rolled it into March.
 */
export function bodyDate(field: string, value: string): number {
  const ms = parseObpDate(value);
  if (ms === undefined) throw obpError('OBP-10001', ` ${field} is not a date in the format yyyy-MM-dd'T'HH:mm:ss'Z'.`);
  return ms;
}
