/**
 * Payments benchmark on PostgreSQL: SANDBOX_TAN transaction requests below the challenge threshold,
 * (i) spread over 1,000 accounts and (ii) all paying into one hot account, each next to a bare
 * baseline doing the same locked two-row update and two inserts (bench/baseline-payments-postgres.mjs)
 * measured in the same round. After the run the ledger's invariants are checked in the database:
 * the sum of balances is unchanged, every balance equals its opening balance plus its transactions,
 * and every completed payment wrote exactly two transactions.
 */
import autocannon from 'autocannon';
import pg from 'pg';
import { demoCredentials } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { generateDemoData } from '../src/demo-data/generate.js';
import { openStore } from '../src/store/index.js';
import { createTestDatabase } from '../test/helpers/server.js';
import { connections, loginToken, median, rounds, seconds, start, stop, type Started } from './harness.js';

const bankId = 'bench-pay';
const accountCount = 1_000;
/** every generated account opens with 2,500.00 EUR and no transactions */
const openingCents = 250_000n;
/** a payment of at least 1,000 EUR would be challenged; these stay far below */
const amounts = ['1.00', '2.50', '12.34', '0.01', '99.99'];

interface Settings {
  connections: number;
  seconds: number;
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

/** a source and a destination, distinct; with `hot`, the destination is always the first account */
function pair(accounts: readonly string[], hot: boolean): [string, string] {
  const to = hot ? accounts[0]! : pick(accounts);
  let from = pick(accounts);
  while (from === to) from = pick(accounts);
  return [from, to];
}

/** the demo admin may grant roles at any bank; it grants itself the right to pay from any account of the bench bank */
async function grantPaymentRole(server: Started, token: string): Promise<void> {
  const headers = { DirectLogin: `token=${token}`, 'Content-Type': 'application/json' };
  const me = (await (await fetch(`${server.url}/obp/v2.1.0/users/current`, { headers })).json()) as { user_id: string };
  const res = await fetch(`${server.url}/obp/v2.1.0/users/${me.user_id}/entitlements`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ bank_id: bankId, role_name: 'CanCreateAnyTransactionRequest' }),
  });
  if (res.status !== 201) throw new Error(`granting CanCreateAnyTransactionRequest: ${res.status} ${await res.text()}`);
}

async function serverPayments(
  server: Started,
  token: string,
  accounts: readonly string[],
  hot: boolean,
  s: Settings,
): Promise<Run> {
  const headers = { DirectLogin: `token=${token}`, 'Content-Type': 'application/json' };
  const r = await autocannon({
    url: server.url,
    connections: s.connections,
    duration: s.seconds,
    requests: [
      {
        method: 'POST',
        headers,
        setupRequest: (req) => {
          const [from, to] = pair(accounts, hot);
          req.path = `/obp/v2.1.0/banks/${bankId}/accounts/${from}/owner/transaction-request-types/SANDBOX_TAN/transaction-requests`;
          req.body = JSON.stringify({
            to: { bank_id: bankId, account_id: to },
            value: { currency: 'EUR', amount: pick(amounts) },
            description: 'bench payment',
          });
          return req;
        },
      },
    ],
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, ok: r['2xx'], failed: r.non2xx + r.errors };
}

async function baselinePayments(baseline: Started, accounts: readonly string[], hot: boolean, s: Settings): Promise<Run> {
  const r = await autocannon({
    url: baseline.url,
    connections: s.connections,
    duration: s.seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        setupRequest: (req) => {
          const [from, to] = pair(accounts, hot);
          req.path = `/pay/${bankId}/${from}/${to}`;
          req.body = JSON.stringify({ amount: pick(amounts) });
          return req;
        },
      },
    ],
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, ok: r['2xx'], failed: r.non2xx + r.errors };
}

const line = (name: string, r: Run, base?: Run) =>
  `${name.padEnd(46)} ${r.rps.toFixed(0).padStart(6)} payments/s  p50 ${String(r.p50).padStart(3)} ms  p99 ${String(r.p99).padStart(4)} ms` +
  (r.failed ? `  (${r.failed} failed!)` : '') +
  (base ? `  ratio ${(r.rps / base.rps).toFixed(2)}` : '');

