/**
 * OAuth 1.0a as OBP serves it (SEMANTICS §2.3): the protocol parameters come only from the
 * `Authorization: OAuth …` header, checks run in OBP's order with OBP's texts, and the signature base
 * string is RFC 5849's, built by the `oauth-1.0a` package over the configured public hostname (not the
 * Host header), so a server behind a proxy verifies what clients signed.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { obpError, plainError, type ObpError } from '../../errors/obp-error.js';

export const oauthParameterNames = [
  'oauth_consumer_key',
  'oauth_nonce',
  'oauth_signature_method',
  'oauth_timestamp',
  'oauth_version',
  'oauth_signature',
  'oauth_callback',
  'oauth_token',
  'oauth_verifier',
] as const;
export type OAuthParameterName = (typeof oauthParameterNames)[number];
export type OAuthParams = Partial<Record<OAuthParameterName, string>>;

export type OAuthStep = 'initiate' | 'token' | 'resource';

const base = ['oauth_consumer_key', 'oauth_nonce', 'oauth_signature_method', 'oauth_timestamp', 'oauth_signature'] as const;
const required: Record<OAuthStep, readonly OAuthParameterName[]> = {
  initiate: ['oauth_callback', ...base],
  token: ['oauth_token', 'oauth_verifier', ...base],
  resource: ['oauth_token', ...base],
};

/** Request tokens live 30 minutes, as in OBP. */
export const requestTokenLifetimeMs = 30 * 60 * 1000;
/** Accepted distance between a request's timestamp and the server's clock (OBP: 3 minutes, Q19). */
export const timestampWindowSeconds = 5 * 60;

const known = new Set<string>(oauthParameterNames);
/** Values longer than this are refused before any lookup (a nonce is stored, and indexed). */
const maxValueLength: Partial<Record<OAuthParameterName, number>> = { oauth_nonce: 255, oauth_callback: 2048 };
const defaultMaxValueLength = 512;

export interface ParsedOAuthHeader {
  params: OAuthParams;
  duplicated: boolean;
}

export function isOAuthAuthorization(authorization: string | undefined): authorization is string {
  return authorization !== undefined && /^\s*OAuth\b/i.test(authorization);
}

/**
 * OBP's reading of the header: the `OAuth` prefix and every blank removed, split at commas, each part
 * split at its first `=`, quotes removed; only OAuth parameters with a non-empty value are kept. Values
 * stay percent-encoded, as sent.
 */
export function parseOAuthHeader(header: string): ParsedOAuthHeader {
  const cleaned = header
    .trim()
    .replace(/^OAuth/i, '')
    .replace(/\s/g, '');
  const params: OAuthParams = {};
  const seen = new Set<string>();
  let duplicated = false;
  for (const part of cleaned.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq);
    if (seen.has(name)) duplicated = true;
    seen.add(name);
    const value = part.slice(eq + 1).replace(/"/g, '');
    if (known.has(name) && value !== '') params[name as OAuthParameterName] = value;
  }
  return { params, duplicated };
}

