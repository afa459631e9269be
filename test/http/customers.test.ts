import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createdCustomer, customerBody, customerCreatorRoles, postCustomer } from '../helpers/customers.js';
import { seedBank, startTestServer, type TestServer, type TestUser } from '../helpers/server.js';
import { expectNothingWritten } from '../helpers/table-snapshot.js';

const notLoggedIn = { code: 401, message: 'OBP-20001: User not logged in. Authentication is required!' };
const createRolesText =
  'CanCreateCustomer, CanCreateUserCustomerLink or CanCreateCustomerAtAnyBank, CanCreateUserCustomerLinkAtAnyBank';
const linkRolesText = 'CanCreateUserCustomerLink or CanCreateUserCustomerLinkAtAnyBank';
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const datePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

let server: TestServer;
let bank1: string;
let bank2: string;

beforeAll(async () => {
  server = await startTestServer();
  bank1 = await seedBank(server);
  bank2 = await seedBank(server);
});
afterAll(async () => server.stop());

const atBank = (bankId: string, user: TestUser) =>
  server.call('GET', `/obp/v2.1.0/banks/${bankId}/customers`, { token: user.token });
const mine = (user: TestUser) => server.call('GET', '/obp/v2.1.0/users/current/customers', { token: user.token });
const link = (bankId: string, caller: TestUser | undefined, body: unknown) =>
  server.call('POST', `/obp/v2.1.0/banks/${bankId}/user_customer_links`, { token: caller?.token, body });

/** Runs `act` and asserts that no table changed. */
const writesNothing = (act: () => Promise<void>) => expectNothingWritten(server.store, act);

