import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../src/domain/accounts/create.js';
import { systemView } from '../../src/domain/views/definitions.js';
import { viewJson } from '../../src/json/v121.js';
import { seedBank, startTestServer, type TestServer, type TestUser } from '../helpers/server.js';

const notLoggedIn = { code: 401, message: 'OBP-20001: User not logged in. Authentication is required!' };
const missingRole = { code: 403, message: 'OBP-20006: User is missing one or more roles: CanCreateCardsForBank' };
const badJson = 'OBP-10001: Incorrect json format.';
const badCardJson = `${badJson} The Json body should be the PostPhysicalCardJSON `;

let server: TestServer;
let bank1: string;
let bank2: string;
let holder: TestUser;
let issuer: TestUser;
let stranger: TestUser;
const account1 = `acc-${randomUUID().slice(0, 8)}`;
const account2 = `acc-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  server = await startTestServer();
  bank1 = await seedBank(server);
  bank2 = await seedBank(server);
  holder = await server.user();
  issuer = await server.user({ roles: [['CanCreateCardsForBank', '']] });
  stranger = await server.user();
  // the issuer holds the role at bank1 only (inserted here so that the bank-level grant is explicit)
  await server.store.entitlements.insert({
    entitlementId: randomUUID(),
    userId: issuer.userId,
    bankId: bank1,
    roleName: 'CanCreateCardsForBank',
  });
  for (const [bankId, accountId] of [
    [bank1, account1],
    [bank2, account2],
  ] as const) {
    await createAccount(server.store, {
      bankId,
      accountId,
      kind: 'CURRENT',
      label: `Label ${accountId}`,
      currency: 'EUR',
      holder: { userId: holder.userId, name: holder.username },
    });
  }
});
afterAll(async () => server.stop());

let serial = 0;
function cardBody(change: Record<string, unknown> = {}) {
  serial++;
  return {
    bank_card_number: `4000${String(Date.now()).slice(-8)}${serial}`,
    name_on_card: 'Ada Lovelace',
    issue_number: '1',
    serial_number: `serial-${serial}`,
    valid_from_date: '2017-09-19T00:00:00Z',
    expires_date: '2027-09-30T23:59:59Z',
    enabled: true,
    technology: 'contactless',
    networks: ['visa', 'maestro'],
    allows: ['credit', 'debit', 'cash_withdrawal'],
    account_id: account1,
    replacement: { requested_date: '2017-09-01T10:11:12Z', reason_requested: 'RENEW' },
    pin_reset: [
      { requested_date: '2017-01-01T00:00:00Z', reason_requested: 'FORGOT' },
      { requested_date: '2018-02-03T04:05:06Z', reason_requested: 'GOOD_SECURITY_PRACTICE' },
    ],
    collected: '2017-09-20T08:00:00Z',
    posted: '2017-09-18T16:30:00Z',
    ...change,
  };
}

function post(caller: TestUser | undefined, bankId: string, body: unknown) {
  return server.call('POST', `/obp/v2.1.0/banks/${bankId}/cards`, { token: caller?.token, body });
}

async function cardCount(): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from cards`.execute(server.store.connection.db);
  return Number(rows[0]!.n);
}

/** The v1.2.1 AccountJSON OBP embeds: every view assigned on the account, in view id order. */
async function accountJson(bankId: string, accountId: string) {
  const ids = await server.store.access.assignedViewIds(bankId, accountId);
  return {
    id: accountId,
    label: `Label ${accountId}`,
    views_available: ids.map((id) => viewJson(systemView(id)!)),
    bank_id: bankId,
  };
}

async function listCards(caller: TestUser, bankId?: string) {
  const path = bankId === undefined ? '/obp/v2.1.0/cards' : `/obp/v2.1.0/banks/${bankId}/cards`;
  const res = await server.call('GET', path, { token: caller.token });
  expect(res.status, path).toBe(200);
  return res.body.cards as { bank_card_number: string; serial_number: string }[];
}

