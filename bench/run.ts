/**
 * `npm run bench`: throughput and latency of two hot endpoints on PostgreSQL next to a bare-Fastify
 * baseline measured in the same run, plus cold start and idle memory on the embedded store.
 * Every server runs in its own process; the load generator (autocannon) runs here.
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

async function main(): Promise<void> {
  console.log(`obp-ts benchmark: ${connections} connections, ${seconds} s per case, node ${process.version}\n`);

  // Cold start and idle RSS on the embedded store, with the demo dataset created on first boot.
  const dataDir = mkdtempSync(join(tmpdir(), 'obp-bench-'));
  const embedded = await start(['scripts/start.mjs'], 18_201, { OBP_DATA_DIR: dataDir, OBP_DEMO: 'true' }, '/obp/v2.1.0/root');
  await new Promise((r) => setTimeout(r, 1500));
  const idleRss = rssMb(embedded.child.pid!);
  await stop(embedded);
  rmSync(dataDir, { recursive: true, force: true });

  const db = await createTestDatabase();
  try {
    const env = { OBP_DATABASE_URL: db.url, OBP_DEMO: 'true' };
    const server = await start(['scripts/start.mjs'], 18_202, env, '/obp/v2.1.0/root');
    const baseline = await start(['bench/baseline-server.mjs'], 18_203, env, '/banks/obp-bank-x-gh');
    const login = await fetch(`${server.url}/my/logins/direct`, {
      method: 'POST',
      headers: {
        DirectLogin: `username="alice", password="${demoCredentials.users[0]!.password}", consumer_key="${demoCredentials.consumerKey}"`,
      },
    });
    const { token } = (await login.json()) as { token: string };

    const cases: { name: string; url: string; headers: Record<string, string> }[] = [
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

    console.log('PostgreSQL (same database for all three):');
    const ratios: [number[], number[]] = [[], []];
    for (let round = 1; round <= rounds; round++) {
      const results: Result[] = [];
      for (const c of cases) results.push(await load(c.name, c.url, c.headers));
      console.log(`round ${round}`);
      results.forEach((r, i) => console.log(row(r, i === 0 ? undefined : results[0])));
      ratios[0].push(results[1]!.rps / results[0]!.rps);
      ratios[1].push(results[2]!.rps / results[0]!.rps);
    }
    await Promise.all([stop(server), stop(baseline)]);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log('');
    console.log(`ratio getBank / baseline (median of ${rounds}):    ${median(ratios[0]).toFixed(2)}  (goal >= 0.6)`);
    console.log(`ratio myAccounts / baseline (median of ${rounds}): ${median(ratios[1]).toFixed(2)}  (goal >= 0.6)`);
  } finally {
    await db.drop();
  }
  console.log(`cold start to first 200 (embedded store, demo data): ${embedded.startedInMs.toFixed(0)} ms  (goal < 2000)`);
  console.log(`idle RSS (embedded store): ${idleRss.toFixed(0)} MB  (goal < 150)`);
}

await main();
