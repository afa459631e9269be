/**
 * Answering challenges (§11.5, Q10) and Idempotency-Key (an extension): the 202 body, every refusal in
 * OBP's order, attempts, expiry, the initiating user, and replays that never pay twice.
 */
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
import { seedBank, startTestServer, type TestServer, type TestUser } from '../helpers/server.js';

let server: TestServer;
let owner: TestUser;
let source: SeededAccount;
let second: SeededAccount;
let target: SeededAccount;

const ttlSeconds = 2;
const err = (code: string, status = 400) =>
  expect.objectContaining({ code: status, message: expect.stringMatching(new RegExp(`^${code}:`)) });

beforeAll(async () => {
  server = await startTestServer({ OBP_TRANSACTIONREQUEST_CHALLENGE_TTL_SECONDS: String(ttlSeconds) });
  owner = await server.user();
  const bankId = await seedBank(server);
  source = await seedAccount(server, bankId, { opening: 10_000_000n, owner });
  second = await seedAccount(server, bankId, { opening: 0n, owner });
  target = await seedAccount(server, bankId, { opening: 0n });
}, 60_000);

afterAll(() => server?.stop());

const body = (amount = '2000', description = 'big') => ({
  to: { bank_id: target.bankId, account_id: target.accountId },
  value: { currency: 'EUR', amount },
  description,
});

async function initiate(token = owner.token, amount = '2000'): Promise<{ id: string; challenge: { id: string } }> {
  const res = await server.call('POST', requestsPath(source, 'SANDBOX_TAN'), { token, body: body(amount) });
  expect(res.status, res.text).toBe(201);
  expect(res.body.status).toBe('INITIATED');
  return res.body;
}

const answer = (
  tr: { id: string; challenge: { id: string } },
  value: string,
  options: { token?: string; type?: string; account?: SeededAccount; id?: string } = {},
) =>
  server.call('POST', challengePath(options.account ?? source, options.type ?? 'SANDBOX_TAN', tr.id), {
    token: options.token ?? owner.token,
    body: { id: options.id ?? tr.challenge.id, answer: value },
  });

describe('answerTransactionRequestChallenge', () => {
  it('the sandbox answer pays once: 202 with the 10-key body, then OBP-40011', async () => {
    const before = await balanceOf(server.store, target);
    const tr = await initiate();
    const res = await answer(tr, '123');
    expect(res.status, res.text).toBe(202);
    expect(Object.keys(res.body).sort()).toEqual(
      ['challenge', 'charge', 'details', 'end_date', 'from', 'id', 'start_date', 'status', 'transaction_ids', 'type'].sort(),
    );
    expect(res.body).toMatchObject({ id: tr.id, status: 'COMPLETED', challenge: tr.challenge });
    expect(res.body.transaction_ids[0]).not.toBe('');
    expect(await balanceOf(server.store, target)).toBe(before + 200_000n);
    expect((await answer(tr, '123')).body).toEqual(err('OBP-40011'));
    expect(await balanceOf(server.store, target)).toBe(before + 200_000n);
  });

  it('a wrong answer is OBP-40016 and counts; the right one still works within the attempts', async () => {
    const tr = await initiate();
    expect((await answer(tr, '124')).body).toEqual(err('OBP-40016'));
    expect((await answer(tr, '123')).status).toBe(202);
  });

  it('attempts used up: even the right answer is refused and nothing moves', async () => {
    const before = await balanceOf(server.store, source);
    const tr = await initiate();
    for (let i = 0; i < 3; i++) expect((await answer(tr, 'wrong')).body).toEqual(err('OBP-40016'));
    expect((await answer(tr, '123')).body).toEqual(err('OBP-40016'));
    expect(await balanceOf(server.store, source)).toBe(before);
    const stored = await server.store.transactionRequests.get(tr.id);
    expect(stored).toMatchObject({ status: 'INITIATED', challenge_attempts: expect.anything() });
    expect(Number(stored!.challenge_attempts)).toBe(3);
  });

  it('an expired challenge is refused', async () => {
    const tr = await initiate();
    await new Promise((r) => setTimeout(r, ttlSeconds * 1000 + 300));
    expect((await answer(tr, '123')).body).toEqual(err('OBP-40016'));
  });

  it('only the user who made the request can answer it', async () => {
    const tr = await initiate();
    const other = await server.user({ roles: [['CanCreateAnyTransactionRequest', source.bankId]] });
    expect((await answer(tr, '123', { token: other.token })).body).toEqual(err('OBP-40016'));
    expect((await answer(tr, '123')).status).toBe(202);
  });

  it('refusals in order: 401, OBP-40002, unknown or foreign request OBP-40004 (Q10), type OBP-40009, id OBP-40010', async () => {
    const tr = await initiate();
    expect(
      (await server.call('POST', challengePath(source, 'SANDBOX_TAN', tr.id), { body: { id: tr.challenge.id, answer: '123' } }))
        .status,
    ).toBe(401);
    const stranger = await server.user();
    expect((await answer(tr, '123', { token: stranger.token })).body).toEqual(err('OBP-40002'));
    expect((await answer({ ...tr, id: 'no-such-request' }, '123')).body).toEqual(err('OBP-40004'));
    // the owner holds `second` too, but the request is not one of its
    expect((await answer(tr, '123', { account: second })).body).toEqual(err('OBP-40004'));
    const mismatch = await answer(tr, '123', { type: 'FREE_FORM' });
    expect(mismatch.body).toEqual(err('OBP-40009'));
    expect(mismatch.body.message).toContain("It should be :'SANDBOX_TAN'");
    expect((await answer(tr, '123', { id: 'not-the-challenge' })).body).toEqual(err('OBP-40010'));
    // none of these counted as an attempt
    expect(Number((await server.store.transactionRequests.get(tr.id))!.challenge_attempts)).toBe(0);
    expect((await answer(tr, '123')).status).toBe(202);
  });
});

