/**
 * Request bodies are read and parsed once, here, for every endpoint. Beyond JSON syntax, a body is
 * refused (OBP-10001) when it is ambiguous or hostile in ways JSON.parse accepts:
 * - nesting deeper than `maxDepth`: found while the bytes arrive, so a megabyte of `[[[[` is refused
 *   after a few bytes, and the rest is never received;
 * - the same key twice in one object (parsers disagree on which one wins);
 * - a `__proto__` key (merged with Object.assign it would replace a prototype);
 * - a string with NUL or another control character other than tab, line feed and carriage return,
 *   or a lone UTF-16 surrogate (no column can store them faithfully on both databases).
 * Bodies above the limit are refused with 413, before reading when Content-Length says so.
 * JSON.parse itself runs without a reviver, its fast path.
 */
import type { Readable } from 'node:stream';
import { obpError, type ObpError } from '../errors/obp-error.js';

export const defaultMaxDepth = 32;

const forbiddenCharacters =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function refused(detail: string): ObpError {
  return obpError('OBP-10001', ` ${detail}`);
}

export function tooLarge(limit: number): ObpError {
  return obpError('OBP-10001', ` Request body exceeds ${limit} bytes.`, 413);
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
/** `\u`, `\b` and `\f`: the escapes that can put a refused character into a string */
const riskyEscape = new Set([0x75, 0x62, 0x66]);

/**
 * Follows the structure of JSON bytes as they arrive: depth (refused as soon as it is too deep), the
 * number of `name:` pairs (to be compared with the keys the parser kept) and whether any `\u`, `\b`
 * or `\f` escape occurs (only those can put control characters or lone surrogates into a string). JSON's
 * structural characters are ASCII and never occur inside a UTF-8 multi-byte sequence, so bytes can be
 * scanned without decoding.
 */
class StructureScanner {
  keys = 0;
  escapes = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** a string just closed: a colon next makes it a key */
  private afterString = false;

  constructor(private readonly maxDepth: number) {}

  feed(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i]!;
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          if (riskyEscape.has(c)) this.escapes = true;
        } else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) {
          this.inString = false;
          this.afterString = true;
        }
        continue;
      }
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
      if (this.afterString) {
        this.afterString = false;
        if (c === COLON) this.keys++;
      }
      if (c === QUOTE) this.inString = true;
      else if (c === 0x7b || c === 0x5b) {
        if (++this.depth > this.maxDepth) throw refused(`The body is nested deeper than ${this.maxDepth} levels.`);
      } else if (c === 0x7d || c === 0x5d) this.depth--;
    }
  }
}

/** Walks the parsed value: counts object keys and applies the key and string rules. */
function check(value: unknown, checkStrings: boolean): number {
  if (typeof value === 'string') {
    if (checkStrings && forbiddenCharacters.test(value)) {
      throw refused('Strings must not contain control characters (other than tab and line breaks) or lone surrogates.');
    }
    return 0;
  }
  if (value === null || typeof value !== 'object') return 0;
  let keys = 0;
  if (Array.isArray(value)) {
    for (const item of value) keys += check(item, checkStrings);
    return keys;
  }
  for (const key of Object.keys(value)) {
    if (key === '__proto__') throw refused('The key "__proto__" is not allowed.');
    check(key, checkStrings);
    keys += 1 + check((value as Record<string, unknown>)[key], checkStrings);
  }
  return keys;
}

function parseScanned(text: string, scanner: StructureScanner): unknown {
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw obpError('OBP-10001');
  }
  if (check(value, scanner.escapes) !== scanner.keys) throw refused('A key appears twice in one object.');
  return value;
}

/** The body as JSON, `undefined` when empty; throws OBP-10001 for anything this module refuses. */
export function parseJsonBody(text: string, maxDepth = defaultMaxDepth): unknown {
  const scanner = new StructureScanner(maxDepth);
  scanner.feed(Buffer.from(text, 'utf8'));
  return parseScanned(text, scanner);
}

/**
 * Reads a request body of at most `limit` bytes and parses it as above. Stops reading at the first
 * refusal; the caller's error answer then closes the connection, so the rest is never received.
 */
export function readJsonBody(payload: Readable, declaredLength: string | undefined, limit: number): Promise<unknown> {
  if (declaredLength !== undefined && Number(declaredLength) > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const scanner = new StructureScanner(defaultMaxDepth);
    const chunks: Buffer[] = [];
    let received = 0;
    const stop = (error: Error) => {
      payload.removeListener('data', onData);
      payload.removeListener('end', onEnd);
      payload.pause();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) return stop(tooLarge(limit));
      try {
        scanner.feed(chunk);
      } catch (err) {
        return stop(err as Error);
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      try {
        resolve(parseScanned(Buffer.concat(chunks, received).toString('utf8'), scanner));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    };
    payload.on('data', onData);
    payload.once('end', onEnd);
    // the client went away or was cut off by the request timeout: nobody is left to answer
    payload.once('error', stop);
  });
}
