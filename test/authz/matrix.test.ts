/**
 * The authorisation matrix, generated from the endpoint declarations: every endpoint whose path names
 * a bank, account, view, customer or user (or something below them) × five callers × the id variants
 * its path calls for. Each cell asserts the expected status and OBP code (see `expectations.ts`), that
 * the answer carries no marker of data the caller may not see, and — for writes that must be refused —
 * that no table changed. A declared endpoint joins without any change here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allEndpoints } from '../../src/api/index.js';
import { mapLimit } from '../helpers/raw-http.js';
import { startTestServer, storeKind, type TestResponse, type TestServer } from '../helpers/server.js';
import { snapshot, snapshotDiff, type Snapshot } from '../helpers/table-snapshot.js';
import { callerNames, createCallers, buildWorld, type Callers, type World } from './fixture.js';
import { cellsOf, judge, label, needsOwnWorld, send, type Cell } from './cells.js';
import { inMatrix, variantNames } from './variants.js';

const concurrency = 6;
/** Well below the count today: a generator that lost endpoints, callers or variants fails here. */
const minimumCells = 2500;

const endpoints = allEndpoints.filter(inMatrix);
const cellsByEndpoint = endpoints.map((endpoint) => ({ endpoint, cells: cellsOf(endpoint) }));
const cellCount = cellsByEndpoint.reduce((n, e) => n + e.cells.length, 0);
const ownWorldCells = cellsByEndpoint.flatMap((e) => e.cells.filter(needsOwnWorld));

let server: TestServer;
let callers: Callers;
let shared: World;
/** the world of each cell whose write is expected to succeed */
const worlds = new Map<Cell, World>();
let started = 0;
let sharedDone = 0;

function describeProblem(cell: Cell, url: string, res: TestResponse, problem: string): string {
  return `${label(cell)}: ${url} → ${res.status} ${res.text.slice(0, 200)}\n    ${problem}`;
}

describe(`authorisation matrix [${storeKind}]`, () => {
  beforeAll(async () => {
    started = Date.now();
    // with public views allowed, anonymous callers can reach an account through its public view
    server = await startTestServer({ OBP_ALLOW_PUBLIC_VIEWS: 'true' });
    callers = await createCallers(server);
    shared = await buildWorld(server, callers, 0, true);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `authorisation matrix: ${cellCount} cells (${endpoints.length} endpoints × ${callerNames.length} callers × ` +
        `up to ${variantNames.length} id variants; ${ownWorldCells.length} successful writes in worlds of their own) ` +
        `[${storeKind}: shared world ${seconds(sharedDone - started)}, worlds of their own ${seconds(Date.now() - sharedDone)}]`,
    );
  });

  it('covers enough cells', () => {
    expect(cellCount).toBeGreaterThan(minimumCells);
  });

  describe('in the shared world, which no cell changes', () => {
    let atStart: Snapshot;
    beforeAll(async () => {
      atStart = await snapshot(server.store);
    });
    afterAll(() => {
      sharedDone = Date.now();
    });
    const seen = new Set<string>();
    for (const { endpoint, cells } of cellsByEndpoint) {
      it(`${endpoint.verb} ${endpoint.path} (${endpoint.operationId})`, { timeout: 60_000 }, async () => {
        const problems: string[] = [];
        // writes are snapshotted each, reads all together (below)
        const before = endpoint.verb === 'GET' ? undefined : await snapshot(server.store);
        await mapLimit(
          cells.filter((c) => !needsOwnWorld(c)),
          concurrency,
          async (cell) => {
            const { url, res } = await send(server, cell, shared, callers);
            const problem = judge(cell, res, [shared], seen);
            if (problem) problems.push(describeProblem(cell, url, res, problem));
          },
        );
        const diff = before ? snapshotDiff(before, await snapshot(server.store)) : [];
        if (diff.length) problems.push(`tables changed by refused writes:\n    ${diff.join('\n    ')}`);
        expect(problems, problems.join('\n')).toEqual([]);
      });
    }

    it('changed no table', async () => {
      expect(snapshotDiff(atStart, await snapshot(server.store))).toEqual([]);
    });

    it('found every marker of X and Y in some answer allowed to show it', () => {
      const never = shared.markers.map((m) => m.what).filter((what) => !what.startsWith('Z ') && !seen.has(what));
      expect(never).toEqual([]);
    });
  });

  describe('successful writes, each in a world of its own', () => {
    let before: Snapshot;
    beforeAll(async () => {
      // built after the shared-world cells, so their table snapshots stay small
      await mapLimit(ownWorldCells, 4, async (cell, i) => {
        worlds.set(cell, await buildWorld(server, callers, i + 1, cell.variant === 'public-view'));
      });
      before = await snapshot(server.store);
    }, 300_000);

    for (const { endpoint, cells } of cellsByEndpoint.filter((e) => e.cells.some(needsOwnWorld))) {
      it(`${endpoint.verb} ${endpoint.path} (${endpoint.operationId})`, { timeout: 60_000 }, async () => {
        const problems: string[] = [];
        await mapLimit(cells.filter(needsOwnWorld), concurrency, async (cell) => {
          const world = worlds.get(cell)!;
          const { url, res } = await send(server, cell, world, callers);
          const problem = judge(cell, res, [shared, world]);
          if (problem) problems.push(describeProblem(cell, url, res, problem));
        });
        expect(problems, problems.join('\n')).toEqual([]);
      });
    }

    it('wrote only in the worlds of their own', async () => {
      // every row a successful write added, changed or removed names the bank of its own world
      const after = await snapshot(server.store);
      const outside: string[] = [];
      for (const [table, state] of after) {
        const old = new Set(before.get(table)?.lines ?? []);
        const now = new Set(state.lines);
        const changed = [...state.lines.filter((l) => !old.has(l)), ...[...old].filter((l) => !now.has(l))];
        outside.push(
          ...changed.filter((line) => !/"authz-[1-9]\d*-/.test(line)).map((line) => `${table}: ${line.slice(0, 300)}`),
        );
      }
      expect(outside).toEqual([]);
    });
  });
});
