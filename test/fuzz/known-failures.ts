/**
 * Failures today's server is known to produce, each with its cause. A failure matching an entry here is
 * reported (and counted in the summary line) but does not fail the run; anything else does.
 * `FUZZ_STRICT=1` ignores this list. Remove an entry once its cause is fixed: the summary says when an
 * entry matched nothing in a run.
 */
import type { Claim } from './body-variants.js';

export interface Failure {
  store: 'sqlite' | 'postgres';
  /** body | path | query | raw-target | tables | prototype */
  test: string;
  /** `VERB url (operation id)` */
  endpoint: string;
  operationId: string;
  kind: string;
  /** the body variant's claims (why it is invalid), empty for URL variants */
  claims: Claim[];
  /** what was sent, truncated */
  variant: string;
  /** URL variants: the whole request target */
  target?: string;
  status: number | undefined;
  /** the answer's body, truncated */
  body: string;
  problem: string;
  /** the raw bytes of what was sent contain NUL (a body string or %00 in the URL) */
  nul: boolean;
}

export interface KnownFailure {
  id: string;
  cause: string;
  /** the stores it happens on, when not all */
  stores?: Failure['store'][];
  matches(f: Failure): boolean;
}

/** Only the HTTP layer's parser rules make it invalid: no schema break, valid JSON. */
const parserOnly = (f: Failure) => f.claims.length > 0 && f.claims.every((c) => c === 'parser' || c === 'size');

function repeatsAQueryName(target: string | undefined): boolean {
  const query = target?.split('?')[1];
  if (query === undefined) return false;
  const names = query.split('&').map((pair) => pair.split('=')[0]);
  return new Set(names).size < names.length;
}

export const knownFailures: KnownFailure[] = [
  {
    id: 'lenient-json-parser',
    cause:
      'the body parser accepts NUL, other C0 controls and lone surrogates in strings, __proto__ keys (dropped), ' +
      'duplicate keys (last wins), any nesting depth, and bodies up to 5 MB; such bodies reach the handler and are acted on',
    matches: (f) =>
      (f.test === 'body' && parserOnly(f) && f.status !== undefined && f.status < 300) ||
      (f.test === 'tables' && f.problem === 'tables changed (by accepted variants that are known failures)'),
  },
  {
    id: 'nul-on-postgres',
    stores: ['postgres'],
    cause: 'PostgreSQL refuses NUL in text: a NUL in a body string or %00 in a path segment reaches a query and answers 500',
    matches: (f) => f.store === 'postgres' && f.status === 500 && f.nul,
  },
  {
    id: 'repeated-query-parameter',
    cause:
      'a repeated query parameter arrives as an array; GET /users paging (user-paging.ts) reads it as a string and answers 500',
    matches: (f) => f.test === 'query' && f.status === 500 && repeatsAQueryName(f.target),
  },
  {
    id: 'client-error-body',
    cause:
      "requests Node's HTTP parser refuses (raw space or non-ASCII byte in the target, request head over 16 KB) " +
      'are answered by Fastify\'s default client error handler: {"error","message","statusCode"}, not an OBP error',
    matches: (f) => f.test === 'raw-target' && (f.status === 400 || f.status === 431) && f.body.includes('"statusCode"'),
  },
];
