/**
 * DirectLogin header parsing, accepting what real clients send: `DirectLogin:` or
 * `Authorization: DirectLogin`, quoted or unquoted values, `,` or `, ` separators. A quoted value
 * carries any character, `,` and `"` included: it ends at the first `"` followed by the end of the
 * header or by `, name=` (OBP's parser splits at every comma, so its users cannot have such passwords).
 * Only a value holding `, password=` (or another DirectLogin parameter) cannot be carried.
 */
import { obpError, type ErrorCode } from '../../errors/obp-error.js';

export type DirectLoginParams = Partial<Record<'username' | 'password' | 'consumer_key' | 'token', string>>;

const keptKeys = new Set(['username', 'password', 'consumer_key', 'token']);

const separators = /[\s,]*/y;
const keyPart = /([^=,]*)=\s*/y;
const closingQuote = /"(?=\s*(?:,\s*[A-Za-z0-9_]+\s*=|$))/g;
const parameterInside = /,\s*(?:username|password|consumer_key|token)\s*=/;

/** From `from`, the index of the next comma, or the end. */
function nextComma(text: string, from: number): number {
  const i = text.indexOf(',', from);
  return i < 0 ? text.length : i;
}

export function parseDirectLoginValue(value: string): DirectLoginParams {
  const params: DirectLoginParams = {};
  const text = value.trim().replace(/^DirectLogin\b/i, '');
  let i = 0;
  while (i < text.length) {
    separators.lastIndex = i;
    separators.exec(text);
    i = separators.lastIndex;
    if (i >= text.length) break;
    keyPart.lastIndex = i;
    const key = keyPart.exec(text);
    if (!key) {
      i = nextComma(text, i) + 1;
      continue;
    }
    i = keyPart.lastIndex;
    let v: string;
    closingQuote.lastIndex = i + 1;
    const close = text[i] === '"' ? closingQuote.exec(text) : null;
    // A quoted span that holds `, username=` (or another parameter) is read OBP's way, split at commas:
    // clients that misplace quotes, as `username="jane, password=pw"`, keep working.
    if (close && !parameterInside.test(text.slice(i + 1, close.index))) {
      v = text.slice(i + 1, close.index);
      i = close.index + 1;
    } else {
      // Unquoted (or an unbalanced quote): up to the next comma; like OBP, a leading and a trailing
      // quote are each dropped and quotes inside are kept.
      const end = nextComma(text, i);
      v = text.slice(i, end).trim().replace(/^"|"$/g, '');
      i = end;
    }
    const name = key[1]!.trim();
    if (v !== '' && keptKeys.has(name)) params[name as keyof DirectLoginParams] = v;
  }
  return params;
}

/** The DirectLogin parameters of a request, or undefined when it sends no DirectLogin credentials. */
export function directLoginFromHeaders(headers: Record<string, string | string[] | undefined>): DirectLoginParams | undefined {
  const direct = headers['directlogin'];
  if (typeof direct === 'string') return parseDirectLoginValue(direct);
  const authorization = headers['authorization'];
  if (typeof authorization === 'string' && /^\s*DirectLogin\b/i.test(authorization)) {
    return parseDirectLoginValue(authorization);
  }
  return undefined;
}

/** For the login endpoint: OBP's header errors in its order. */
export function loginParams(headers: Record<string, string | string[] | undefined>): DirectLoginParams {
  const params = directLoginFromHeaders(headers);
  if (params) return params;
  if (headers['authorization'] !== undefined) throw obpError('OBP-20083');
  throw obpError('OBP-20082');
}

const maxLength = 512;
const usernamePattern = /^[A-Za-z0-9\-._@ ]+$/;
// Printable ASCII, as POST /users allows (OBP's own pattern turns `[` and `]` into regex syntax and
// refuses them, so its users with such passwords cannot log in).
const passwordPattern = /^[\x20-\x7E]+$/;
const consumerKeyPattern = /^[A-Za-z0-9-]+$/;
const tokenPattern = /^[A-Za-z0-9\-._@]+$/;

/** OBP checks the characters first: an over-long value with a bad character is OBP-20011, not OBP-20010. */
function check(value: string, pattern: RegExp, badCharacters: ErrorCode, tooLong: ErrorCode): void {
  if (!pattern.test(value)) throw obpError(badCharacters);
  if (value.length > maxLength) throw obpError(tooLong);
}

const checks: Record<keyof DirectLoginParams, (value: string) => void> = {
  username: (v) => check(v, usernamePattern, 'OBP-20011', 'OBP-20010'),
  password: (v) => check(v, passwordPattern, 'OBP-20011', 'OBP-20010'),
  consumer_key: (v) => check(v, consumerKeyPattern, 'OBP-35030', 'OBP-35031'),
  token: (v) => check(v, tokenPattern, 'OBP-20011', 'OBP-20010'),
};

/** OBP's character and length checks on every parameter sent, in the order the header lists them. */
function checkAll(p: DirectLoginParams): void {
  for (const [key, value] of Object.entries(p) as [keyof DirectLoginParams, string][]) checks[key](value);
}

/** OBP's input checks on login parameters, in OBP's order: missing ones first, then bad values. */
export function validateLoginParams(p: DirectLoginParams): { username: string; password: string; consumerKey: string } {
  const missing = (['username', 'password', 'consumer_key'] as const).filter((k) => p[k] === undefined);
  if (missing.length > 0) throw obpError('OBP-20002', missing.join(', '));
  checkAll(p);
  const { username, password, consumer_key: consumerKey } = p as Required<DirectLoginParams>;
  return { username, password, consumerKey };
}

/** The token of a protected-resource call, checked the way OBP checks it before looking it up. */
export function validateTokenParams(p: DirectLoginParams): string {
  if (p.token === undefined) throw obpError('OBP-20002', 'token');
  checkAll(p);
  return p.token;
}

/**
 * Whether a client can send `password` in the usual header form and have it arrive unchanged: true
 * for any printable ASCII password up to 512 characters, except one holding `, password=` (or another
 * DirectLogin parameter name) or `"` followed by `, name=`.
 */
export function directLoginCarries(password: string): boolean {
  if (password.length > maxLength || !passwordPattern.test(password)) return false;
  return parseDirectLoginValue(`username="u", password="${password}", consumer_key="k"`).password === password;
}

/** Why DirectLogin could not carry this password (for passwords chosen elsewhere), or undefined. */
export function loginPasswordProblem(password: string): string | undefined {
  if (directLoginCarries(password)) return undefined;
  return (
    `must be printable ASCII, at most ${maxLength} characters, and must not contain ", password=" ` +
    '(or another DirectLogin parameter name): a DirectLogin header could not carry it'
  );
}

/** Why DirectLogin could not carry this username (for usernames set by configuration), or undefined. */
export function loginUsernameProblem(username: string): string | undefined {
  if (!usernamePattern.test(username))
    return 'may contain only letters, digits, space and "-", ".", "_", "@" (what DirectLogin accepts)';
  if (username.length > maxLength) return `must be at most ${maxLength} characters`;
  return undefined;
}
