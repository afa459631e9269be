/**
 * A bank's transaction types (SEMANTICS §11.8, §16 CreateTransactionTypeTest): OBP v2.0.0
 * getTransactionTypes and v2.1.0 createTransactionType.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBank, startTestServer, type TestServer, type TestUser } from '../helpers/server.js';

const v = '/obp/v2.1.0';
const notLoggedIn = { code: 401, message: 'OBP-20001: User not logged in. Authentication is required!' };
const noRole = {
  code: 400,
  message:
    "OBP-40005: Insufficient authorisation to Create Transaction Type offered by the bank. The Request could not be created because you don't have access to CanCreateTransactionType.",
};

let server: TestServer;
let admin: TestUser;
let plain: TestUser;
let bankId: string;

function type(over: Record<string, unknown> = {}) {
  return {
    id: { value: randomUUID() },
    bank_id: bankId,
    short_code: 'SANDBOX_TAN',
    summary: 'Sandbox',
    description: 'This is the sandbox mode, charging litter money.',
    charge: { currency: 'EUR', amount: '100' },
    ...over,
  };
}

const put = (body: unknown, token = admin.token, bank = bankId) =>
  server.call('PUT', `${v}/banks/${bank}/transaction-types`, { token, body });
const list = (bank = bankId, token?: string) => server.call('GET', `${v}/banks/${bank}/transaction-types`, { token });

beforeAll(async () => {
  server = await startTestServer();
  bankId = await seedBank(server);
  admin = await server.user({ roles: [['CanCreateTransactionType', bankId]] });
  plain = await server.user();
}, 60_000);

afterAll(() => server?.stop());

describe('createTransactionType', () => {
  it('without the role: 400 with the exact OBP-40005 text, nothing stored', async () => {
    const res = await put(type(), plain.token);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(noRole);
    // the role at another bank is not the role at this one
    const elsewhere = await server.user({ roles: [['CanCreateTransactionType', 'another-bank']] });
    expect((await put(type(), elsewhere.token)).body).toEqual(noRole);
    expect((await list()).body).toEqual({ transaction_types: [] });
  });

  it('needs login and an existing bank', async () => {
    const anon = await server.call('PUT', `${v}/banks/${bankId}/transaction-types`, { body: type() });
    expect(anon.status).toBe(401);
    expect(anon.body).toEqual(notLoggedIn);
    const unknown = await put(type({ bank_id: 'no-such-bank' }), admin.token, 'no-such-bank');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/^OBP-30001: /);
  });

  it('with the role: 200 with OBP\u2019s camelCase model, then listed by GET in snake_case', async () => {
    const t = type({ short_code: 'FIRST', charge: { currency: 'EUR', amount: '0250' } });
    const res = await put(t);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: { value: t.id.value },
      bankId: { value: bankId },
      shortCode: 'FIRST',
      summary: 'Sandbox',
      description: 'This is the sandbox mode, charging litter money.',
      charge: { currency: 'EUR', amount: '250' },
    });
    const got = await list();
    expect(got.status).toBe(200);
    expect(got.body).toEqual({
      transaction_types: [
        {
          id: { value: t.id.value },
          bank_id: bankId,
          short_code: 'FIRST',
          summary: 'Sandbox',
          description: 'This is the sandbox mode, charging litter money.',
          charge: { currency: 'EUR', amount: '250' },
        },
      ],
    });
  });

  it('a second PUT with the same id updates; a new id with a taken short code is OBP-40006; an update to one OBP-40007', async () => {
    const bank = await seedBank(server);
    const who = await server.user({ roles: [['CanCreateTransactionType', bank]] });
    const first = type({ bank_id: bank, short_code: 'A' });
    expect((await put(first, who.token, bank)).status).toBe(200);
    const updated = await put({ ...first, summary: 'changed', charge: { currency: 'GBP', amount: '7' } }, who.token, bank);
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ summary: 'changed', charge: { currency: 'GBP', amount: '7' } });
    const duplicate = await put(type({ bank_id: bank, short_code: 'A' }), who.token, bank);
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.message).toMatch(/^OBP-40006/);
    expect(duplicate.body.message).toBe('OBP-40006: Could not insert Transaction Type: Non unique BANK_ID / SHORT_CODE');
    const second = type({ bank_id: bank, short_code: 'B' });
    expect((await put(second, who.token, bank)).status).toBe(200);
    const colliding = await put({ ...second, short_code: 'A' }, who.token, bank);
    expect(colliding.status).toBe(400);
    expect(colliding.body.message).toBe('OBP-40007: Could not update Transaction Type: Non unique BANK_ID / SHORT_CODE');
    const shown = (await list(bank)).body.transaction_types as { short_code: string; summary: string }[];
    expect(shown.map((t) => [t.short_code, t.summary])).toEqual([
      ['A', 'changed'],
      ['B', 'Sandbox'],
    ]);
    // the same short code at another bank is another type
    expect((await put(type({ short_code: 'A' }))).status).toBe(200);
  });

  it('an id held by another bank is not this bank\u2019s to update', async () => {
    const t = type({ short_code: 'OWNED' });
    expect((await put(t)).status).toBe(200);
    const bank = await seedBank(server);
    const who = await server.user({ roles: [['CanCreateTransactionType', bank]] });
    const res = await put({ ...t, bank_id: bank }, who.token, bank);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^OBP-40006/);
    expect((await list()).body.transaction_types).toContainEqual(expect.objectContaining({ id: t.id, short_code: 'OWNED' }));
  });

  it('of concurrent PUTs of one new short code with different ids exactly one is stored', async () => {
    const bank = await seedBank(server);
    const who = await server.user({ roles: [['CanCreateTransactionType', bank]] });
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => put(type({ bank_id: bank, short_code: 'RACE' }), who.token, bank)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400, 400, 400, 400, 400]);
    for (const a of answers.filter((x) => x.status === 400)) expect(a.body.message).toMatch(/^OBP-40006/);
    expect((await list(bank)).body.transaction_types).toHaveLength(1);
  });

  it('concurrent PUTs of one new id: one inserts, the others update it', async () => {
    const bank = await seedBank(server);
    const who = await server.user({ roles: [['CanCreateTransactionType', bank]] });
    const t = type({ bank_id: bank, short_code: 'SAME' });
    const answers = await Promise.all(Array.from({ length: 6 }, () => put(t, who.token, bank)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect((await list(bank)).body.transaction_types).toHaveLength(1);
  });

  it('refuses bad bodies', async () => {
    const cases: [unknown, RegExp][] = [
      [type({ charge: { currency: 'EUR', amount: '1.50' } }), /^OBP-10001: /],
      [type({ charge: { currency: 'EUR', amount: 'ten' } }), /^OBP-10001: /],
      [type({ charge: { currency: 'EUR', amount: 100 } }), /^OBP-10001: /],
      [type({ charge: { currency: 'EURO', amount: '1' } }), /^OBP-10003: /],
      [type({ id: '123' }), /^OBP-10001: /],
      [type({ id: { value: '' } }), /^OBP-10001: /],
      [type({ short_code: 'x'.repeat(21) }), /^OBP-10001: /],
      [type({ summary: 'x'.repeat(65) }), /^OBP-10001: /],
      [type({ bank_id: 'another-bank' }), /^OBP-10035: /],
      [{ id: { value: 'x' } }, /^OBP-10001: /],
    ];
    for (const [body, message] of cases) {
      const res = await put(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.message, JSON.stringify(body)).toMatch(message);
    }
  });
});

describe('getTransactionTypes', () => {
  it('is public by default; an unknown bank is OBP-30001', async () => {
    const bank = await seedBank(server);
    expect((await list(bank)).body).toEqual({ transaction_types: [] });
    const unknown = await list('no-such-bank');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/^OBP-30001: /);
  });

  it('needs login when OBP_APIOPTIONS_GETTRANSACTIONTYPESISPUBLIC=false', async () => {
    server = await server.restart({ OBP_APIOPTIONS_GETTRANSACTIONTYPESISPUBLIC: 'false' });
    const anon = await list();
    expect(anon.status).toBe(401);
    expect(anon.body).toEqual(notLoggedIn);
    expect((await list(bankId, plain.token)).status).toBe(200);
  });
});
