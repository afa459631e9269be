/**
 * Query strings as OBP reads them: a parameter given twice counts once, with its first value (what
 * Lift's `S.param` answers), so every handler sees plain strings.
 */
import { parse } from 'node:querystring';

export function parseQueryString(text: string): Record<string, string> {
  const parsed = parse(text);
  const query: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of Object.entries(parsed)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) query[key] = first;
  }
  return query;
}
