/**
 * The login session of the consumer registration page: a random id in an HttpOnly cookie scoped to
 * the page, stored server-side only as its hash, with an expiry. Ending it deletes the row, so a
 * copied cookie is useless after logout.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { tokenHash } from '../../domain/auth/secrets.js';
import type { Store } from '../../store/index.js';
import { cookies } from '../pages/csrf.js';

export const sessionCookie = 'obp_registration_session';
export const sessionPath = '/consumer-registration';
/** a registration takes minutes; a forgotten browser tab should not stay logged in for long */
export const sessionLifetimeMs = 30 * 60 * 1000;

const idPattern = /^[A-Za-z0-9_-]{43}$/;

export interface Session {
  idHash: string;
  userId: string;
}

function cookieHeader(value: string, maxAge: number, secure: boolean): string {
  const attributes = [`Path=${sessionPath}`, 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAge}`, ...(secure ? ['Secure'] : [])];
  return `${sessionCookie}=${value}; ${attributes.join('; ')}`;
}

export async function startSession(store: Store, reply: FastifyReply, userId: string, secure: boolean): Promise<void> {
  const id = randomBytes(32).toString('base64url');
  await store.webSessions.insert({ idHash: tokenHash(id), userId, expiresAt: Date.now() + sessionLifetimeMs });
  reply.header('Set-Cookie', cookieHeader(id, sessionLifetimeMs / 1000, secure));
}

export async function currentSession(store: Store, request: FastifyRequest): Promise<Session | undefined> {
  const id = cookies(request)[sessionCookie];
  if (id === undefined || !idPattern.test(id)) return undefined;
  const idHash = tokenHash(id);
  const userId = await store.webSessions.userOf(idHash);
  return userId === undefined ? undefined : { idHash, userId };
}

export async function endSession(store: Store, reply: FastifyReply, session: Session, secure: boolean): Promise<void> {
  await store.webSessions.end(session.idHash);
  reply.header('Set-Cookie', cookieHeader('', 0, secure));
}
