/**
 * The query string as OBP reads it for metrics: straight from the URL, so a `+` in a date offset
 * (`...000+0000`) stays a plus sign instead of turning into a space. First occurrence wins; empty
 * values count as absent, as in OBP.
 */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function rawQueryParams(url: string): Map<string, string> {
  const params = new Map<string, string>();
  const start = url.indexOf('?');
  if (start < 0) return params;
  for (const pair of url.slice(start + 1).split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const name = decode(pair.slice(0, eq));
    const value = decode(pair.slice(eq + 1));
    if (value === '' || params.has(name)) continue;
    params.set(name, value);
  }
  return params;
}
