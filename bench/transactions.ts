/**
 * Transaction pages of a long account on PostgreSQL: `npm run demo-data` writes one account with a
 * million transactions (BENCH_TRANSACTIONS) and one with ten thousand into a fresh database, then
 * the owner-view list is loaded for the first page, a deep page (offset half the account) and a
 * date-filtered page, next to a bare-Fastify route reading the same pages (bench/baseline-server-
 * postgres.mjs). The deep page's plan is checked with EXPLAIN (ANALYZE, BUFFERS) on the statement the
 * server itself builds from the same headers.
 */
import { spawn } from 'node:child_process';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { demoCredentials } from '../src/bootstrap.js';
import { transactionPageQuery } from '../src/api/transactions/transaction-params.js';
import { pageQuery } from '../src/store/repos/transactions.js';
import type { Database } from '../src/store/schema.js';
import { createTestDatabase } from '../test/helpers/server.js';
import { goal, load, loginToken, median, root, rounds, row, start, stop, type Case, type Result } from './harness.js';

const bankId = 'bench-tx';
const password = 'Bench-Pass-2026!';
const big = Number(process.env.BENCH_TRANSACTIONS ?? 1_000_000);
const small = 10_000;
// One user paging deep: with many connections a query that reads half a million index entries
// measures the queue in front of two cores, not the page.
const deepConnections = Number(process.env.BENCH_DEEP_CONNECTIONS ?? 1);
const n = (x: number) => x.toLocaleString('en');
const goals = { firstPage: 0.5, deepP99Ms: 100, heapFetchShare: 0.01, flat: 2 };

interface Generated {
  username: string;
  accountId: string;
  seconds: number;
}

/** `npm run demo-data -- --bank … --accounts 1 --transactions n`, as a user would run it */
function generate(env: Record<string, string>, transactions: number): Promise<Generated> {
  return new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', 'src/demo-data/main.ts', '--bank', bankId, '--accounts', '1'];
    args.push('--transactions', String(transactions), '--password', password);
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const done = / transactions in ([\d.]+) s/.exec(out);
      const user = /^ {2}(\S+) {2}(\S+)$/m.exec(out);
      if (code !== 0 || !done || !user) return reject(new Error(`demo-data exited with ${code}: ${out.slice(-500)}`));
      resolve({ seconds: Number(done[1]), username: user[1]!, accountId: user[2]! });
    });
  });
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Scan Direction'?: string;
  'Actual Rows'?: number;
  'Heap Fetches'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

interface ScanReport {
  plan: 'custom' | 'generic';
  nodeType: string;
  index: string;
  entries: number;
  heapFetches: number;
  hit: number;
  read: number;
  executionMs: number;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the page statement the server runs for these request headers, as
 * the server runs it: a named prepared statement, which PostgreSQL may plan with the values
 * (custom plan) or once for all values (generic plan, typically from the sixth execution on).
 */
async function explainPage(url: string, accountId: string, headers: Record<string, string>): Promise<ScanReport[]> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const client = await pool.connect();
  try {
    const query = pageQuery(db, bankId, accountId, transactionPageQuery(headers, {}), 'owner').compile();
    await client.query(`PREPARE page AS ${query.sql}`);
    const values = query.parameters.map((v) => (typeof v === 'number' ? String(v) : client.escapeLiteral(String(v))));
    const reports: ScanReport[] = [];
    for (const mode of ['force_custom_plan', 'force_generic_plan']) {
      await client.query(`SET plan_cache_mode = ${mode}`);
      const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(
        `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE page(${values.join(', ')})`,
      );
      const [{ Plan: plan, 'Execution Time': executionMs }] = rows[0]!['QUERY PLAN'];
      const scans: PlanNode[] = [];
      const walk = (n: PlanNode) => {
        if (n['Node Type'].includes('Scan')) scans.push(n);
        n.Plans?.forEach(walk);
      };
      walk(plan);
      // the scan that skips the offset: the one reading the most entries
      const scan = scans.sort((a, b) => (b['Actual Rows'] ?? 0) - (a['Actual Rows'] ?? 0))[0]!;
      reports.push({
        plan: mode === 'force_custom_plan' ? 'custom' : 'generic',
        nodeType: scan['Node Type'],
        index: scan['Index Name'] ?? '-',
        entries: scan['Actual Rows'] ?? 0,
        heapFetches: scan['Heap Fetches'] ?? 0,
        hit: plan['Shared Hit Blocks'] ?? 0,
        read: plan['Shared Read Blocks'] ?? 0,
        executionMs,
      });
    }
    return reports;
  } finally {
    client.release();
    await db.destroy();
  }
}

function describe(p: ScanReport): string {
  return `${p.nodeType} on ${p.index}, ${p.entries} index entries, heap fetches ${p.heapFetches}; statement buffers hit ${p.hit} read ${p.read}, ${p.executionMs.toFixed(1)} ms under EXPLAIN ANALYZE (${p.plan} plan)`;
}

/** an Index Only Scan of the paging index that visits the heap for at most 1% of the entries it reads */
const fromIndex = (p: ScanReport) =>
  p.nodeType === 'Index Only Scan' && p.index === 'transactions_paging_ix' && p.heapFetches <= goals.heapFetchShare * p.entries;

/** a page's request must answer 200 with a full page before it is measured */
async function checkPage(c: Case): Promise<void> {
  const res = await fetch(c.url, { headers: c.headers });
  const body = (await res.json()) as { transactions?: unknown[] };
  if (res.status !== 200 || body.transactions?.length !== 50) {
    throw new Error(`${c.name}: ${res.status}, ${body.transactions?.length ?? 'no'} transactions`);
  }
}

