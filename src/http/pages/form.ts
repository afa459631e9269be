/**
 * Form posts (`application/x-www-form-urlencoded`) for the routes of one Fastify scope: the body is
 * read up to a small limit into URLSearchParams; any other content type reaches the handler as no form.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const formBodyLimit = 16 * 1024;

export function acceptForms(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: formBodyLimit },
    (_request, body, done) => done(null, new URLSearchParams(body as string)),
  );
  scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
}

/** One field of the posted form: its single value, or undefined when absent or given twice. */
export function formField(request: FastifyRequest, name: string): string | undefined {
  const form = request.body;
  if (!(form instanceof URLSearchParams)) return undefined;
  const values = form.getAll(name);
  return values.length === 1 ? values[0] : undefined;
}
