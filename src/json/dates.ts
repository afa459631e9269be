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

const bodyDate = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** OBP body dates: exactly yyyy-MM-dd'T'HH:mm:ss'Z' and a real instant (no 30 February); undefined if not. */
export function parseObpDate(text: string): number | undefined {
  if (!bodyDate.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) || obpDate(ms) !== text ? undefined : ms;
}
