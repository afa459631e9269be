/** Sending a page: the security headers every HTML page carries. */
import type { FastifyReply } from 'fastify';
import { styleHash } from './html.js';

/** No script at all, styles only the page's own, no framing, forms only to this server (and no base tag). */
export const contentSecurityPolicy = [
  "default-src 'none'",
  `style-src ${styleHash}`,
  "img-src 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** `csp`: a page with its own assets (the API Explorer) names what it loads */
export function securityHeaders(reply: FastifyReply, csp = contentSecurityPolicy): FastifyReply {
  // pages are not an API: no cross-origin reading
  reply.removeHeader('Access-Control-Allow-Origin');
  return reply
    .header('Content-Security-Policy', csp)
    .header('X-Frame-Options', 'DENY')
    .header('X-Content-Type-Options', 'nosniff')
    .header('Referrer-Policy', 'no-referrer')
    .header('Cross-Origin-Opener-Policy', 'same-origin')
    .header('Cache-Control', 'no-store');
}

export function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return securityHeaders(reply).code(status).type('text/html; charset=utf-8').send(html);
}