describe('POST /banks/BANK_ID/customers (createCustomer, old style)', () => {
  it('401 without login', async () => {
    await writesNothing(async () => {
      const res = await postCustomer(server, bank1, undefined, customerBody());
      expect(res.status).toBe(401);
      expect(res.body).toEqual(notLoggedIn);
    });
  });

  it('403 with no role, 403 with one of the two, 201 with both; the customer is in both lists, equal to the answer', async () => {
    // v2_1_0/CustomerTest
    const user = await server.user();
    const body = customerBody();
    await writesNothing(async () => {
      const none = await postCustomer(server, bank1, user, body);
      expect(none.status).toBe(403);
      expect(none.body).toEqual({ code: 403, message: `OBP-20006: User is missing one or more roles: ${createRolesText}` });
    });
    await server.store.entitlements.insert({
      entitlementId: randomUUID(),
      userId: user.userId,
      bankId: bank1,
      roleName: 'CanCreateCustomer',
    });
    await writesNothing(async () => {
      const one = await postCustomer(server, bank1, user, body);
      expect(one.status).toBe(403);
      expect(one.body.message).toBe(`OBP-20006: User is missing one or more roles: ${createRolesText}`);
    });
    await server.store.entitlements.insert({
      entitlementId: randomUUID(),
      userId: user.userId,
      bankId: bank1,
      roleName: 'CanCreateUserCustomerLink',
    });
    const ok = await postCustomer(server, bank1, user, body);
    expect(ok.status).toBe(201);
    const { user_id: _linked, ...fields } = body;
    expect(ok.body).toEqual({ bank_id: bank1, customer_id: expect.stringMatching(uuidPattern), ...fields });
    expect(ok.headers.get('etag')).toBeNull();

    const listed = await atBank(bank1, user);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ customers: [ok.body] });
    const all = await mine(user);
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ customers: [ok.body] });
    // the key order is OBP's too
    expect(Object.keys(listed.body.customers[0])).toEqual(Object.keys(ok.body));
  });

  it('the two AtAnyBank roles are enough at any bank; a bank role and an AtAnyBank role are not', async () => {
    const any = await server.user({ roles: ['CanCreateCustomerAtAnyBank', 'CanCreateUserCustomerLinkAtAnyBank'] });
    expect((await postCustomer(server, bank2, any, customerBody())).status).toBe(201);
    const mixed = await server.user({ roles: ['CanCreateCustomerAtAnyBank', ['CanCreateUserCustomerLink', bank1]] });
    expect((await postCustomer(server, bank1, mixed, customerBody())).status).toBe(403);
    const otherBank = await server.user({ roles: customerCreatorRoles(bank2) });
    expect((await postCustomer(server, bank1, otherBank, customerBody())).status).toBe(403);
  });

  it('links the customer to the body user_id; one user may hold several customers at one bank', async () => {
    const creator = await server.user({ roles: customerCreatorRoles(bank1) });
    const holder = await server.user();
    const first = await postCustomer(server, bank1, creator, customerBody({ user_id: holder.userId }));
    const second = await postCustomer(server, bank1, creator, customerBody({ user_id: holder.userId }));
    const third = await postCustomer(
      server,
      bank2,
      await server.user({ roles: customerCreatorRoles(bank2) }),
      customerBody({ user_id: holder.userId }),
    );
    expect([first.status, second.status, third.status]).toEqual([201, 201, 201]);
    expect((await atBank(bank1, holder)).body.customers).toEqual([first.body, second.body]);
    expect((await atBank(bank2, holder)).body.customers).toEqual([third.body]);
    expect((await mine(holder)).body.customers).toEqual([first.body, second.body, third.body]);
    // the creator is linked to none of them
    expect((await mine(creator)).body).toEqual({ customers: [] });
  });

  it('400 OBP-30006 for a customer number already used at the bank; the same number at another bank is fine', async () => {
    // v2_0_0/CustomerTest, v2_1_0/CustomerTest
    const creator = await server.user({ roles: ['CanCreateCustomerAtAnyBank', 'CanCreateUserCustomerLinkAtAnyBank'] });
    const body = customerBody();
    expect((await postCustomer(server, bank1, creator, body)).status).toBe(201);
    await writesNothing(async () => {
      const again = await postCustomer(server, bank1, creator, { ...body, legal_name: 'Someone Else' });
      expect(again.status).toBe(400);
      expect(again.body).toEqual({
        code: 400,
        message: 'OBP-30006: Customer Number already exists. Please specify a different value for BANK_ID or CUSTOMER_NUMBER.',
      });
    });
    expect((await postCustomer(server, bank2, creator, body)).status).toBe(201);
    expect((await mine(creator)).body.customers).toHaveLength(2);
  });

  it('20 parallel creations with one customer number: exactly one 201, the others OBP-30006', async () => {
    const creator = await server.user({ roles: customerCreatorRoles(bank1) });
    const number = `race-${randomUUID()}`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        postCustomer(server, bank1, creator, customerBody({ customer_number: number, legal_name: `n${i}` })),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    for (const a of answers.filter((x) => x.status !== 201)) {
      expect(a.status).toBe(400);
      expect(a.body.message).toMatch(/^OBP-30006: /);
    }
    const listed = (await atBank(bank1, creator)).body.customers as { customer_number: string }[];
    expect(listed.filter((c) => c.customer_number === number)).toHaveLength(1);
  });

  it('unknown bank → 400 OBP-30001, malformed BANK_ID → 400 OBP-30111, unknown user_id → 400 OBP-20005; nothing written', async () => {
    const creator = await server.user({ roles: ['CanCreateCustomerAtAnyBank', 'CanCreateUserCustomerLinkAtAnyBank'] });
    await writesNothing(async () => {
      const noBank = await postCustomer(server, 'no-such-bank', creator, customerBody());
      expect(noBank.status).toBe(400);
      expect(noBank.body.message).toMatch(/^OBP-30001: /);
      const badId = await postCustomer(server, 'bad%20bank', creator, customerBody());
      expect(badId.status).toBe(400);
      expect(badId.body.message).toMatch(/^OBP-30111: /);
      const noUser = await postCustomer(server, bank1, creator, customerBody({ user_id: randomUUID() }));
      expect(noUser.status).toBe(400);
      expect(noUser.body.message).toMatch(/^OBP-20005: /);
    });
  });

  const badBodies: [string, Record<string, unknown>, string][] = [
    ['date without Z', { date_of_birth: '1980-02-29T00:00:00' }, 'OBP-10001'],
    ['date with millis', { last_ok_date: '2023-10-16T00:00:00.000Z' }, 'OBP-10001'],
    ['impossible date', { date_of_birth: '2021-02-29T00:00:00Z' }, 'OBP-10001'],
    ['hour 24', { last_ok_date: '2023-10-16T24:00:00Z' }, 'OBP-10001'],
    ['bad face image date', { face_image: { url: 'x', date: 'yesterday' } }, 'OBP-10001'],
    ['bad dependant date', { dob_of_dependants: ['2010-13-01T00:00:00Z'] }, 'OBP-10001'],
    ['dependants as a string', { dependants: '2' }, 'OBP-10001'],
    ['dependants negative', { dependants: -1 }, 'OBP-10001'],
    ['dependants fraction', { dependants: 1.5 }, 'OBP-10001'],
    ['kyc_status as a string', { kyc_status: 'false' }, 'OBP-10001'],
    ['customer_number as a number', { customer_number: 12 }, 'OBP-10001'],
    ['credit_limit amount as a number', { credit_limit: { currency: 'EUR', amount: 10 } }, 'OBP-10001'],
    ['missing legal_name', { legal_name: undefined }, 'OBP-10001'],
    ['legal_name over 255 characters', { legal_name: 'x'.repeat(256) }, 'OBP-10001'],
    ['customer_number with ::::', { customer_number: 'a::::b' }, 'OBP-10001'],
    ['amount not a number', { credit_limit: { currency: 'EUR', amount: 'ten' } }, 'OBP-10002'],
    ['amount empty', { credit_limit: { currency: 'EUR', amount: '' } }, 'OBP-10002'],
    ['amount with exponent', { credit_limit: { currency: 'EUR', amount: '1e5' } }, 'OBP-10002'],
    ['amount negative', { credit_limit: { currency: 'EUR', amount: '-5' } }, 'OBP-10002'],
    ['currency unknown', { credit_limit: { currency: 'EURO', amount: '5' } }, 'OBP-10003'],
  ];

  it.each(badBodies)('bad body (%s) → 400 %s, nothing written', async (_name, change, code) => {
    const creator = await server.user({ roles: customerCreatorRoles(bank1) });
    const body = customerBody(change);
    await writesNothing(async () => {
      const res = await postCustomer(server, bank1, creator, JSON.parse(JSON.stringify(body)));
      expect(res.status).toBe(400);
      expect(res.body.message.startsWith(`${code}: `)).toBe(true);
    });
  });

  it('keeps the amount as sent and every date exactly', async () => {
    const creator = await server.user({ roles: customerCreatorRoles(bank1) });
    const body = customerBody({
      credit_limit: { currency: 'JPY', amount: '12345.678' },
      date_of_birth: '1100-01-01T00:00:00Z',
      dob_of_dependants: [],
      dependants: 0,
    });
    const res = await postCustomer(server, bank1, creator, body);
    expect(res.status).toBe(201);
    expect(res.body.credit_limit).toEqual({ currency: 'JPY', amount: '12345.678' });
    expect(res.body.date_of_birth).toBe('1100-01-01T00:00:00Z');
    expect(res.body.dob_of_dependants).toEqual([]);
    expect(res.body.face_image.date).toMatch(datePattern);
  });
});

