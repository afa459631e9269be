/**
 * What one payment below the challenge threshold costs the database on PostgreSQL, statement by
 * statement: the source and destination in one read (the caller's entitlements are kept per process),
 * then in the transaction the request row, the two locked balance updates and the two transactions in
 * one insert. Counterparty metadata rows cost one insert the first time two parties meet, and nothing
 * once this process has seen them committed. While the accounts are locked nothing else runs.
 * (BEGIN and COMMIT are left out of the count, as are the metrics batches written alongside.)
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestsPath, seedAccount, type SeededAccount } from '../helpers/payments.js';
import { seedBank, startTestServer, storeKind, type TestServer, type TestUser } from '../helpers/server.js';

const statements: string[] = [];
let recording = false;
// eslint-disable-next-line @typescript-eslint/unbound-method -- put back as it was, never called unbound
const query = pg.Client.prototype.query;

let server: TestServer;
let payer: TestUser;
let from: SeededAccount;
let to: SeededAccount;

/** the payment's own statements, without transaction control and the metrics recorder's */
function paymentStatements(): string[] {
  return statements
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => !/^(begin|commit|rollback|set local|insert into metrics|listen|notify|select pg_notify)\b/i.test(s));
}

async function pay(): Promise<string[]> {
  statements.length = 0;
  recording = true;
  const res = await server.call('POST', requestsPath(from, 'SANDBOX_TAN'), {
    token: payer.token,
    body: { to: { bank_id: to.bankId, account_id: to.accountId }, value: { currency: 'EUR', amount: '1.00' }, description: 'rt' },
  });
  recording = false;
  expect(res.status).toBe(201);
  return paymentStatements();
}

describe.skipIf(storeKind !== 'postgres')('payment round trips (PostgreSQL)', () => {
  beforeAll(async () => {
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const first = args[0] as string | { text?: string };
      if (recording) statements.push(typeof first === 'string' ? first : (first.text ?? ''));
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    server = await startTestServer();
    payer = await server.user();
    const bankId = await seedBank(server);
    from = await seedAccount(server, bankId, { opening: 1_000_000n, holderName: 'Round Trip Payer' });
    to = await seedAccount(server, bankId, { opening: 0n, holderName: 'Round Trip Payee' });
    await server.store.entitlements.insert({
      entitlementId: randomUUID(),
      userId: payer.userId,
      bankId,
      roleName: 'CanCreateAnyTransactionRequest',
    });
    // the token, the bank and the prepared statements are warm before anything is counted
    await pay();
  }, 60_000);

  afterAll(async () => {
    pg.Client.prototype.query = query;
    await server?.stop();
  });

  it('a payment between known parties: five statements, only the two updates and one insert under the locks', async () => {
    const run = await pay();
    expect(run).toHaveLength(5);
    expect(run[0]).toMatch(/^select \* from "accounts"/i);
    expect(run[1]).toMatch(/^insert into "transaction_requests"/i);
    const firstUpdate = run.findIndex((s) => /^update "accounts"/i.test(s));
    expect(run.slice(firstUpdate)).toEqual([
      expect.stringMatching(/^update "accounts"/i),
      expect.stringMatching(/^update "accounts"/i),
      expect.stringMatching(/^insert into "transactions"/i),
    ]);
  });

  it('a first payment to a new payee writes both counterparty rows in one statement: six statements', async () => {
    to = await seedAccount(server, from.bankId, { opening: 0n, holderName: `Payee ${randomUUID().slice(0, 8)}` });
    const run = await pay();
    expect(run.filter((s) => /counterparty_metadata/i.test(s))).toHaveLength(1);
    expect(run).toHaveLength(6);
    // the second payment between them writes none
    expect((await pay()).filter((s) => /counterparty_metadata/i.test(s))).toHaveLength(0);
  });
});
