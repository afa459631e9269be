/**
 * DirectLogin header parsing, accepting what real clients send: `DirectLogin:` or
 * `Authorization: DirectLogin`, quoted or unquoted values, `,` or `, ` separators.
 */
import { obpError, type ErrorCode } from '../../errors/obp-error.js';

export type DirectLoginParams = Partial<Record<'username' | 'password' | 'consumer_key' | 'token', string>>;

const keptKeys = new Set(['username', 'password', 'consumer_key', 'token']);

export function parseDirectLoginValue(value: string): DirectLoginParams {
  const params: DirectLoginParams = {};
  const body = value.trim().replace(/^DirectLogin\b/i, '');
  for (const part of body.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    // Like OBP, a leading and a trailing quote are each dropped; quotes inside a value are kept.
    const v = part
      .slice(eq + 1)
      .trim()
      .replace(/^"|"$/g, '');
    if (v === '' || !keptKeys.has(key)) continue;
    params[key as keyof DirectLoginParams] = v;
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
// OBP's password class is printable ASCII, except that its regex turns `[` and `]` into syntax.
const passwordPattern = /^[\x20-\x5A\x5C\x5E-\x7E]+$/;
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

/** Why DirectLogin could not carry this username (for usernames set by configuration), or undefined. */
export function loginUsernameProblem(username: string): string | undefined {
  if (!usernamePattern.test(username))
    return 'may contain only letters, digits, space and "-", ".", "_", "@" (what DirectLogin accepts)';
  if (username.length > maxLength) return `must be at most ${maxLength} characters`;
  return undefined;
}

/** Why DirectLogin could not carry this password (for passwords set by configuration), or undefined. */
export function loginPasswordProblem(password: string): string | undefined {
  if (!passwordPattern.test(password)) {
    return 'may contain only printable ASCII characters other than "[" and "]" (what DirectLogin accepts)';
  }
  if (password.length > maxLength) return `must be at most ${maxLength} characters`;
  if (/[,"]/.test(password)) return 'must not contain "," or \'"\': DirectLogin uses them to separate and quote its parameters';
  return undefined;
}