describe('POST /banks/BANK_ID/cards (addCardsForBank)', () => {
  it('201 echoes every field, cancelled and on_hot_list false, the account as v1.2.1 AccountJSON', async () => {
    const body = cardBody();
    const res = await post(issuer, bank1, body);
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBeNull();
    const { account_id: _accountId, ...echoed } = body;
    expect(res.body).toEqual({
      bank_id: bank1,
      ...echoed,
      cancelled: false,
      on_hot_list: false,
      account: await accountJson(bank1, account1),
    });
    // field order as OBP sends it
    expect(Object.keys(res.body)).toEqual([
      'bank_id',
      'bank_card_number',
      'name_on_card',
      'issue_number',
      'serial_number',
      'valid_from_date',
      'expires_date',
      'enabled',
      'cancelled',
      'on_hot_list',
      'technology',
      'networks',
      'allows',
      'account',
      'replacement',
      'pin_reset',
      'collected',
      'posted',
    ]);
    expect(res.body.account.views_available.length).toBeGreaterThan(0);

    // state after: both lists show it to the account holder, with the same JSON
    const mine = await server.call('GET', '/obp/v2.1.0/cards', { token: holder.token });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('etag')).toMatch(/^[0-9a-f]+$/);
    expect(mine.body.cards).toContainEqual(res.body);
    const atBank = await server.call('GET', `/obp/v2.1.0/banks/${bank1}/cards`, { token: holder.token });
    expect(atBank.status).toBe(200);
    expect(atBank.headers.get('etag')).toBeNull();
    expect(atBank.body.cards).toContainEqual(res.body);
    // nobody without access to the account sees it, not even the issuer
    for (const other of [stranger, issuer]) {
      expect(await listCards(other)).toEqual([]);
      expect(await listCards(other, bank1)).toEqual([]);
    }
    // the bank's list is of that bank only
    expect((await listCards(holder, bank2)).map((c) => c.serial_number)).not.toContain(body.serial_number);
  });

  it('empty strings are answered null and empty lists stay empty; reasons in any case are answered in upper case', async () => {
    const body = cardBody({
      name_on_card: '',
      technology: '',
      networks: [],
      allows: [],
      replacement: { requested_date: '1100-01-01T00:00:00Z', reason_requested: 'first' },
      pin_reset: [{ requested_date: '0050-06-07T08:09:10Z', reason_requested: 'good_security_practice' }],
      enabled: false,
    });
    const res = await post(issuer, bank1, body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name_on_card: null,
      technology: null,
      networks: [],
      allows: [],
      enabled: false,
      replacement: { requested_date: '1100-01-01T00:00:00Z', reason_requested: 'FIRST' },
      pin_reset: [{ requested_date: '0050-06-07T08:09:10Z', reason_requested: 'GOOD_SECURITY_PRACTICE' }],
    });
    expect(await listCards(holder)).toContainEqual(res.body);
  });

  it('a card of the account at another bank is listed at that bank only', async () => {
    const role2 = await server.user({ roles: [['CanCreateCardsForBank', bank2]] });
    const body = cardBody({ account_id: account2 });
    const res = await post(role2, bank2, body);
    expect(res.status).toBe(201);
    expect(res.body.account).toEqual(await accountJson(bank2, account2));
    expect((await listCards(holder, bank2)).map((c) => c.serial_number)).toContain(body.serial_number);
    expect((await listCards(holder, bank1)).map((c) => c.serial_number)).not.toContain(body.serial_number);
    expect((await listCards(holder)).map((c) => c.serial_number)).toContain(body.serial_number);
  });

  it('401 without login; 403 without the role, with it at another bank or as a system grant; nothing written', async () => {
    const before = await cardCount();
    const anon = await post(undefined, bank1, cardBody());
    expect(anon.status).toBe(401);
    expect(anon.body).toEqual(notLoggedIn);
    const none = await post(stranger, bank1, cardBody());
    expect(none.status).toBe(403);
    expect(none.body).toEqual(missingRole);
    const elsewhere = await server.user({ roles: [['CanCreateCardsForBank', bank2]] });
    const wrongBank = await post(elsewhere, bank1, cardBody());
    expect(wrongBank.status).toBe(403);
    expect(wrongBank.body).toEqual(missingRole);
    // issuer's system-level ("") grant alone does not count at bank2
    const system = await post(issuer, bank2, cardBody({ account_id: account2 }));
    expect(system.status).toBe(403);
    expect(system.body).toEqual(missingRole);
    expect(await cardCount()).toBe(before);
  });

  it('unknown account, an account of another bank and an unknown bank: 404 OBP-30018, nothing written', async () => {
    const before = await cardCount();
    const notFound = (bankId: string, accountId: string) => ({
      code: 404,
      message: `OBP-30018: Bank Account not found. Please specify valid values for BANK_ID and ACCOUNT_ID.  Current BankId is ${bankId} and Current AccountId is ${accountId}`,
    });
    const unknown = randomUUID();
    const res = await post(issuer, bank1, cardBody({ account_id: unknown }));
    expect(res.status).toBe(404);
    expect(res.body).toEqual(notFound(bank1, unknown));
    const other = await post(issuer, bank1, cardBody({ account_id: account2 }));
    expect(other.status).toBe(404);
    expect(other.body).toEqual(notFound(bank1, account2));
    // OBP checks the role at BANK_ID and then looks the account up at that bank
    const ghostBank = `ghost-${randomUUID().slice(0, 8)}`;
    const ghostIssuer = await server.user({ roles: [['CanCreateCardsForBank', ghostBank]] });
    const ghost = await post(ghostIssuer, ghostBank, cardBody());
    expect(ghost.status).toBe(404);
    expect(ghost.body).toEqual(notFound(ghostBank, account1));
    const ghostWithoutRole = await post(issuer, ghostBank, cardBody());
    expect(ghostWithoutRole.status).toBe(403);
    expect(await cardCount()).toBe(before);
  });

  it('every invalid field is refused with its OBP error and nothing is written', async () => {
    const before = await cardCount();
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'issue_number of 11',
        { issue_number: '12345678901' },
        'OBP-10012: Invalid value. Maximum number is 10. Current issue_number is 12345678901',
      ],
      ['allows unknown', { allows: ['credit', 'loan'] }, 'OBP-10015: Allowed values are:credit, debit, cash_withdrawal'],
      ['allows in upper case', { allows: ['CREDIT'] }, 'OBP-10015: Allowed values are:credit, debit, cash_withdrawal'],
      [
        'replacement reason',
        { replacement: { requested_date: '2017-09-01T00:00:00Z', reason_requested: 'BROKEN' } },
        'OBP-10015: Allowed values are:LOST, STOLEN, RENEW, FIRST',
      ],
      [
        'replacement reason as a Unicode look-alike',
        { replacement: { requested_date: '2017-09-01T00:00:00Z', reason_requested: 'ﬁrst' } },
        'OBP-10015: Allowed values are:LOST, STOLEN, RENEW, FIRST',
      ],
      [
        'pin reset reason',
        { pin_reset: [{ requested_date: '2017-09-01T00:00:00Z', reason_requested: 'BORED' }] },
        'OBP-10015: Allowed values are:FORGOT, GOOD_SECURITY_PRACTICE',
      ],
      ['valid_from_date without time', { valid_from_date: '2017-09-19' }, badCardJson],
      ['expires_date with millis', { expires_date: '2027-09-30T23:59:59.000Z' }, badCardJson],
      ['collected not a day', { collected: '2017-02-30T00:00:00Z' }, badCardJson],
      ['posted with an offset', { posted: '2017-09-18T16:30:00+0000' }, badCardJson],
      ['replacement date', { replacement: { requested_date: 'yesterday', reason_requested: 'RENEW' } }, badCardJson],
      ['pin reset date', { pin_reset: [{ requested_date: '2017-13-01T00:00:00Z', reason_requested: 'FORGOT' }] }, badCardJson],
      ['enabled as a string', { enabled: 'true' }, badJson],
      ['networks not a list', { networks: 'visa' }, badJson],
      ['a string over 255 characters', { name_on_card: 'x'.repeat(256) }, badJson],
      ['account_id missing', { account_id: undefined }, badJson],
      ['replacement missing', { replacement: undefined }, badJson],
    ];
    for (const [name, change, message] of cases) {
      const res = await post(issuer, bank1, cardBody(change));
      expect(res.status, name).toBe(400);
      expect(res.body, name).toEqual({ code: 400, message });
    }
    const notAnObject = await post(issuer, bank1, '[]');
    expect(notAnObject.status).toBe(400);
    expect(notAnObject.body.message).toMatch(/^OBP-10001: /);
    expect(await cardCount()).toBe(before);
  });

  it('one card per number and serial number at a bank: of 20 parallel identical posts exactly one wins', async () => {
    const body = cardBody();
    const before = await cardCount();
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(issuer, bank1, body)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, ...Array<number>(19).fill(400)]);
    for (const lost of answers.filter((a) => a.status === 400)) {
      expect(lost.body).toEqual({
        code: 400,
        message: `OBP-30060: Card already exists. Please specify different values for bankId, card_number and issueNumber. Current BankId(${bank1}), bankCardNumber(${body.bank_card_number}) and serialNumber(${body.serial_number})`,
      });
    }
    expect(await cardCount()).toBe(before + 1);
    const listed = (await listCards(holder)).filter((c) => c.bank_card_number === body.bank_card_number);
    expect(listed).toHaveLength(1);

    // as in OBP, the same number with another serial number is another card (a reissue) ...
    const reissue = await post(issuer, bank1, { ...body, serial_number: `${body.serial_number}-2`, issue_number: '2' });
    expect(reissue.status).toBe(201);
    // ... and so is the same number and serial number at another bank
    const role2 = await server.user({ roles: [['CanCreateCardsForBank', bank2]] });
    const otherBank = await post(role2, bank2, { ...body, account_id: account2 });
    expect(otherBank.status).toBe(201);
    expect(await cardCount()).toBe(before + 3);
  });
});