describe('GET /banks/BANK_ID/customers (getCustomersForCurrentUserAtBank)', () => {
  it('401 without login, 404 OBP-30001 for an unknown bank, an empty list for a user without customers', async () => {
    const anon = await server.call('GET', `/obp/v2.1.0/banks/${bank1}/customers`);
    expect(anon.status).toBe(401);
    expect(anon.body).toEqual(notLoggedIn);
    const user = await server.user();
    const noBank = await atBank('no-such-bank', user);
    expect(noBank.status).toBe(404);
    expect(noBank.body.message).toMatch(/^OBP-30001: /);
    const empty = await atBank(bank1, user);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ customers: [] });
    expect(empty.headers.get('etag')).toBeTruthy();
  });

  it("shows only the caller's customers", async () => {
    const alice = await server.user();
    const bob = await server.user();
    const aliceCustomer = await createdCustomer(server, bank1, alice);
    await createdCustomer(server, bank1, bob);
    expect((await atBank(bank1, alice)).body).toEqual({ customers: [aliceCustomer] });
  });
});

describe('GET /users/current/customers (getCustomersForUser, old style)', () => {
  it('401 without login; the customers of every bank otherwise', async () => {
    const anon = await server.call('GET', '/obp/v2.1.0/users/current/customers');
    expect(anon.status).toBe(401);
    expect(anon.body).toEqual(notLoggedIn);
    const user = await server.user();
    const a = await createdCustomer(server, bank1, user);
    const b = await createdCustomer(server, bank2, user);
    const res = await mine(user);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeNull();
    expect(res.body).toEqual({ customers: [a, b] });
  });
});