export function decodeOAuthValue(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** The checks that need nothing but the header, in OBP's order (missing, duplicated, version, method). */
export function headerProblem(parsed: ParsedOAuthHeader, step: OAuthStep): ObpError | undefined {
  const { params } = parsed;
  const missing = required[step].filter((name) => params[name] === undefined);
  if (missing.length > 0) return plainError(400, `the following parameters are missing : ${missing.join(', ')}`);
  if (parsed.duplicated) return plainError(400, 'Duplicated oauth protocol parameters');
  const version = params.oauth_version;
  if (version !== undefined && version !== '1' && version !== '1.0') return plainError(400, 'OAuth version not supported');
  if (signatureAlgorithm(params.oauth_signature_method!) === undefined) {
    return plainError(400, 'Unsupported signature method, please use hmac-sha1 or hmac-sha256');
  }
  for (const [name, value] of Object.entries(params) as [OAuthParameterName, string][]) {
    const max = maxValueLength[name] ?? defaultMaxValueLength;
    if (value.length > max || decodeOAuthValue(value) === undefined) return plainError(400, `${name} value is invalid`);
  }
  return undefined;
}

function signatureAlgorithm(method: string): 'sha1' | 'sha256' | undefined {
  const m = method.toLowerCase();
  return m === 'hmac-sha1' ? 'sha1' : m === 'hmac-sha256' ? 'sha256' : undefined;
}

/** OBP's timestamp check and texts; the window is minutes wide, not OBP's accidental days (Q19). */
export function timestampProblem(timestamp: string, nowMs: number): ObpError | undefined {
  if (!/^-?\d{1,15}$/.test(timestamp)) return plainError(400, `oauth_timestamp value: ${timestamp} is invalid`);
  const seconds = Number(timestamp);
  const now = nowMs / 1000;
  if (seconds < 0 || Math.abs(seconds - now) > timestampWindowSeconds) {
    return plainError(400, `oauth_timestamp value: ${timestamp} is in and invalid time range`);
  }
  return undefined;
}

export const invalidConsumer = () => obpError('OBP-20009', '', 401);
export const nonceUsed = () => plainError(401, 'Nonce already used');
export const invalidSignature = () => plainError(401, 'Invalid signature');
export const invalidRequestToken = (token: string) => plainError(401, `Invalid or expired request token: ${token}`);
export const invalidAccessToken = (token: string) => plainError(401, `Invalid or expired access token: ${token}`);

export interface SignedRequest {
  method: string;
  /** the configured public hostname (OBP_HOSTNAME) */
  hostname: string;
  /** the request target as sent: path and query */
  url: string;
  params: OAuthParams;
  consumerSecret: string;
  tokenSecret: string;
}

/** The query string's parameters, decoded as a form (`+` is a space), repeated names kept. */
function queryParameters(url: string): Record<string, string | string[]> {
  const q = url.indexOf('?');
  const data: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  if (q < 0) return data;
  for (const [name, value] of new URLSearchParams(url.slice(q + 1))) {
    const existing = data[name];
    data[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return data;
}

/** The scheme and host lower-cased (RFC 5849 §3.4.1.2), the path as sent. */
export function baseUri(hostname: string, url: string): string {
  const path = url.split('?')[0]!;
  return hostname.toLowerCase() + path;
}

function library(consumerSecret: string, algorithm: 'sha1' | 'sha256'): OAuth {
  return new OAuth({
    consumer: { key: '', secret: consumerSecret },
    signature_method: algorithm === 'sha1' ? 'HMAC-SHA1' : 'HMAC-SHA256',
    hash_function: (text, key) => createHmac(algorithm, key).update(text).digest('base64'),
  });
}

/** The decoded protocol parameters that are signed: all but the signature (and a realm, never kept). */
function signedOAuthData(params: OAuthParams): OAuth.Data {
  const data: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name !== 'oauth_signature') data[name] = decodeOAuthValue(value) ?? '';
  }
  return data as unknown as OAuth.Data;
}

export function signatureBaseString(request: Omit<SignedRequest, 'consumerSecret' | 'tokenSecret'>): string {
  return library('', 'sha1').getBaseString(
    { url: baseUri(request.hostname, request.url), method: request.method, data: queryParameters(request.url) },
    signedOAuthData(request.params),
  );
}

export function computeSignature(request: SignedRequest): string {
  const algorithm = signatureAlgorithm(request.params.oauth_signature_method ?? '') ?? 'sha1';
  return library(request.consumerSecret, algorithm).getSignature(
    { url: baseUri(request.hostname, request.url), method: request.method, data: queryParameters(request.url) },
    request.tokenSecret,
    signedOAuthData(request.params),
  );
}

/** Compares the received signature (percent-decoded) with the computed one in constant time. */
export function signatureMatches(request: SignedRequest): boolean {
  const received = Buffer.from(decodeOAuthValue(request.params.oauth_signature ?? '') ?? '');
  const computed = Buffer.from(computeSignature(request));
  return received.length === computed.length && timingSafeEqual(received, computed);
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** OBP's 40-character random token and secret strings (about 238 bits). */
export function randomKey(length = 40): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length)) {
      // 248 = 4 × 62: bytes above it would favour the first letters
      if (byte < 248 && out.length < length) out += alphabet[byte % 62];
    }
  }
  return out;
}

/**
 * The callback as OBP stores it: percent-decoded, `oob` when empty. Beyond OBP, only `oob` or an
 * absolute URL whose scheme cannot run script is accepted, since the browser is sent there.
 */
export function callbackOf(value: string): string | undefined {
  const decoded = decodeOAuthValue(value) ?? '';
  if (decoded === '' || decoded === 'oob') return 'oob';
  let url: URL;
  try {
    url = new URL(decoded);
  } catch {
    return undefined;
  }
  if (['javascript:', 'data:', 'vbscript:', 'file:', 'blob:'].includes(url.protocol)) return undefined;
  return decoded;
}

/** `callback?oauth_token=…&oauth_verifier=…`, keeping the callback's own query. */
export function callbackWithVerifier(callback: string, token: string, verifier: string): string {
  const [beforeFragment] = callback.split('#', 1);
  const separator = beforeFragment!.includes('?') ? '&' : '?';
  return `${beforeFragment}${separator}oauth_token=${encodeURIComponent(token)}&oauth_verifier=${encodeURIComponent(verifier)}`;
}
