const dayMs = 86_400_000;
/** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: outside, toISOString writes six-digit signed years */
const firstMs = -62_167_219_200_000;
const endMs = 253_402_300_800_000;

function digits2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * OBP response dates: yyyy-MM-dd'T'HH:mm:ss'Z' in UTC, no milliseconds. Every transaction in a page
 * carries two, so the civil date is computed by arithmetic (days to year/month/day in the proleptic
 * Gregorian calendar, as toISOString counts) instead of through a Date, a string and a regex.
 */
export function obpDate(epochMs: number): string {
  if (!Number.isInteger(epochMs) || epochMs < firstMs || epochMs >= endMs) {
    return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  const days = Math.floor(epochMs / dayMs);
  const seconds = Math.floor((epochMs - days * dayMs) / 1000);
  // days since 1970-01-01 to a civil date (era of 400 years = 146,097 days, years starting in March)
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const y = String(year);
  return (
    (year >= 1000 ? y : '0'.repeat(4 - y.length) + y) +
    '-' +
    digits2(month) +
    '-' +
    digits2(day) +
    'T' +
    digits2(Math.floor(seconds / 3600)) +
    ':' +
    digits2(Math.floor(seconds / 60) % 60) +
    ':' +
    digits2(seconds % 60) +
    'Z'
  );
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

const bodyDate = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** OBP body dates: exactly yyyy-MM-dd'T'HH:mm:ss'Z' and a real instant (no 30 February); undefined if not. */
export function parseObpDate(text: string): number | undefined {
  if (!bodyDate.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) || obpDate(ms) !== text ? undefined : ms;
}
