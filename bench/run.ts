/**
 * `npm run bench`: throughput and latency of the hot endpoints on PostgreSQL and on the embedded
 * store, each next to a bare-Fastify baseline on the same database measured in the same run, plus
 * cold start and idle memory on the embedded store; and transaction pages of an account with a
 * million transactions on PostgreSQL (bench/transactions.ts). Every server runs in its own process;
 * the load generator (autocannon) runs here. BENCH_STORES=postgres or =sqlite runs one half;
 * BENCH_CASES=hot, =transactions or =payments (bench/payments.ts) one kind of case.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../test/helpers/server.js';
import { demoCredentials } from '../src/bootstrap.js';
import {
  connections,
  goal,
  load,
  loginToken,
  median,
  rounds,
  row,
  seconds,
  start,
  stop,
  type Case,
  type Result,
  type Started,
} from './harness.js';
import { payments } from './payments.js';
import { transactionPages } from './transactions.js';

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** The goals of the two hot cases, as ratios to the baseline of the same round. */
const goals = { getBank: 0.8, myAccounts: 0.7, p99: 1.5 };

/** Runs the baseline and the two cases round by round; prints each round and the medians; true if the goals are met. */
async function compare(title: string, server: Started, baseline: Started): Promise<boolean> {
  const alice = demoCredentials.users[0]!;
  const token = await loginToken(server, alice.username, alice.password, demoCredentials.consumerKey);
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
  for (const c of cases) await load(c, 2);

  console.log(`${title}:`);
  const ratios: [number[], number[]] = [[], []];
  const p99s: [number[], number[]] = [[], []];
  for (let round = 1; round <= rounds; round++) {
    const results: Result[] = [];
    for (const c of cases) results.push(await load(c));
    console.log(`round ${round}`);
    results.forEach((r, i) => console.log(row(r, i === 0 ? undefined : results[0])));
    for (const i of [0, 1] as const) {
      ratios[i].push(results[i + 1]!.rps / results[0]!.rps);
      // a p99 of 0 ms (all answers within the first millisecond) counts as 1 ms
      p99s[i].push(Math.max(1, results[i + 1]!.p99) / Math.max(1, results[0]!.p99));
    }
  }
  const m = `(median of ${rounds})`;
  const met = [
    goal(`${title} throughput getBank / baseline ${m}`, median(ratios[0]), goals.getBank, 'min'),
    goal(`${title} throughput myAccounts / baseline ${m}`, median(ratios[1]), goals.myAccounts, 'min'),
    goal(`${title} p99 getBank / baseline ${m}`, median(p99s[0]), goals.p99, 'max'),
    goal(`${title} p99 myAccounts / baseline ${m}`, median(p99s[1]), goals.p99, 'max'),
  ];
  console.log('');
  return met.every(Boolean);
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

/** Cold start and idle RSS on the embedded store, with the demo dataset created on first boot. */
async function coldStart(): Promise<{ startedInMs: number; idleRss: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'obp-bench-'));
  const embedded = await start(['scripts/start.mjs'], 18_201, { OBP_DATA_DIR: dataDir, OBP_DEMO: 'true' }, '/obp/v2.1.0/root');
  await new Promise((r) => setTimeout(r, 1500));
  const idleRss = rssMb(embedded.child.pid!);
  await stop(embedded);
  rmSync(dataDir, { recursive: true, force: true });
  return { startedInMs: embedded.startedInMs, idleRss };
}

async function main(): Promise<void> {
  console.log(`obp-ts benchmark: ${connections} connections, ${seconds} s per case, ${rounds} rounds, node ${process.version}\n`);
  const stores = (process.env.BENCH_STORES ?? 'postgres,sqlite').split(',');
  const kinds = (process.env.BENCH_CASES ?? 'hot,transactions,payments').split(',');
  const met: boolean[] = [];
  if (kinds.includes('hot')) {
    const cold = await coldStart();
    if (stores.includes('postgres')) met.push(await postgres());
    if (stores.includes('sqlite')) met.push(await sqlite());
    console.log(`cold start to first 200 (embedded store, demo data): ${cold.startedInMs.toFixed(0)} ms  (goal < 2000)`);
    console.log(`idle RSS (embedded store): ${cold.idleRss.toFixed(0)} MB  (goal < 150)\n`);
  }
  // a million generated rows are a PostgreSQL case: the embedded store is for small installations
  if (kinds.includes('transactions')) {
    if (stores.includes('postgres')) met.push(await transactionPages());
    else console.log('transaction pages: PostgreSQL only, not run\n');
  }
  if (kinds.includes('payments')) {
    if (stores.includes('postgres')) met.push(await payments());
    else console.log('payments: PostgreSQL only, not run\n');
  }
  console.log(met.every(Boolean) ? 'all throughput and latency goals met' : 'some goals NOT MET (see above)');
}

await main();