describe('GET /cards (getCards) and GET /banks/BANK_ID/cards (getCardsForBank, old style)', () => {
  it('401 without login (exact text)', async () => {
    for (const path of ['/obp/v2.1.0/cards', `/obp/v2.1.0/banks/${bank1}/cards`]) {
      const res = await server.call('GET', path);
      expect(res.status, path).toBe(401);
      expect(res.body).toEqual(notLoggedIn);
    }
  });

  it('a user without accounts has no cards', async () => {
    const nobody = await server.user();
    expect(await listCards(nobody)).toEqual([]);
    expect(await listCards(nobody, bank1)).toEqual([]);
  });

  it('unknown bank: 400 OBP-30001 (old style)', async () => {
    const res = await server.call('GET', `/obp/v2.1.0/banks/no-such-bank/cards`, { token: holder.token });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 400, message: 'OBP-30001: Bank not found. Please specify a valid value for BANK_ID.' });
  });

  it('a view granted later shows the card, and revoking every view hides it again', async () => {
    const body = cardBody();
    expect((await post(issuer, bank1, body)).status).toBe(201);
    const late = await server.user();
    expect(await listCards(late)).toEqual([]);
    await server.store.access.grant(late.userId, bank1, account1, 'accountant');
    expect((await listCards(late)).map((c) => c.serial_number)).toContain(body.serial_number);
    expect((await listCards(late, bank1)).map((c) => c.serial_number)).toContain(body.serial_number);
    await server.store.access.revoke(late.userId, bank1, account1, 'accountant');
    expect(await listCards(late)).toEqual([]);
    expect(await listCards(late, bank1)).toEqual([]);
  });
});