describe('Idempotency-Key', () => {
  const key = (k: string) => ({ 'Idempotency-Key': k });

  it('create: the same key and body replay the first answer without a second payment', async () => {
    const before = (await transactionsOf(server.store, target)).length;
    const send = () =>
      server.call('POST', requestsPath(source, 'SANDBOX_TAN'), {
        token: owner.token,
        body: body('5.00', 'once'),
        headers: key('create-1'),
      });
    const first = await send();
    const again = await send();
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await transactionsOf(server.store, target)).length).toBe(before + 1);
  });

  it('create: the same key with another body is 409 OBP-40900; the key is per user', async () => {
    const first = await server.call('POST', requestsPath(source, 'SANDBOX_TAN'), {
      token: owner.token,
      body: body('6.00'),
      headers: key('create-2'),
    });
    expect(first.status).toBe(201);
    const clash = await server.call('POST', requestsPath(source, 'SANDBOX_TAN'), {
      token: owner.token,
      body: body('7.00'),
      headers: key('create-2'),
    });
    expect(clash.status).toBe(409);
    expect(clash.body).toEqual(err('OBP-40900', 409));
    const other = await server.user({ roles: [['CanCreateAnyTransactionRequest', source.bankId]] });
    const theirs = await server.call('POST', requestsPath(source, 'SANDBOX_TAN'), {
      token: other.token,
      body: body('7.00'),
      headers: key('create-2'),
    });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(first.body.id);
  });

  it('a failed request stores nothing: the same key may be retried', async () => {
    const bad = await server.call('POST', requestsPath(source, 'SANDBOX_TAN'), {
      token: owner.token,
      body: body('0'),
      headers: key('create-3'),
    });
    expect(bad.body).toEqual(err('OBP-40008'));
    const good = await server.call('POST', requestsPath(source, 'SANDBOX_TAN'), {
      token: owner.token,
      body: body('1.00'),
      headers: key('create-3'),
    });
    expect(good.status).toBe(201);
  });

  it('a malformed key is OBP-10001', async () => {
    const res = await server.call('POST', requestsPath(source, 'SANDBOX_TAN'), {
      token: owner.token,
      body: body('1.00'),
      headers: key('x'.repeat(256)),
    });
    expect(res.body).toEqual(err('OBP-10001'));
  });

  it('answer: a replayed answer is the first 202, not OBP-40011, and pays once', async () => {
    const tr = await initiate();
    const before = await balanceOf(server.store, target);
    const send = () =>
      server.call('POST', challengePath(source, 'SANDBOX_TAN', tr.id), {
        token: owner.token,
        body: { id: tr.challenge.id, answer: '123' },
        headers: key(`answer-${tr.id}`),
      });
    const first = await send();
    const again = await send();
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    expect(await balanceOf(server.store, target)).toBe(before + 200_000n);
    expect(await ledgerProblems(server.store, [source, second, target])).toEqual([]);
  });
});
