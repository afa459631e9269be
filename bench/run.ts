/**
 * `npm run bench`: throughput and latency of two hot endpoints on PostgreSQL and on the embedded
 * store, each next to a bare-Fastify baseline on the same database measured in the same run, plus
 * cold start and idle memory on the embedded store. Every server runs in its own process; the load
 * generator (autocannon) runs here. BENCH_STORES=postgres or =sqlite runs one half.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createTestDatabase } from '../test/helpers/server.js';
import { demoCredentials } from '../src/bootstrap.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
// Cases are interleaved round by round and ratios taken per round: a noisy neighbour then hits
// the baseline and the server alike.
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const root = join(import.meta.dirname, '..');

interface Started {
  child: ChildProcess;
  url: string;
  startedInMs: number;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return performance.now() - t0;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timeout waiting for ${url}`);
}

/** `args` as given to node: the server is started exactly as `npm start` does it */
async function start(args: string[], port: number, env: Record<string, string>, readyPath: string): Promise<Started> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', OBP_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url + readyPath, child);
  return { child, url, startedInMs: performance.now() - t0 };
}

function stop(s: Started): Promise<void> {
  return new Promise((resolve) => {
    s.child.once('exit', () => resolve());
    s.child.kill('SIGTERM');
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function load(name: string, url: string, headers: Record<string, string> = {}): Promise<Result> {
  const r = await autocannon({ url, connections, duration: seconds, headers });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx + r.errors };
}

function row(r: Result, baseline?: Result): string {
  const ratio = baseline ? `  ratio ${(r.rps / baseline.rps).toFixed(2)}` : '';
  return `${r.name.padEnd(44)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${String(r.p50).padStart(3)} ms  p99 ${String(r.p99).padStart(4)} ms${r.non2xx ? `  (${r.non2xx} non-2xx!)` : ''}${ratio}`;
}

interface Case {
  name: string;
  url: string;
  headers: Record<string, string>;
}

/** The goals of the two hot cases, as ratios to the baseline of the same round. */
const goals = { getBank: 0.8, myAccounts: 0.7, p99: 1.5 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function loginToken(server: Started): Promise<string> {
  const login = await fetch(`${server.url}/my/logins/direct`, {
    method: 'POST',
    headers: {
      DirectLogin: `username="alice", password="${demoCredentials.users[0]!.password}", consumer_key="${demoCredentials.consumerKey}"`,
    },
  });
  return ((await login.json()) as { token: string }).token;
}

/** Runs the baseline and the two cases round by round; prints each round and the medians; true if the goals are met. */
async function compare(title: string, server: Started, baseline: Started): Promise<boolean> {
  const token = await loginToken(server);
  const cases: Case[] = [
    { name: 'baseline: bare Fastify + one PK SELECT', url: `${baseline.url}/banks/obp-bank-x-gh`, headers: {} },
    { name: 'GET /obp/v2.1.0/banks/BANK_ID (anonymous)', url: `${server.url}/obp/v2.1.0/banks/obp-bank-x-gh`, headers: {} },
    {
      name: 'GET /obp/v2.1.0/my/accounts (DirectLogin)',
      url: `${server.url}/obp/v2.1.0/my/accounts`,
      headers: { DirectLogin: `token=${token}` },
    },
  ];
  // warm-up: JIT, pools, prepared statements
  for (const c of cases) await autocannon({ url: c.url, connections, duration: 2, headers: c.headers });

  console.log(`${title}:`);
  const ratios: [number[], number[]] = [[], []];
  const p99s: [number[], number[]] = [[], []];
  for (let round = 1; round <= rounds; round++) {
    const results: Result[] = [];
    for (const c of cases) results.push(await load(c.name, c.url, c.headers));
    console.log(`round ${round}`);
    results.forEach((r, i) => console.log(row(r, i === 0 ? undefined : results[0])));
    for (const i of [0, 1] as const) {
      ratios[i].push(results[i + 1]!.rps / results[0]!.rps);
      // a p99 of 0 ms (all answers within the first millisecond) counts as 1 ms
      p99s[i].push(Math.max(1, results[i + 1]!.p99) / Math.max(1, results[0]!.p99));
    }
  }
  const lines: [string, number, number, 'min' | 'max'][] = [
    ['throughput getBank / baseline', median(ratios[0]), goals.getBank, 'min'],
    ['throughput myAccounts / baseline', median(ratios[1]), goals.myAccounts, 'min'],
    ['p99 getBank / baseline', median(p99s[0]), goals.p99, 'max'],
    ['p99 myAccounts / baseline', median(p99s[1]), goals.p99, 'max'],
  ];
  let met = true;
  for (const [label, value, goal, kind] of lines) {
    const ok = kind === 'min' ? value >= goal : value <= goal;
    met &&= ok;
    console.log(
      `${title} ${label} (median of ${rounds}): ${value.toFixed(2)}  (goal ${kind === 'min' ? '>=' : '<='} ${goal}) ${ok ? 'met' : 'NOT MET'}`,
    );
  }
  console.log('');
  return met;
}

/** the server and the baseline on one database (`env`), ports from `port` */
async function onStore(title: string, env: Record<string, string>, baselineScript: string, port: number): Promise<boolean> {
  // the server creates the schema and the demo data; the baseline then reads the same rows
  const server = await start(['scripts/start.mjs'], port, env, '/obp/v2.1.0/root');
  const baseline = await start([baselineScript], port + 1, env, '/banks/obp-bank-x-gh');
  try {
    return await compare(title, server, baseline);
  } finally {
    await Promise.all([stop(server), stop(baseline)]);
  }
}

async function postgres(): Promise<boolean> {
  const db = await createTestDatabase();
  try {
    const env = { OBP_DATABASE_URL: db.url, OBP_DEMO: 'true' };
    return await onStore('PostgreSQL', env, 'bench/baseline-server-postgres.mjs', 18_202);
  } finally {
    await db.drop();
  }
}

async function sqlite(): Promise<boolean> {
  const dataDir = mkdtempSync(join(tmpdir(), 'obp-bench-'));
  try {
    return await onStore(
      'SQLite (embedded)',
      { OBP_DATA_DIR: dataDir, OBP_DEMO: 'true' },
      'bench/baseline-server-sqlite.mjs',
      18_204,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`obp-ts benchmark: ${connections} connections, ${seconds} s per case, ${rounds} rounds, node ${process.version}\n`);

  // Cold start and idle RSS on the embedded store, with the demo dataset created on first boot.
  const dataDir = mkdtempSync(join(tmpdir(), 'obp-bench-'));
  const embedded = await start(['scripts/start.mjs'], 18_201, { OBP_DATA_DIR: dataDir, OBP_DEMO: 'true' }, '/obp/v2.1.0/root');
  await new Promise((r) => setTimeout(r, 1500));
  const idleRss = rssMb(embedded.child.pid!);
  await stop(embedded);
  rmSync(dataDir, { recursive: true, force: true });

  const stores = (process.env.BENCH_STORES ?? 'postgres,sqlite').split(',');
  const met: boolean[] = [];
  if (stores.includes('postgres')) met.push(await postgres());
  if (stores.includes('sqlite')) met.push(await sqlite());
  console.log(`cold start to first 200 (embedded store, demo data): ${embedded.startedInMs.toFixed(0)} ms  (goal < 2000)`);
  console.log(`idle RSS (embedded store): ${idleRss.toFixed(0)} MB  (goal < 150)`);
  console.log(met.every(Boolean) ? 'all throughput and latency goals met' : 'some goals NOT MET (see above)');
}

await main();
