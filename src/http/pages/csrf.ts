/**
 * CSRF protection of the HTML forms, without server state: the browser holds a random secret in an
 * HttpOnly cookie, and each form carries a token derived from that secret and from what the form acts
 * on (a request token, a session): a page on another site can neither read the cookie nor compute the
 * token. A POST whose token does not match is refused before anything else is done.
 */
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const csrfCookie = 'obp_csrf';
export const csrfField = 'csrf_token';

export function cookies(request: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!(name in out)) out[name] = part.slice(eq + 1).trim();
  }
  return out;
}

const secretPattern = /^[A-Za-z0-9_-]{43}$/;

function tokenFor(secret: string, binding: string): string {
  return hash('sha256', `${secret}\n${binding}`, 'base64url');
}

/** The form token for `binding`; sets the cookie when the browser has none yet. */
export function issueCsrfToken(request: FastifyRequest, reply: FastifyReply, binding: string, secure: boolean): string {
  let secret = cookies(request)[csrfCookie];
  if (secret === undefined || !secretPattern.test(secret)) {
    secret = randomBytes(32).toString('base64url');
    const attributes = ['Path=/', 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])];
    reply.header('Set-Cookie', `${csrfCookie}=${secret}; ${attributes.join('; ')}`);
  }
  return tokenFor(secret, binding);
}

/** Whether the form's token was issued to this browser for `binding`. */
export function csrfTokenValid(request: FastifyRequest, sent: string | undefined, binding: string): boolean {
  const secret = cookies(request)[csrfCookie];
  if (secret === undefined || !secretPattern.test(secret) || sent === undefined) return false;
  const expected = Buffer.from(tokenFor(secret, binding));
  const received = Buffer.from(sent);
  return expected.length === received.length && timingSafeEqual(expected, received);
}
