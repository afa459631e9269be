/**
 * DirectLogin header parsing, accepting what real clients send: `DirectLogin:` or
 * `Authorization: DirectLogin`, quoted or unquoted values, `,` or `, ` separators.
 */
import { obpError } from '../../errors/obp-error.js';

export type DirectLoginParams = Partial<Record<'username' | 'password' | 'consumer_key' | 'token', string>>;

const keptKeys = new Set(['username', 'password', 'consumer_key', 'token']);

export function parseDirectLoginValue(value: string): DirectLoginParams {
  const params: DirectLoginParams = {};
  const body = value.trim().replace(/^DirectLogin\b/i, '');
  for (const part of body.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    let v = part.slice(eq + 1).trim();
    if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1);
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

const usernamePattern = /^[A-Za-z0-9\-._@ ]*$/;
const passwordPattern = /^[\x20-\x7E]*$/;
const consumerKeyPattern = /^[A-Za-z0-9-]+$/;

/** OBP's input checks on login parameters, in OBP's order. */
export function validateLoginParams(p: DirectLoginParams): { username: string; password: string; consumerKey: string } {
  const missing = (['username', 'password', 'consumer_key'] as const).filter((k) => p[k] === undefined);
  if (missing.length > 0) throw obpError('OBP-20002', missing.join(', '));
  const { username, password, consumer_key: consumerKey } = p as Required<DirectLoginParams>;
  if (username.length > 512) throw obpError('OBP-20010');
  if (!usernamePattern.test(username)) throw obpError('OBP-20011');
  if (password.length > 512) throw obpError('OBP-20010');
  if (!passwordPattern.test(password)) throw obpError('OBP-20011');
  if (consumerKey.length > 512) throw obpError('OBP-35031');
  if (!consumerKeyPattern.test(consumerKey)) throw obpError('OBP-35030');
  return { username, password, consumerKey };
}
