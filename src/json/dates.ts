/** OBP response dates: yyyy-MM-dd'T'HH:mm:ss'Z' in UTC, no milliseconds. */
export function obpDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const filterDate = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})(Z|[+-]\d{4})$/;

/** OBP filter/import dates: yyyy-MM-dd'T'HH:mm:ss.SSS'Z' (or a +0000 style offset); undefined if not that. */
export function parseObpFilterDate(text: string): number | undefined {
  const m = filterDate.exec(text.trim());
  if (!m) return undefined;
  const zone = m[2] === 'Z' ? 'Z' : `${m[2]!.slice(0, 3)}:${m[2]!.slice(3)}`;
  const ms = Date.parse(m[1]! + zone);
  return Number.isNaN(ms) ? undefined : ms;
}

const bodyDate = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/**
 * OBP body dates: yyyy-MM-dd'T'HH:mm:ss'Z' in UTC; undefined if not that, or not a real instant
 * (2017-02-30 is refused rather than rolled over into March).
 */
export function parseObpBodyDate(text: string): number | undefined {
  const m = bodyDate.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  // not Date.UTC, which reads the years 0-99 as 1900-1999
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  const same =
    d.getUTCFullYear() === year &&
    d.getUTCMonth() === month - 1 &&
    d.getUTCDate() === day &&
    d.getUTCHours() === hour &&
    d.getUTCMinutes() === minute &&
    d.getUTCSeconds() === second;
  return same ? d.getTime() : undefined;
}
