/**
 * Fuzzing generated from the endpoint declarations: every declared endpoint with a body schema gets
 * invalid bodies derived from its schema and example; every mounted route gets hostile path values,
 * query strings and request targets. A new declaration joins without any change here.
 *
 * Oracle: never 5xx; errors OBP-shaped; invalid bodies answered 4xx; no table changes (every table but
 * `metrics`, snapshotted before and after each endpoint's batch); Object.prototype untouched.
 *
 * FUZZ_SEED (default below) fixes the variants; FUZZ_RUNS (default 200) is the number of body variants
 * per endpoint and scales the random URL variants; FUZZ_REPORT=<file> writes every failure to
 * <file>.<store>.json.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Endpoint } from '../../src/api/endpoint.js';
import { allEndpoints } from '../../src/api/index.js';
import { mountedRoutes, type MountedRoute } from '../../src/http/route-table.js';
import { mapLimit, rawRequest, type RawResponse } from '../helpers/raw-http.js';
import { bodyLimitOf } from '../../src/http/body-limits.js';
import { startTestServer, storeKind, type TestServer } from '../helpers/server.js';
import { snapshot, snapshotDiff } from '../helpers/table-snapshot.js';
import { bodyContext, breaksSchema, oversized, sampleBodies, type BodyVariant, type Claim } from './body-variants.js';
import { buildFixture, withFixtureValues, type FuzzFixture } from './fixture.js';
import type { Failure } from './failure.js';
import { bodyAnswerProblem, plainTexts, urlAnswerProblem } from './oracle.js';
import { hostileQueries, hostileSegments, randomSegments, rawTargets, type UrlKind } from './url-variants.js';
import { toJsonText } from './json-text.js';

const seed = Number(process.env.FUZZ_SEED ?? 20_240_611);
const runs = Number(process.env.FUZZ_RUNS ?? 200);
const concurrency = 6;

if (!Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1) throw new Error('FUZZ_SEED and FUZZ_RUNS must be integers');

/** A per-batch seed: the same variants for the same FUZZ_SEED, different ones per endpoint and kind. */
function seedFor(...parts: string[]): number {
  let h = seed | 0;
  for (const ch of parts.join('|')) h = (Math.imul(h ^ ch.charCodeAt(0), 0x01000193) + 0x9e3779b9) | 0;
  return h;
}

const routes = mountedRoutes(allEndpoints);
/** one URL per endpoint with a body (the first it is mounted at) */
const bodyRoutes = routes.filter((r, i) => r.endpoint.body && routes.findIndex((o) => o.endpoint === r.endpoint) === i);

const isWrite = (endpoint: Endpoint) => endpoint.verb !== 'GET';
const label = (route: MountedRoute) => `${route.endpoint.verb} ${route.url} (${route.endpoint.operationId})`;

let server: TestServer;
let fixture: FuzzFixture;
let started = 0;
const prototypeMembers = Object.getOwnPropertyNames(Object.prototype).sort().join(',');
const counts = new Map<string, number>();
const failures: Failure[] = [];

function count(what: string, n = 1) {
  counts.set(what, (counts.get(what) ?? 0) + n);
}

/** The route's URL with every placeholder filled from the fixture, `override` replacing one (wire form). */
function fill(route: MountedRoute, override?: { placeholder: string; wire: string }): string {
  return route.url
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment;
      const name = segment.slice(1);
      if (override?.placeholder === name) return override.wire;
      return encodeURIComponent(fixture.values[name as keyof FuzzFixture['values']]);
    })
    .join('/');
}

function preview(body: string | Buffer | undefined, max = 300): string {
  if (body === undefined) return 'no body';
  const text = Buffer.isBuffer(body) ? body.toString('latin1') : body;
  const shown = JSON.stringify(text.length > max ? text.slice(0, max) : text);
  return `${Buffer.byteLength(body)} bytes ${shown}${text.length > max ? '…' : ''}`;
}

function answerPreview(answer: RawResponse | undefined, max = 300): string {
  if (!answer) return '';
  return answer.text.length > max ? `${answer.text.slice(0, max)}…` : answer.text;
}

function containsNul(bytes: string | Buffer | undefined): boolean {
  if (bytes === undefined) return false;
  const text = Buffer.isBuffer(bytes) ? bytes.toString('latin1') : bytes;
  // a raw NUL, its JSON escape in a body, or %00 in a URL
  return text.includes('\u0000') || /\\u0000|%00/i.test(text);
}

function record(f: Omit<Failure, 'store'>) {
  failures.push({ store: storeKind, ...f });
}

function describeFailure(f: Failure, n: number): string {
  return [
    `${n}) ${f.endpoint} — ${f.test}/${f.kind}`,
    `   sent: ${f.variant}`,
    `   answer: ${f.status ?? '-'} ${f.body}`,
    `   problem: ${f.problem}`,
  ].join('\n');
}

