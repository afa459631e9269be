/**
 * The ledger under concurrent payments over HTTP, on both stores: no money is created or lost, each
 * balance is its opening balance plus its transactions, no deadlock and no 5xx, a challenge pays
 * once however many answer it, an Idempotency-Key pays once however often it is sent.
 */
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  balanceOf,
  challengePath,
  ledgerProblems,
  requestsPath,
  seedAccount,
  transactionsOf,
  type SeededAccount,
} from '../helpers/payments.js';
import { seedBank, startTestServer, type TestResponse, type TestServer, type TestUser } from '../helpers/server.js';

let server: TestServer;
let owner: TestUser;
let bankId: string;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.user();
  bankId = await seedBank(server);
}, 60_000);
afterAll(() => server?.stop());

/** runs `tasks` with at most `clients` in flight */
async function withClients<T>(clients: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

const pay = (from: SeededAccount, to: SeededAccount, amount: string, headers?: Record<string, string>) =>
  server.call('POST', requestsPath(from, 'SANDBOX_TAN'), {
    token: owner.token,
    headers,
    body: { to: { bank_id: to.bankId, account_id: to.accountId }, value: { currency: 'EUR', amount }, description: 'load' },
  });

function statuses(results: readonly TestResponse[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

async function total(accounts: readonly SeededAccount[]): Promise<bigint> {
  let sum = 0n;
  for (const a of accounts) sum += await balanceOf(server.store, a);
  return sum;
}

async function transactionCount(accounts: readonly SeededAccount[]): Promise<number> {
  let n = 0;
  for (const a of accounts) n += (await transactionsOf(server.store, a)).length;
  return n;
}

describe('payments under concurrency', () => {
  it('(a) 8 accounts, 16 clients, 800 random transfers: the sum is unchanged to the cent', async () => {
    const accounts = await Promise.all(
      Array.from({ length: 8 }, () => seedAccount(server, bankId, { opening: 100_000n, owner })),
    );
    const tasks = Array.from({ length: 800 }, () => {
      const from = accounts[randomInt(8)]!;
      let to = accounts[randomInt(8)]!;
      while (to === from) to = accounts[randomInt(8)]!;
      const cents = randomInt(1, 5_000);
      return () => pay(from, to, `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);
    });
    const results = await withClients(16, tasks);
    expect(results.filter((r) => r.status >= 500)).toEqual([]);
    expect(statuses(results)).toEqual({ 201: 800 });
    expect(await total(accounts)).toBe(800_000n);
    expect(await ledgerProblems(server.store, accounts)).toEqual([]);
    const completed = results.filter((r) => r.body.status === 'COMPLETED').length;
    expect(await transactionCount(accounts)).toBe(completed * 2);
  }, 240_000);

  it('(b) a ring A→B→C→A from many clients in random order: no deadlock, nothing lost', async () => {
    const ring = await Promise.all(Array.from({ length: 3 }, () => seedAccount(server, bankId, { opening: 10_000n, owner })));
    const tasks = Array.from({ length: 300 }, (_, i) => () => pay(ring[i % 3]!, ring[(i + 1) % 3]!, '1.00'));
    tasks.sort(() => Math.random() - 0.5);
    const results = await withClients(24, tasks);
    expect(statuses(results)).toEqual({ 201: 300 });
    for (const a of ring) expect(await balanceOf(server.store, a)).toBe(10_000n);
    expect(await ledgerProblems(server.store, ring)).toEqual([]);
  }, 120_000);

  it('payments made together and payments made alone (keyed) on the same accounts: no deadlock, nothing lost', async () => {
    const accounts = await Promise.all(Array.from({ length: 4 }, () => seedAccount(server, bankId, { opening: 10_000n, owner })));
    // every ordered pair both ways; every other payment carries a key, which takes it past the group commit
    const tasks = Array.from({ length: 240 }, (_, i) => {
      const from = accounts[i % 4]!;
      const to = accounts[(i + 1 + (Math.floor(i / 4) % 3)) % 4]!;
      const headers = i % 2 === 0 ? { 'Idempotency-Key': `mixed-${i}-${from.accountId}` } : undefined;
      return () => pay(from, to, '1.00', headers);
    });
    tasks.sort(() => Math.random() - 0.5);
    const results = await withClients(32, tasks);
    expect(statuses(results)).toEqual({ 201: 240 });
    expect(await total(accounts)).toBe(40_000n);
    expect(await ledgerProblems(server.store, accounts)).toEqual([]);
    expect(await transactionCount(accounts)).toBe(480);
  }, 120_000);

  it('(c) 100 A→B and 100 B→A of 1.00 at once: both balances return to the start', async () => {
    const [a, b] = await Promise.all([
      seedAccount(server, bankId, { opening: 5_000n, owner }),
      seedAccount(server, bankId, { opening: 7_000n, owner }),
    ]);
    const tasks = Array.from({ length: 200 }, (_, i) => () => (i % 2 === 0 ? pay(a, b, '1.00') : pay(b, a, '1.00')));
    const results = await withClients(32, tasks);
    expect(statuses(results)).toEqual({ 201: 200 });
    expect(await balanceOf(server.store, a)).toBe(5_000n);
    expect(await balanceOf(server.store, b)).toBe(7_000n);
    expect(await transactionCount([a, b])).toBe(400);
  }, 120_000);

  it('(d) one challenge answered correctly by 10 clients at once: exactly one 202 and one payment', async () => {
    const [a, b] = await Promise.all([
      seedAccount(server, bankId, { opening: 500_000n, owner }),
      seedAccount(server, bankId, { owner }),
    ]);
    for (let round = 0; round < 3; round++) {
      const created = await pay(a, b, '2000.00');
      expect(created.body.status).toBe('INITIATED');
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          server.call('POST', challengePath(a, 'SANDBOX_TAN', created.body.id), {
            token: owner.token,
            body: { id: created.body.challenge.id, answer: '123' },
          }),
        ),
      );
      expect(answers.filter((r) => r.status === 202)).toHaveLength(1);
      expect(answers.filter((r) => r.status >= 500)).toEqual([]);
      for (const r of answers.filter((x) => x.status !== 202)) expect(r.body.message).toMatch(/^OBP-400(11|16):/);
      expect(await transactionCount([a, b])).toBe(2 * (round + 1));
    }
    expect(await balanceOf(server.store, b)).toBe(600_000n);
    expect(await ledgerProblems(server.store, [a, b])).toEqual([]);
  }, 120_000);

  it('(e) one Idempotency-Key sent 20 times at once: one payment, twenty identical answers', async () => {
    const [a, b] = await Promise.all([
      seedAccount(server, bankId, { opening: 10_000n, owner }),
      seedAccount(server, bankId, { owner }),
    ]);
    for (let round = 0; round < 3; round++) {
      const headers = { 'Idempotency-Key': `burst-${round}-${b.accountId}` };
      const results = await Promise.all(Array.from({ length: 20 }, () => pay(a, b, '3.00', headers)));
      expect(statuses(results)).toEqual({ 201: 20 });
      for (const r of results) expect(r.body).toEqual(results[0]!.body);
      expect(await balanceOf(server.store, b)).toBe(300n * BigInt(round + 1));
    }
    expect(await transactionCount([a, b])).toBe(6);
  }, 120_000);

  it('(e) one challenge answered 20 times at once with one Idempotency-Key: one payment, twenty identical 202', async () => {
    const [a, b] = await Promise.all([
      seedAccount(server, bankId, { opening: 500_000n, owner }),
      seedAccount(server, bankId, { owner }),
    ]);
    const created = await pay(a, b, '1500.00');
    expect(created.body.status).toBe('INITIATED');
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        server.call('POST', challengePath(a, 'SANDBOX_TAN', created.body.id), {
          token: owner.token,
          headers: { 'Idempotency-Key': `answer-${created.body.id}` },
          body: { id: created.body.challenge.id, answer: '123' },
        }),
      ),
    );
    expect(statuses(answers)).toEqual({ 202: 20 });
    for (const r of answers) expect(r.body).toEqual(answers[0]!.body);
    expect(await balanceOf(server.store, b)).toBe(150_000n);
    expect(await transactionCount([a, b])).toBe(2);
  }, 120_000);
});
