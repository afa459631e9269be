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
const goals = { firstPage: 0.5, deepP99Ms: 100, entryShare: 0.1, flat: 2 };

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
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Heap Fetches'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

interface PlanReport {
  plan: 'custom' | 'generic';
  /** index entries read by all scans of the paging index (the page's, and a day's edge counted row by row) */
  entries: number;
  /** heap fetches of those scans: the skipped rows' data, had it to be read */
  heapFetches: number;
  /** scans of the paging index other than Index Only Scans */
  otherScans: string[];
  /** day-count rows read (0 for a plain page) */
  days: number;
  hit: number;
  read: number;
  executionMs: number;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the page statement the server runs for these request headers, as
 * the server runs it: a named prepared statement, which PostgreSQL may plan with the values
 * (custom plan) or once for all values (generic plan, typically from the sixth execution on).
 */
async function explainPage(url: string, accountId: string, headers: Record<string, string>): Promise<PlanReport[]> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const client = await pool.connect();
  try {
    const query = pageQuery(db, bankId, accountId, transactionPageQuery(headers, {}), 'owner').compile();
    await client.query(`PREPARE page AS ${query.sql}`);
    const values = query.parameters.map((v) => (typeof v === 'number' ? String(v) : client.escapeLiteral(String(v))));
    const reports: PlanReport[] = [];
    for (const mode of ['force_custom_plan', 'force_generic_plan']) {
      await client.query(`SET plan_cache_mode = ${mode}`);
      const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(
        `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE page(${values.join(', ')})`,
      );
      const [{ Plan: plan, 'Execution Time': executionMs }] = rows[0]!['QUERY PLAN'];
      const report: PlanReport = {
        plan: mode === 'force_custom_plan' ? 'custom' : 'generic',
        entries: 0,
        heapFetches: 0,
        otherScans: [],
        days: 0,
        hit: plan['Shared Hit Blocks'] ?? 0,
        read: plan['Shared Read Blocks'] ?? 0,
        executionMs,
      };
      const walk = (n: PlanNode) => {
        const read = (n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1);
        if (n['Index Name'] === 'transactions_paging_ix') {
          report.entries += read;
          report.heapFetches += n['Heap Fetches'] ?? 0;
          if (n['Node Type'] !== 'Index Only Scan') report.otherScans.push(n['Node Type']);
        }
        if (n['Node Type'].includes('Scan') && n['Relation Name'] === 'transaction_day_counts') report.days += read;
        n.Plans?.forEach(walk);
      };
      walk(plan);
      reports.push(report);
    }
    await client.query('DEALLOCATE page');
    return reports;
  } finally {
    client.release();
    await db.destroy();
  }
}

function describe(p: PlanReport): string {
  const other = p.otherScans.length > 0 ? ` (also ${p.otherScans.join(', ')})` : '';
  return `${p.entries} entries of transactions_paging_ix read${other}, heap fetches ${p.heapFetches}, ${p.days} day counts read; statement buffers hit ${p.hit} read ${p.read}, ${p.executionMs.toFixed(1)} ms under EXPLAIN ANALYZE (${p.plan} plan)`;
}

/** the skipped rows are neither read nor walked: no heap fetch, fewer index entries than a tenth of the offset */
const skipsUnread = (p: PlanReport, offset: number) =>
  p.heapFetches === 0 && p.otherScans.length === 0 && p.entries < offset * goals.entryShare;

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
      const offset = Number(deep.obp_offset);
      const planMet = plans.every((p) => skipsUnread(p, offset));
      console.log(
        `transactions deep page plan: ${plans.map((p) => `${p.entries} index entries, heap fetches ${p.heapFetches}, ${p.executionMs.toFixed(1)} ms (${p.plan})`).join('; ')}  (goal: the ${n(offset)} skipped rows unread: index-only, 0 heap fetches, < ${n(offset * goals.entryShare)} index entries) ${planMet ? 'met' : 'NOT MET'}`,
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
