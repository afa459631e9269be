/**
 * Hostile request targets for a mounted route: each path placeholder replaced by a hostile value (the
 * others keep values that exist), hostile query strings, and a few targets that are not valid HTTP.
 * Values are given in their wire form (already percent-encoded where a client would encode).
 */
import fc from 'fast-check';

export type UrlKind = 'path' | 'query' | 'raw-target';

export interface UrlVariant {
  kind: UrlKind;
  note: string;
  target: string | Buffer;
}

const hex = (byte: number) => '%' + byte.toString(16).toUpperCase().padStart(2, '0');

/** Percent-encodes every UTF-16 unit, lone surrogates included (as the bytes of their CESU-8 form). */
export function encodeLoose(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map(hex).join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

/**
 * Hostile values for a path segment whose existing value is `real` (wire form). `controls` picks which
 * of the C0 controls %01–%1F are appended to the id (all of them are sent across a run's segments).
 */
export function hostileSegments(real: string, others: readonly string[], controls: readonly number[]): [string, string][] {
  const e = encodeURIComponent;
  const values: [string, string][] = [
    ['NUL', '%00'],
    ['id + NUL', `${real}%00`],
    ['NUL + id', `%00${real}`],
    ['id + NUL + x', `${real}%00x`],
    ...controls.map((c): [string, string] => [`id + control ${hex(c)}`, `${real}${hex(c)}`]),
    ['control %1F alone', '%1F'],
    ['DEL', `${real}%7F`],
    ['%FF', '%FF'],
    ['id + %FF', `${real}%FF`],
    ['overlong slash', '%C0%AF'],
    ['UTF-8 surrogate', '%ED%A0%80'],
    ['beyond U+10FFFF', '%F4%90%80%80'],
    ['truncated escape', '%E0%A4%A'],
    ['lone %', '%'],
    ['%%', '%%'],
    ['bad hex', '%G1'],
    ['id + %', `${real}%`],
    ['%u escape', '%u0041'],
    ['300 chars', 'a'.repeat(300)],
    ['1000 chars', 'b'.repeat(1000)],
    ['2048 chars', 'c'.repeat(2048)],
    ['2049 chars', 'd'.repeat(2049)],
    ['300 encoded chars', '%41'.repeat(300)],
    ['300 encoded é', e('é').repeat(300)],
    ['id + 300 chars', real + 'e'.repeat(300)],
    ['emoji', e('\u{1F4B0}')],
    ['accents', e('Ünïcødé-bänk')],
    ['RTL override + id', `%E2%80%AE${real}`],
    ['BOM + id', `%EF%BB%BF${real}`],
    ['id + zero width space', `${real}%E2%80%8B`],
    ['fullwidth dots', '%EF%BC%8E%EF%BC%8E'],
    ['.', '.'],
    ['..', '..'],
    ['...', '...'],
    ['%2E%2E', '%2E%2E'],
    ['traversal', '..%2F..%2Fetc%2Fpasswd'],
    ['encoded slash', '%2F'],
    ['id + encoded slash', `${real}%2F`],
    ['backslash', '%5C'],
    ['backslash traversal', '..%5C..%5C'],
    ["'", "'"],
    ['encoded quote', '%27'],
    ['double quote', '%22'],
    ['backtick', '%60'],
    ["id + '", `${real}'`],
    ['id + "', `${real}%22`],
    ['SQL or', e("' OR '1'='1")],
    ['SQL drop', e('1; DROP TABLE banks; --')],
    ['SQL comment', e(`${decodeURIComponentSafe(real)}' --`)],
    ['LIKE %', '%25'],
    ['LIKE _', '_'],
    ['LIKE * ', '*'],
    ['id with _ for its last character', real.length > 1 ? `${real.slice(0, -1)}_` : '_'],
    ['script', e('<script>alert(1)</script>')],
    ['img onerror', e('<img src=x onerror=alert(1)>')],
    ['space', '%20'],
    ['space + id', `%20${real}`],
    ['id + space', `${real}%20`],
    ['tab', '%09'],
    ['id + LF', `${real}%0A`],
    ['CRLF header injection', `${real}%0D%0ASet-Cookie:%20x=1`],
    ['plus', '+'],
    ['id + plus', `${real}+`],
    ['no-break space', '%C2%A0'],
    ['ideographic space', '%E3%80%80'],
    ['constructor', 'constructor'],
    ['__proto__', '__proto__'],
    ['toString', 'toString'],
    ['hasOwnProperty', 'hasOwnProperty'],
    ['prototype', 'prototype'],
    ['valueOf', 'valueOf'],
    ['-1', '-1'],
    ['0', '0'],
    ['1e400', '1e400'],
    ['huge number', '99999999999999999999999'],
    ['NaN', 'NaN'],
    ['null', 'null'],
    ['undefined', 'undefined'],
    ['true', 'true'],
    ['JSON array', '%5B%5D'],
    ['JSON object', e('{"$gt": ""}')],
    ['template', e('${7*7}')],
    ['mustache', e('{{7*7}}')],
    ['empty', ''],
    ...(e(decodeURIComponentSafe(real).toUpperCase()) !== real
      ? [['upper-cased id', e(decodeURIComponentSafe(real).toUpperCase())] as [string, string]]
      : []),
    ...others.filter((o) => o !== real).map((o): [string, string] => [`another placeholder's value ${o.slice(0, 40)}`, o]),
  ];
  return values;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Random segments: any UTF-16 (lone surrogates too), or random bytes, percent-encoded. */
export function randomSegments(count: number, seed: number): [string, string][] {
  const arb = fc.oneof(
    fc
      .string({ unit: 'binary', minLength: 1, maxLength: 40 })
      .map((s): [string, string] => [`random ${JSON.stringify(s)}`, encodeLoose(s)]),
    fc.uint8Array({ minLength: 1, maxLength: 24 }).map((b): [string, string] => [`random bytes`, [...b].map(hex).join('')]),
  );
  return fc.sample(arb, { seed, numRuns: count });
}

/** Query parameter names OBP endpoints read (paging, dates, filters, docs), and a few no endpoint reads. */
export const queryNames = [
  'limit',
  'offset',
  'obp_limit',
  'obp_offset',
  'from_date',
  'to_date',
  'obp_from_date',
  'obp_to_date',
  'sort_direction',
  'direction',
  'obp_sort_direction',
  'duration',
  'anon',
  'locked_status',
  'consumer_id',
  'user_id',
  'app_name',
  'url',
  'verb',
  'implemented_by_partial_function',
  'implemented_in_version',
  'correlation_id',
  'exclude_app_names',
  'tags',
  'functions',
  'content',
  'locale',
  'language',
  'api-collection-id',
  'bank_id',
  'account_id',
  'format',
  'callback',
  '__proto__',
  'constructor',
];

const queryValues = [
  '%00',
  '1%00',
  '-1',
  '0',
  '-2147483649',
  '2147483648',
  '99999999999999999999999',
  '1e400',
  '-1e400',
  '1.5',
  'NaN',
  '0x10',
  '%201',
  '1%20',
  '%2B1',
  '%',
  '%E0%A4%A',
  '%FF',
  '%ED%A0%80',
  '%01',
  '%0D%0A',
  '%27%20OR%201%3D1%20--',
  '%3Cscript%3E',
  '2017-13-45T99%3A99%3A99.999Z',
  '0000-00-00T00%3A00%3A00.000Z',
  '99999-01-01T00%3A00%3A00.000Z',
  'not-a-date',
  'true',
  'asc',
  'locked',
  'dynamic',
  'a'.repeat(300),
  '',
];

/** The same for every route: repeated keys, bracket forms, names without values, NUL, bad escapes. */
const fixedQueries: [string, string][] = [
  ['repeated limit', 'limit=1&limit=2'],
  ['repeated offset', 'offset=0&offset=1'],
  ['repeated obp_limit', 'obp_limit=1&obp_limit=2'],
  ['repeated limit, first empty', 'limit=&limit=5'],
  ['repeated from_date', 'from_date=2017-01-01T00%3A00%3A00.000Z&from_date=x'],
  ['repeated locked_status', 'locked_status=locked&locked_status=active'],
  ['repeated tags', 'tags=a&tags=b'],
  ['repeated functions', 'functions=a&functions=b'],
  ['repeated content', 'content=dynamic&content=static'],
  ['repeated locale', 'locale=en_GB&locale=es_ES'],
  ['repeated sort_direction', 'sort_direction=asc&sort_direction=desc'],
  ['repeated anon', 'anon=true&anon=false'],
  ['repeated duration', 'duration=1&duration=2'],
  ['limit[]', 'limit[]=1'],
  ['limit[a]', 'limit[a]=1'],
  ['limit[0], limit[1]', 'limit[0]=1&limit[1]=2'],
  ['negative limit', 'limit=-1'],
  ['negative offset', 'offset=-1'],
  ['huge limit', 'limit=99999999999999999999'],
  ['limit 1e400', 'limit=1e400'],
  ['limit beyond int', 'limit=2147483648&offset=2147483648'],
  ['NUL limit', 'limit=%00'],
  ['NUL offset', 'offset=1%00'],
  ['NUL date', 'from_date=%00'],
  ['NUL name', '%00=1'],
  ['name only', 'limit'],
  ['value only', '=1'],
  ['ampersands', '&&&'],
  ['lone %', 'limit=%'],
  ['truncated escape', 'limit=%E0%A4%A'],
  ['bad name escape', '%ZZ=1'],
  ['8000-char value', `url=${'a'.repeat(8000)}`],
  ['__proto__', '__proto__=1&__proto__[x]=1'],
  ['constructor', 'constructor=1&constructor[prototype][x]=1'],
];

/** Hostile query strings (without the `?`): the fixed ones, then `count` random ones. */
export function hostileQueries(count: number, seed: number): [string, string][] {
  const name = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...queryNames) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }).map(encodeLoose) },
  );
  const value = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...queryValues) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }).map(encodeLoose) },
  );
  const pair = fc
    .tuple(name, value, fc.nat({ max: 3 }))
    .map(([n, v, repeats]) => Array.from({ length: repeats === 3 ? 2 : 1 }, (_, i) => `${n}=${i === 0 ? v : '1'}`).join('&'));
  const random = fc.sample(fc.array(pair, { minLength: 1, maxLength: 4 }), { seed, numRuns: count });
  return [...fixedQueries, ...random.map((pairs): [string, string] => ['random', pairs.join('&')])];
}

/** Targets that are not valid HTTP request lines: the HTTP server refuses them before any route. */
export function rawTargets(path: string): [string, Buffer][] {
  return [
    ['raw UTF-8 in the path', Buffer.from(`${path}/\u00fc`, 'utf8')],
    ['raw space in the path', Buffer.from(`${path}/a b`, 'latin1')],
    ['raw byte 0xFF in the path', Buffer.concat([Buffer.from(path), Buffer.from([0x2f, 0xff])])],
    ['query longer than the header limit', Buffer.from(`${path}?url=${'a'.repeat(20_000)}`, 'latin1')],
  ];
}
