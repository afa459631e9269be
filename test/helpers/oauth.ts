/**
 * An OAuth 1.0a client for tests: requests signed with the `oauth-1.0a` package over the server's
 * configured hostname (OBP_HOSTNAME), sent to where the server listens.
 */
import { createHmac, randomUUID } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import type { TestResponse, TestServer } from './server.js';

export type Algorithm = 'HMAC-SHA1' | 'HMAC-SHA256';
export interface KeyPair {
  key: string;
  secret: string;
}

export interface SignOptions {
  consumer: KeyPair;
  token?: KeyPair;
  /** more protocol parameters: oauth_callback, oauth_verifier */
  extra?: Record<string, string>;
  algorithm?: Algorithm;
  nonce?: string;
  timestamp?: number;
  /** the base URI signed (default: the server's configured hostname) */
  hostname?: string;
}

export function oauthHeader(server: TestServer, method: string, path: string, o: SignOptions): string {
  const algorithm = o.algorithm ?? 'HMAC-SHA1';
  const client = new OAuth({
    consumer: o.consumer,
    signature_method: algorithm,
    hash_function: (base, key) =>
      createHmac(algorithm === 'HMAC-SHA1' ? 'sha1' : 'sha256', key)
        .update(base)
        .digest('base64'),
  });
  const data: Record<string, string> = {
    oauth_consumer_key: o.consumer.key,
    oauth_nonce: o.nonce ?? randomUUID().replace(/-/g, ''),
    oauth_signature_method: algorithm,
    oauth_timestamp: String(o.timestamp ?? Math.floor(Date.now() / 1000)),
    oauth_version: '1.0',
    ...(o.token && { oauth_token: o.token.key }),
    ...o.extra,
  };
  const signature = client.getSignature({ url: (o.hostname ?? server.config.hostname) + path, method }, o.token?.secret, {
    ...data,
  } as unknown as OAuth.Data);
  const all = { ...data, oauth_signature: signature };
  return (
    'OAuth ' +
    Object.entries(all)
      .map(([k, v]) => `${k}="${client.percentEncode(v)}"`)
      .join(', ')
  );
}

export function signedCall(server: TestServer, method: string, path: string, o: SignOptions): Promise<TestResponse> {
  return server.call(method, path, { headers: { Authorization: oauthHeader(server, method, path, o) } });
}

export function formReply(res: TestResponse): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(res.text));
}

export async function initiate(
  server: TestServer,
  consumer: KeyPair,
  callback = 'http://localhost:8888/callback',
  algorithm?: Algorithm,
): Promise<KeyPair> {
  const res = await signedCall(server, 'POST', '/oauth/initiate', { consumer, algorithm, extra: { oauth_callback: callback } });
  if (res.status !== 200) throw new Error(`initiate failed: ${res.status} ${res.text}`);
  const r = formReply(res);
  return { key: r.oauth_token!, secret: r.oauth_token_secret! };
}

export interface LoginPage {
  res: Response;
  html: string;
  cookie: string;
  csrf: string;
}

export async function openAuthorizePage(server: TestServer, requestToken: string): Promise<LoginPage> {
  const res = await fetch(`${server.url}/oauth/authorize?oauth_token=${encodeURIComponent(requestToken)}`);
  const html = await res.text();
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrf = /name="csrf_token" value="([^"]*)"/.exec(html)?.[1] ?? '';
  return { res, html, cookie, csrf };
}

export async function postLogin(
  server: TestServer,
  fields: Record<string, string>,
  cookie: string | undefined,
): Promise<{ status: number; location: string | null; html: string; headers: Headers }> {
  const res = await fetch(`${server.url}/oauth/authorize`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, location: res.headers.get('location'), html: await res.text(), headers: res.headers };
}

/** Logs in on the page and returns the verifier from the callback redirect (or the page, for `oob`). */
export async function authorize(server: TestServer, requestToken: string, username: string, password: string): Promise<string> {
  const page = await openAuthorizePage(server, requestToken);
  const res = await postLogin(server, { oauth_token: requestToken, csrf_token: page.csrf, username, password }, page.cookie);
  if (res.status === 302) return new URL(res.location!).searchParams.get('oauth_verifier')!;
  const shown = /id="verifier">([^<]*)</.exec(res.html)?.[1];
  if (res.status !== 200 || !shown) throw new Error(`authorize failed: ${res.status} ${res.html}`);
  return shown;
}

export async function exchange(
  server: TestServer,
  consumer: KeyPair,
  requestToken: KeyPair,
  verifier: string,
  algorithm?: Algorithm,
) {
  return signedCall(server, 'POST', '/oauth/token', {
    consumer,
    token: requestToken,
    algorithm,
    extra: { oauth_verifier: verifier },
  });
}

/** The whole three-legged flow: the access token and its secret. */
export async function accessToken(
  server: TestServer,
  consumer: KeyPair,
  user: { username: string; password: string },
  algorithm?: Algorithm,
) {
  const requestToken = await initiate(server, consumer, undefined, algorithm);
  const verifier = await authorize(server, requestToken.key, user.username, user.password);
  const res = await exchange(server, consumer, requestToken, verifier, algorithm);
  if (res.status !== 200) throw new Error(`token failed: ${res.status} ${res.text}`);
  const r = formReply(res);
  return { key: r.oauth_token!, secret: r.oauth_token_secret! };
}