/** Fails the current test with every failure recorded since `from`. */
function assertNoNewFailures(from: number) {
  const fresh = failures.slice(from);
  if (fresh.length === 0) return;
  const shown = fresh.slice(0, 12).map((f, i) => describeFailure(f, i + 1));
  const more = fresh.length > shown.length ? `\n… and ${fresh.length - shown.length} more` : '';
  throw new Error(
    `${fresh.length} fuzz failure(s) on ${storeKind} (FUZZ_SEED=${seed} FUZZ_RUNS=${runs}):\n${shown.join('\n')}${more}`,
  );
}

async function checkedBatch<T>(
  route: MountedRoute,
  test: string,
  items: readonly T[],
  send: (item: T) => Promise<{ answer: RawResponse | undefined; error?: string }>,
  judge: (item: T, answer: RawResponse) => string | undefined,
  describe: (item: T) => { kind: string; claims: Claim[]; variant: string; raw: string | Buffer | undefined; target?: string },
) {
  const before = await snapshot(server.store);
  const accepted: Failure[] = [];
  await mapLimit(items, concurrency, async (item) => {
    const d = describe(item);
    if (test === 'body') count(`body/${d.kind}`);
    count(test === 'body' ? 'body' : d.kind);
    const { answer, error } = await send(item);
    const problem = error ?? (answer ? judge(item, answer) : 'no answer');
    const base = {
      test: test === 'body' ? 'body' : d.kind,
      endpoint: label(route),
      operationId: route.endpoint.operationId,
      kind: d.kind,
      claims: d.claims,
      variant: d.variant,
      target: d.target,
      status: answer?.status,
      body: answerPreview(answer),
      nul: containsNul(d.raw),
    };
    if (problem) record({ ...base, problem });
    if (answer && answer.status < 300) accepted.push({ store: storeKind, ...base, problem: problem ?? '' });
  });
  const after = await snapshot(server.store);
  const diff = snapshotDiff(before, after);
  if (diff.length > 0) {
    // a GET that writes is never explained by what it accepted
    const suspects = test === 'body' || isWrite(route.endpoint) ? accepted : [];
    record({
      test: 'tables',
      endpoint: label(route),
      operationId: route.endpoint.operationId,
      kind: `${test} batch`,
      claims: [],
      variant: suspects.length
        ? `accepted in this batch: ${suspects
            .slice(0, 5)
            .map((s) => `[${s.kind}] ${s.variant.slice(0, 160)}`)
            .join(' | ')}`
        : `${items.length} ${test} variants, none accepted`,
      status: undefined,
      body: diff.join('\n           '),
      problem: 'tables changed',
      nul: false,
    });
  }
  const members = Object.getOwnPropertyNames(Object.prototype).sort().join(',');
  if (members !== prototypeMembers || ({} as Record<string, unknown>).polluted !== undefined) {
    record({
      test: 'prototype',
      endpoint: label(route),
      operationId: route.endpoint.operationId,
      kind: `${test} batch`,
      claims: [],
      variant: `${items.length} variants`,
      status: undefined,
      body: members,
      problem: 'Object.prototype was changed',
      nul: false,
    });
  }
}

async function send(method: string, target: string | Buffer, headers: Record<string, string>, body?: string | Buffer) {
  try {
    return { answer: await rawRequest(server.url, { method, target, headers, body }) };
  } catch (error) {
    return { answer: undefined, error: `no answer: ${(error as Error).message}` };
  }
}