describe('POST /banks/BANK_ID/user_customer_links (createUserCustomerLinks, old style)', () => {
  it('401 without login and 403 without the role (OBP checks neither); nothing written', async () => {
    const holder = await server.user();
    const customer = await createdCustomer(server, bank1, holder);
    const other = await server.user();
    const body = { user_id: other.userId, customer_id: customer.customer_id };
    const otherBankAdmin = await server.user({ roles: [['CanCreateUserCustomerLink', bank2]] });
    await writesNothing(async () => {
      const anon = await link(bank1, undefined, body);
      expect(anon.status).toBe(401);
      expect(anon.body).toEqual(notLoggedIn);
      const none = await link(bank1, other, body);
      expect(none.status).toBe(403);
      expect(none.body).toEqual({ code: 403, message: `OBP-20006: User is missing one or more roles: ${linkRolesText}` });
      const elsewhere = await link(bank1, otherBankAdmin, body);
      expect(elsewhere.status).toBe(403);
    });
  });

  it('200 with the bank role; the linked user then lists the customer; a second link is OBP-30007', async () => {
    const holder = await server.user();
    const customer = await createdCustomer(server, bank1, holder);
    const other = await server.user();
    const admin = await server.user({ roles: [['CanCreateUserCustomerLink', bank1]] });
    const body = { user_id: other.userId, customer_id: customer.customer_id };
    const res = await link(bank1, admin, body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      user_customer_link_id: expect.stringMatching(uuidPattern),
      customer_id: customer.customer_id,
      user_id: other.userId,
      date_inserted: expect.stringMatching(datePattern),
      is_active: true,
    });
    expect((await atBank(bank1, other)).body).toEqual({ customers: [customer] });
    expect((await mine(other)).body).toEqual({ customers: [customer] });
    await writesNothing(async () => {
      const again = await link(bank1, admin, body);
      expect(again.status).toBe(400);
      expect(again.body).toEqual({
        code: 400,
        message: 'OBP-30007: The User is already linked to a Customer at the bank specified by BANK_ID',
      });
      // the holder's own link exists since the customer was created
      const holders = await link(bank1, admin, { user_id: holder.userId, customer_id: customer.customer_id });
      expect(holders.body.message).toMatch(/^OBP-30007: /);
    });
  });

  it('CanCreateUserCustomerLinkAtAnyBank works at any bank', async () => {
    const customer = await createdCustomer(server, bank2, await server.user());
    const other = await server.user();
    const admin = await server.user({ roles: ['CanCreateUserCustomerLinkAtAnyBank'] });
    const res = await link(bank2, admin, { user_id: other.userId, customer_id: customer.customer_id });
    expect(res.status).toBe(200);
  });

  it('unknown user (OBP-20057), unknown customer, a customer of another bank (OBP-30046), unknown bank: 400, nothing written', async () => {
    const customer = await createdCustomer(server, bank1, await server.user());
    const other = await server.user();
    const admin = await server.user({ roles: ['CanCreateUserCustomerLinkAtAnyBank'] });
    await writesNothing(async () => {
      const cases: [string, unknown, string][] = [
        [bank1, { user_id: randomUUID(), customer_id: customer.customer_id }, 'OBP-20057'],
        [bank1, { user_id: other.userId, customer_id: randomUUID() }, 'OBP-30046'],
        [bank1, { user_id: other.userId, customer_id: '' }, 'OBP-30046'],
        [bank2, { user_id: other.userId, customer_id: customer.customer_id }, 'OBP-30046'],
        ['no-such-bank', { user_id: other.userId, customer_id: customer.customer_id }, 'OBP-30001'],
        [bank1, { user_id: other.userId }, 'OBP-10001'],
        [bank1, { user_id: 1, customer_id: customer.customer_id }, 'OBP-10001'],
      ];
      for (const [bankId, body, code] of cases) {
        const res = await link(bankId, admin, body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.message.startsWith(`${code}: `), res.body.message).toBe(true);
      }
    });
  });

  it('20 parallel identical links: exactly one 200, the others OBP-30007', async () => {
    const customer = await createdCustomer(server, bank1, await server.user());
    const other = await server.user();
    const admin = await server.user({ roles: [['CanCreateUserCustomerLink', bank1]] });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => link(bank1, admin, { user_id: other.userId, customer_id: customer.customer_id })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const a of answers.filter((x) => x.status !== 200)) expect(a.body.message).toMatch(/^OBP-30007: /);
    expect((await server.store.customers.linksOf(customer.customer_id)).length).toBe(2);
  });
});
