/**
 * The server process killed (SIGKILL) at random moments during a stream of payments, then started
 * again on the same database, several times: nothing is half-written. Every balance is its opening
 * balance plus its transactions, the total is unchanged, and every completed request has exactly
 * its two transactions.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/domain/auth/secrets.js';
import { openStore, type Store } from '../../src/store/index.js';
import { ledgerProblems, requestsPath, type SeededAccount } from '../helpers/payments.js';
import { spawnServer, type ServerProcess } from '../helpers/process.js';
import { createTestData, testConsumer, type TestData } from '../helpers/server.js';

const password = 'Crash-Test-Pass-2026!';
const username = `crash-${randomUUID().slice(0, 8)}`;
let data: TestData;
const bankId = 'crash-bank';
let accounts: SeededAccount[];

function storeOptions() {
  return data.env.OBP_DATABASE_URL
    ? { databaseUrl: data.env.OBP_DATABASE_URL, dataDir: '' }
    : { databaseUrl: undefined, dataDir: data.env.OBP_DATA_DIR! };
}

async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeOptions());
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  data = await createTestData();
  accounts = Array.from({ length: 8 }, (_, i) => ({ bankId, accountId: `crash-${i}`, currency: 'EUR', opening: 100_000n }));
  await withStore(async (store) => {
    await store.banks.insert({
      bankId,
      shortName: 'Crash',
      fullName: 'Crash Bank',
      logo: '',
      website: '',
      nationalIdentifier: '',
      swiftBic: '',
      bankRoutingScheme: 'OBP',
      bankRoutingAddress: bankId,
    });
    const userId = randomUUID();
    await store.users.insert({
      userId,
      provider: 'http://127.0.0.1:8080',
      providerId: username,
      username,
      email: `${username}@example.com`,
      firstName: 'Crash',
      lastName: 'Test',
      passwordHash: await hashPassword(password),
      validated: true,
      badLoginAttempts: 0,
      locked: false,
    });
    for (const a of accounts) {
      await store.accounts.insert({
        bankId,
        accountId: a.accountId,
        number: a.accountId,
        kind: 'CURRENT',
        label: a.accountId,
        currency: 'EUR',
        balance: a.opening,
        holderName: `Holder ${a.accountId}`,
        iban: '',
        swiftBic: '',
        routingScheme: 'OBP',
        routingAddress: a.accountId,
      });
      await store.access.grant(userId, bankId, a.accountId, 'owner');
    }
  });
}, 60_000);

afterAll(() => data?.dispose());

const serverEnv = () => ({
  ...data.env,
  OBP_DEMO: 'false',
  OBP_BOOTSTRAP_CONSUMER_KEY: testConsumer.key,
  OBP_BOOTSTRAP_CONSUMER_SECRET: testConsumer.secret,
});

async function login(server: ServerProcess): Promise<string> {
  const res = await fetch(`${server.url}/my/logins/direct`, {
    method: 'POST',
    headers: { DirectLogin: `username="${username}", password="${password}", consumer_key="${testConsumer.key}"` },
  });
  if (res.status !== 201) throw new Error(`login ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** pays between random accounts with `clients` in flight until `stop` resolves; answers the statuses seen */
async function stream(server: ServerProcess, token: string, clients: number, stop: Promise<void>): Promise<number[]> {
  let stopped = false;
  void stop.then(() => (stopped = true));
  const statuses: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (!stopped) {
        const from = accounts[randomInt(8)]!;
        let to = accounts[randomInt(8)]!;
        while (to === from) to = accounts[randomInt(8)]!;
        try {
          const res = await fetch(server.url + requestsPath(from, 'SANDBOX_TAN'), {
            method: 'POST',
            headers: { DirectLogin: `token=${token}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({
              to: { bank_id: to.bankId, account_id: to.accountId },
              value: { currency: 'EUR', amount: `${randomInt(1, 99)}.${String(randomInt(0, 100)).padStart(2, '0')}` },
              description: 'crash stream',
            }),
          });
          statuses.push(res.status);
          await res.arrayBuffer();
        } catch {
          // the server died under this request: whether it committed is what the checks find out
        }
      }
    }),
  );
  return statuses;
}

async function invariants(): Promise<{ problems: string[]; completed: number; transactions: number; total: bigint }> {
  return withStore(async (store) => {
    const problems = await ledgerProblems(store, accounts);
    let completed = 0;
    let transactions = 0;
    let total = 0n;
    const ids = new Set<string>();
    for (const a of accounts) {
      const txs = await store.transactions.forAccount(a.bankId, a.accountId);
      transactions += txs.length;
      for (const t of txs) ids.add(t.transactionId);
      total += (await store.accounts.get(a.bankId, a.accountId))!.balance;
      for (const r of await store.transactionRequests.forAccount(a.bankId, a.accountId)) {
        if (r.status !== 'COMPLETED') problems.push(`request ${r.transaction_request_id} is ${r.status}`);
        completed++;
        if (!ids.has(r.transaction_id) && !(await store.transactions.exists(a.bankId, a.accountId, r.transaction_id))) {
          problems.push(`request ${r.transaction_request_id} has no debit transaction`);
        }
      }
    }
    return { problems, completed, transactions, total };
  });
}

describe('payments survive SIGKILL', () => {
  it('killed at random moments during a stream of payments, restarted on the same data: nothing half-written', async () => {
    let served = 0;
    for (let round = 0; round < 4; round++) {
      const server = await spawnServer(serverEnv());
      const token = await login(server);
      const kill = new Promise<void>((resolve) =>
        setTimeout(
          () => {
            server.child.once('exit', () => resolve());
            server.child.kill('SIGKILL');
          },
          randomInt(400, 1500),
        ),
      );
      const statuses = await stream(server, token, 12, kill);
      await kill;
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      served += statuses.filter((s) => s === 201).length;
      const state = await invariants();
      expect(state.problems).toEqual([]);
      expect(state.total).toBe(800_000n);
      expect(state.transactions).toBe(state.completed * 2);
      // every answered payment is there (requests cut off by the kill may or may not be)
      expect(state.completed).toBeGreaterThanOrEqual(served);
    }
    expect(served).toBeGreaterThan(0);
  }, 180_000);
});