export async function transactionPages(): Promise<boolean> {
  const database = await createTestDatabase();
  const env = { OBP_DATABASE_URL: database.url, OBP_DEMO: 'true' };
  try {
    // the server creates the schema and the demo consumer; the generator then writes the accounts
    const server = await start(['scripts/start.mjs'], 18_206, env, '/obp/v2.1.0/root');
    const baseline = await start(['bench/baseline-server-postgres.mjs'], 18_207, env, '/banks/obp-bank-x-gh');
    try {
      const long = await generate(env, big);
      console.log(
        `transactions: generated ${n(big)} transactions in ${long.seconds.toFixed(1)} s (${Math.round(big / long.seconds)}/s, npm run demo-data, bulk inserts, VACUUM ANALYZE included)`,
      );
      const short = await generate(env, small);
      console.log(
        `transactions: generated ${n(small)} transactions in a second account of the same bank in ${short.seconds.toFixed(1)} s`,
      );

      const token = await loginToken(server, long.username, password, demoCredentials.consumerKey);
      const auth = { DirectLogin: `token=${token}` };
      const shortToken = await loginToken(server, short.username, password, demoCredentials.consumerKey);
      const list = (accountId: string) => `${server.url}/obp/v2.1.0/banks/${bankId}/accounts/${accountId}/owner/transactions`;
      const bare = `${baseline.url}/banks/${bankId}/accounts/${long.accountId}/transactions`;
      const deep = { obp_limit: '50', obp_offset: String(Math.floor(big / 2)) };
      const dated = { obp_limit: '50', obp_from_date: '2023-06-01T00:00:00.000Z', obp_to_date: '2023-07-01T00:00:00.000Z' };
      const first = { obp_limit: '50' };
      const cases: Case[] = [
        { name: 'baseline: first page', url: bare, headers: first },
        { name: `first page (${n(big)} transactions)`, url: list(long.accountId), headers: { ...auth, ...first } },
        {
          name: `first page (${n(small)} transactions)`,
          url: list(short.accountId),
          headers: { DirectLogin: `token=${shortToken}`, ...first },
        },
        { name: 'baseline: date-filtered page (June 2023)', url: bare, headers: dated },
        { name: 'date-filtered page (June 2023)', url: list(long.accountId), headers: { ...auth, ...dated } },
        { name: `baseline: deep page, ${deepConnections} conn.`, url: bare, headers: deep, connections: deepConnections },
        {
          name: `deep page obp_offset=${deep.obp_offset}, ${deepConnections} conn.`,
          url: list(long.accountId),
          headers: { ...auth, ...deep },
          connections: deepConnections,
        },
      ];
      for (const c of cases) await checkPage(c);
      for (const c of cases) await load(c, 2);

      const plans = await explainPage(database.url, long.accountId, deep);
      for (const p of plans) console.log(`transactions: deep page plan: ${describe(p)}`);
      for (const p of await explainPage(database.url, long.accountId, first))
        console.log(`transactions: first page plan: ${describe(p)}`);

      console.log(
        `transactions, GET /obp/v2.1.0/banks/${bankId}/accounts/ACCOUNT_ID/owner/transactions (DirectLogin), limit 50:`,
      );
      const firstRatio: number[] = [];
      const datedRatio: number[] = [];
      const deepRatio: number[] = [];
      const deepP99: number[] = [];
      const flat: number[] = [];
      for (let round = 1; round <= rounds; round++) {
        const r: Result[] = [];
        for (const c of cases) r.push(await load(c));
        console.log(`round ${round}`);
        [r[0]!, r[1]!, r[2]!].forEach((x, i) => console.log(row(x, i === 0 ? undefined : r[0])));
        [r[3]!, r[4]!].forEach((x, i) => console.log(row(x, i === 0 ? undefined : r[3])));
        [r[5]!, r[6]!].forEach((x, i) => console.log(row(x, i === 0 ? undefined : r[5])));
        firstRatio.push(r[1]!.rps / r[0]!.rps);
        datedRatio.push(r[4]!.rps / r[3]!.rps);
        deepRatio.push(r[6]!.rps / r[5]!.rps);
        deepP99.push(r[6]!.p99);
        // a p99 of 0 ms (all answers within the first millisecond) counts as 1 ms
        flat.push(Math.max(1, r[1]!.p99) / Math.max(1, r[2]!.p99));
      }
      const m = `(median of ${rounds})`;
      console.log(`transactions date-filtered page / baseline throughput ${m}: ${median(datedRatio).toFixed(2)}`);
      console.log(`transactions deep page / baseline throughput ${m}: ${median(deepRatio).toFixed(2)}`);
      const planMet = plans.every(fromIndex);
      console.log(
        `transactions deep page plan: ${plans.map((p) => `${p.nodeType}, heap fetches ${p.heapFetches} (${p.plan})`).join('; ')}  (goal Index Only Scan on transactions_paging_ix, heap fetches <= ${goals.heapFetchShare * 100}% of ${plans[0]!.entries} entries) ${planMet ? 'met' : 'NOT MET'}`,
      );
      const met = [
        planMet,
        goal(`transactions first page / baseline throughput ${m}`, median(firstRatio), goals.firstPage, 'min'),
        goal(`transactions deep page p99, ${deepConnections} connection(s) ${m}`, median(deepP99), goals.deepP99Ms, 'max', ' ms'),
        goal(`transactions first page p99 at ${n(big)} / at ${n(small)} transactions ${m}`, median(flat), goals.flat, 'max'),
      ];
      console.log('');
      return met.every(Boolean);
    } finally {
      await Promise.all([stop(server), stop(baseline)]);
    }
  } finally {
    await database.drop();
  }
}