/** The ledger's invariants over the bench bank; returns the violations found (none is the goal). */
async function invariantViolations(url: string, answered: number): Promise<string[]> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    // one snapshot for every count: a payment cut off at the end of a run may still commit meanwhile
    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const problems: string[] = [];
    const total = await db.query<{ sum: string; n: string }>(
      'SELECT COALESCE(SUM(balance), 0)::text AS sum, COUNT(*)::text AS n FROM accounts WHERE bank_id = $1',
      [bankId],
    );
    const expected = openingCents * BigInt(total.rows[0]!.n);
    if (BigInt(total.rows[0]!.sum) !== expected) problems.push(`sum of balances ${total.rows[0]!.sum}, expected ${expected}`);
    const drift = await db.query<{ account_id: string }>(
      `SELECT a.account_id FROM accounts a
         LEFT JOIN (SELECT account_id, SUM(amount) AS moved FROM transactions WHERE bank_id = $1 GROUP BY account_id) t
           ON t.account_id = a.account_id
        WHERE a.bank_id = $1 AND a.balance <> $2 + COALESCE(t.moved, 0)`,
      [bankId, String(openingCents)],
    );
    if (drift.rowCount) problems.push(`${drift.rowCount} balances differ from opening + transactions`);
    // counted in the database: a request autocannon gave up on at the end of a run may still have paid
    const paid = await db.query<{ n: string }>(
      "SELECT COUNT(*)::text AS n FROM transaction_requests WHERE bank_id = $1 AND type = 'SANDBOX_TAN' AND status = 'COMPLETED'",
      [bankId],
    );
    const legs = await db.query<{ n: string }>(
      "SELECT COUNT(*)::text AS n FROM transactions WHERE bank_id = $1 AND kind = 'SANDBOX_TAN'",
      [bankId],
    );
    const completed = Number(paid.rows[0]!.n);
    if (completed < answered) problems.push(`${completed} completed payments stored, ${answered} answered 201`);
    if (Number(legs.rows[0]!.n) !== 2 * completed) {
      problems.push(`${legs.rows[0]!.n} SANDBOX_TAN transactions for ${completed} completed payments`);
    }
    await db.query('COMMIT');
    return problems;
  } finally {
    await db.end();
  }
}

/** Runs the payments benchmark; true if goal (i) is met and no invariant was violated. */
export async function payments(port = 18_220): Promise<boolean> {
  const s: Settings = { connections, seconds };
  const db = await createTestDatabase();
  const env = { OBP_DATABASE_URL: db.url, OBP_DEMO: 'true' };
  let server: Started | undefined;
  let baseline: Started | undefined;
  try {
    server = await start(['scripts/start.mjs'], port, env, '/obp/v2.1.0/root');
    const config = loadConfig({ ...process.env, ...env });
    const store = await openStore({ databaseUrl: db.url, dataDir: config.dataDir, secretKey: config.secretKey });
    let accounts: string[];
    try {
      const t0 = performance.now();
      const generated = await generateDemoData(store, {
        bankId,
        accounts: accountCount,
        transactions: 0,
        provider: config.localIdentityProvider,
        password: 'Bench-Pass-2026!',
      });
      accounts = generated.accounts;
      console.log(`payments: ${accountCount} accounts written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } finally {
      await store.close();
    }
    const { username, password } = demoCredentials.admin;
    const token = await loginToken(server, username, password, demoCredentials.consumerKey);
    await grantPaymentRole(server, token);
    baseline = await start(['bench/baseline-payments-postgres.mjs'], port + 1, env, '/ready');

    let completed = 0;
    const warm = { ...s, seconds: 2 };
    completed += (await serverPayments(server, token, accounts, false, warm)).ok;
    await baselinePayments(baseline, accounts, false, warm);

    console.log('Payments (PostgreSQL, SANDBOX_TAN below the challenge threshold):');
    const spread: number[] = [];
    const hotRatios: number[] = [];
    const spreadRps: number[] = [];
    let failed = 0;
    for (let round = 1; round <= rounds; round++) {
      const baseSpread = await baselinePayments(baseline, accounts, false, s);
      const oursSpread = await serverPayments(server, token, accounts, false, s);
      const baseHot = await baselinePayments(baseline, accounts, true, s);
      const oursHot = await serverPayments(server, token, accounts, true, s);
      completed += oursSpread.ok + oursHot.ok;
      failed += oursSpread.failed + oursHot.failed;
      console.log(`round ${round}`);
      console.log(line('baseline: locked 2-row update + 2 inserts, spread', baseSpread));
      console.log(line(`SANDBOX_TAN over ${accountCount} accounts`, oursSpread, baseSpread));
      console.log(line('baseline: one hot account', baseHot));
      console.log(line('SANDBOX_TAN into one hot account', oursHot, baseHot));
      spread.push(oursSpread.rps / baseSpread.rps);
      spreadRps.push(oursSpread.rps);
      hotRatios.push(oursHot.rps / baseHot.rps);
    }
    const violations = await invariantViolations(db.url, completed);
    const rps = median(spreadRps);
    const ratio = median(spread);
    const met = (rps >= 1000 || ratio >= 0.5) && violations.length === 0 && failed === 0;
    console.log(
      `payments spread over ${accountCount} accounts (median of ${rounds}): ${rps.toFixed(0)} payments/s, ratio ${ratio.toFixed(2)}  (goal >= 1000/s or ratio >= 0.5) ${rps >= 1000 || ratio >= 0.5 ? 'met' : 'NOT MET'}`,
    );
    console.log(`payments into one hot account (median of ${rounds}): ratio ${median(hotRatios).toFixed(2)}  (reported)`);
    console.log(
      `payments invariants after ${completed} payments answered 201: ${violations.length === 0 && failed === 0 ? 'none violated' : `VIOLATED: ${[...violations, `${failed} failed requests`].join('; ')}`}`,
    );
    console.log('');
    return met;
  } finally {
    await Promise.all([server && stop(server), baseline && stop(baseline)]);
    await db.drop();
  }
}