describe(`fuzz[${storeKind}] FUZZ_SEED=${seed} FUZZ_RUNS=${runs}`, () => {
  beforeAll(async () => {
    started = Date.now();
    // the large limit (the sandbox import's) is kept small here, so oversized variants stay cheap to send
    server = await startTestServer({ OBP_LARGE_BODY_LIMIT_BYTES: String(1024 * 1024) });
    fixture = await buildFixture(server);
  });

  afterAll(async () => {
    await server?.stop();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const perKind = (test: string) =>
      [...counts]
        .filter(([k]) => k.startsWith(`${test}/`))
        .map(([k, n]) => `${k.slice(test.length + 1)} ${n}`)
        .join(', ');
    const total = ['body', 'path', 'query', 'raw-target'].reduce((n, t) => n + (counts.get(t) ?? 0), 0);
    console.log(
      `fuzz[${storeKind}]: ${total} variants, ${failures.length} failures, ` +
        `${seconds} s (FUZZ_SEED=${seed} FUZZ_RUNS=${runs}) — ` +
        `body ${counts.get('body') ?? 0} (${perKind('body')}); path ${counts.get('path') ?? 0}; ` +
        `query ${counts.get('query') ?? 0}; raw-target ${counts.get('raw-target') ?? 0}`,
    );
    if (process.env.FUZZ_REPORT) {
      const file = `${process.env.FUZZ_REPORT}.${storeKind}.json`;
      writeFileSync(file, JSON.stringify(failures, null, 1));
      console.log(`fuzz[${storeKind}]: ${failures.length} failures written to ${file}`);
    }
    if (fixture?.missing.length) {
      console.log(`fuzz[${storeKind}]: no existing value for ${fixture.missing.join(', ')} (filled with unknown ids)`);
    }
  });

  for (const route of bodyRoutes) {
    it(`body: ${label(route)}`, { timeout: 120_000 }, async () => {
      const { endpoint } = route;
      const from = failures.length;
      const limit = bodyLimitOf(endpoint, server.config);
      const ctx = bodyContext(endpoint.body!, withFixtureValues(endpoint.example.request, fixture), limit);
      // bodies above a large declared limit are costly to send: a few are enough
      const caps = new Map(limit > 1024 * 1024 ? [['oversize', 3] as const] : []);
      const variants: BodyVariant[] = sampleBodies(ctx, runs, (kind) => seedFor(endpoint.operationId, kind), caps);
      // and one above the limit the running server is configured with, whatever it is
      variants.push(
        oversized('oversize', ['size'], 'example', toJsonText(ctx.base), Math.max(limit, server.config.bodyLimitBytes) + 1024),
      );
      const plain = plainTexts(endpoint);
      const target = fill(route);
      await checkedBatch(
        route,
        'body',
        variants,
        (v) => {
          const headers: Record<string, string> = { DirectLogin: `token=${fixture.caller.token}` };
          if (v.contentType !== undefined) headers['Content-Type'] = v.contentType;
          return send(endpoint.verb, target, headers, v.body);
        },
        (_v, answer) => bodyAnswerProblem(answer, plain),
        (v) => ({
          kind: v.kind,
          claims: v.claims,
          variant: `${v.note}; Content-Type ${v.contentType ?? '(none)'}; ${preview(v.body)}`,
          raw: v.body,
        }),
      );
      assertNoNewFailures(from);
    });
  }

  // every (route, placeholder) pair in a fixed order: it picks which controls that segment gets
  const segments = routes.flatMap((r) =>
    r.url
      .split('/')
      .filter((s) => s.startsWith(':'))
      .map((s) => `${r.url}|${s.slice(1)}`),
  );
  for (const route of routes) {
    // the first URL of an endpoint gets every variant; further URLs of the same endpoint (aliases) a quarter
    const alias = routes.findIndex((o) => o.endpoint === route.endpoint) !== routes.indexOf(route);
    it(`path, query and target: ${label(route)}`, { timeout: 120_000 }, async () => {
      const { endpoint } = route;
      const from = failures.length;
      const plain = plainTexts(endpoint);
      const placeholders = route.url
        .split('/')
        .filter((s) => s.startsWith(':'))
        .map((s) => s.slice(1));
      const existing = Object.entries(fixture.values).filter(([p]) => !fixture.missing.includes(p as never));
      const others = [...new Set(existing.map(([, v]) => encodeURIComponent(v)))];
      let items: { kind: UrlKind; note: string; target: string | Buffer }[] = [];
      for (const placeholder of placeholders) {
        const real = encodeURIComponent(fixture.values[placeholder as keyof FuzzFixture['values']]);
        // 8 of the 31 controls per segment, rotating, so every control is sent in a run
        const segment = segments.indexOf(`${route.url}|${placeholder}`);
        const controls = Array.from({ length: 8 }, (_, i) => ((segment * 8 + i) % 31) + 1);
        const values = [
          ...hostileSegments(real, others, controls),
          ...randomSegments(Math.ceil(runs / 20), seedFor(route.url, placeholder)),
        ];
        for (const [note, wire] of values)
          items.push({ kind: 'path', note: `${placeholder} ← ${note}`, target: fill(route, { placeholder, wire }) });
      }
      // hostile queries on writes without a body: on an id that does not exist, so nothing can be deleted
      const last = placeholders[placeholders.length - 1];
      const queryBase =
        isWrite(endpoint) && !endpoint.body && last ? fill(route, { placeholder: last, wire: 'fuzz-no-such-id' }) : fill(route);
      for (const [note, query] of hostileQueries(Math.ceil(runs / 10), seedFor(route.url, 'query'))) {
        items.push({ kind: 'query', note, target: `${queryBase}?${query}` });
      }
      for (const [note, target] of rawTargets(fill(route))) items.push({ kind: 'raw-target', note, target });
      if (alias) {
        const offset = Math.abs(seedFor(route.url)) % 4;
        items = items.filter((_, i) => i % 4 === offset);
      }

      // writes get a body that fails validation, so nothing can be created whatever the URL
      const headers: Record<string, string> = { DirectLogin: `token=${fixture.caller.token}` };
      let body: string | undefined;
      if (isWrite(endpoint) && (endpoint.body || placeholders.length === 0)) {
        body = endpoint.body && breaksSchema(endpoint.body, '[]') ? '[]' : '{';
        headers['Content-Type'] = 'application/json';
      }
      await checkedBatch(
        route,
        'url',
        items,
        (item) => send(endpoint.verb, item.target, headers, body),
        (_item, answer) => urlAnswerProblem(answer, plain),
        (item) => {
          const target = Buffer.isBuffer(item.target) ? item.target.toString('latin1') : item.target;
          return {
            kind: item.kind,
            claims: [],
            variant: `${item.note}: ${endpoint.verb} ${target.length > 300 ? `${target.slice(0, 300)}… (${target.length} chars)` : target}${body ? ` with body ${body}` : ''}`,
            raw: item.target,
            target,
          };
        },
      );
      assertNoNewFailures(from);
    });
  }
});
