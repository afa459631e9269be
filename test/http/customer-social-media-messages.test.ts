import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createdCustomer, customerBody, customerCreatorRoles, postCustomer } from '../helpers/customers.js';
import { seedBank, startTestServer, type TestServer, type TestUser } from '../helpers/server.js';
import { expectNothingWritten } from '../helpers/table-snapshot.js';

const notLoggedIn = { code: 401, message: 'OBP-20001: User not logged in. Authentication is required!' };
const missing = (role: string) => ({ code: 403, message: `OBP-20006: User is missing one or more roles: ${role}` });
const customerNotFound = { code: 404, message: 'OBP-30046: Customer not found. Please specify a valid value for CUSTOMER_ID.' };
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

const writesNothing = (act: () => Promise<void>) => expectNothingWritten(server.store, act);

describe('social media handles (addSocialMediaHandle, getSocialMediaHandles)', () => {
  const handlesPath = (bankId: string, customerId: string) =>
    `/obp/v2.1.0/banks/${bankId}/customers/${customerId}/social_media_handles`;
  const add = (bankId: string, customerId: string, caller: TestUser | undefined, body: unknown) =>
    server.call('POST', handlesPath(bankId, customerId), { token: caller?.token, body });
  const get = (bankId: string, customerId: string, caller: TestUser | undefined) =>
    server.call('GET', handlesPath(bankId, customerId), { token: caller?.token });
  const handle = (customerNumber: string, name = '@eveline') => ({
    customer_number: customerNumber,
    type: 'twitter',
    handle: name,
    date_added: '2017-09-19T00:00:00Z',
    date_activated: '2017-09-20T08:30:00Z',
  });

  it('401, 403 without the role or with it at another bank, 201 with it; listed under `checks`', async () => {
    const customer = await createdCustomer(server, bank1, await server.user());
    const plain = await server.user();
    const elsewhere = await server.user({ roles: [['CanAddSocialMediaHandle', bank2]] });
    await writesNothing(async () => {
      const anon = await add(bank1, customer.customer_id, undefined, handle(customer.customer_number));
      expect(anon.status).toBe(401);
      expect(anon.body).toEqual(notLoggedIn);
      const none = await add(bank1, customer.customer_id, plain, handle(customer.customer_number));
      expect(none.status).toBe(403);
      expect(none.body).toEqual(missing('CanAddSocialMediaHandle'));
      expect((await add(bank1, customer.customer_id, elsewhere, handle(customer.customer_number))).status).toBe(403);
    });
    const writer = await server.user({ roles: [['CanAddSocialMediaHandle', bank1]] });
    const first = await add(bank1, customer.customer_id, writer, handle(customer.customer_number));
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ success: 'Success' });
    expect((await add(bank1, customer.customer_id, writer, handle(customer.customer_number, '@other'))).status).toBe(201);

    const anonList = await get(bank1, customer.customer_id, undefined);
    expect(anonList.status).toBe(401);
    const denied = await get(bank1, customer.customer_id, writer);
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual(missing('CanGetSocialMediaHandles'));
    const reader = await server.user({ roles: [['CanGetSocialMediaHandles', bank1]] });
    const listed = await get(bank1, customer.customer_id, reader);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ checks: [handle(customer.customer_number), handle(customer.customer_number, '@other')] });
  });

  it("handles are kept under the body's customer number, within the bank", async () => {
    const a = await createdCustomer(server, bank1, await server.user());
    const b = await createdCustomer(server, bank1, await server.user());
    // the same number at another bank sees nothing of bank1's handles
    const sameNumber = await createdCustomer(server, bank2, await server.user(), { customer_number: a.customer_number });
    const writer = await server.user({ roles: ['CanAddSocialMediaHandle', ['CanAddSocialMediaHandle', bank1]] });
    expect((await add(bank1, a.customer_id, writer, handle(b.customer_number))).status).toBe(201);
    expect((await add(bank1, a.customer_id, writer, handle(a.customer_number))).status).toBe(201);
    const reader = await server.user({
      roles: [
        ['CanGetSocialMediaHandles', bank1],
        ['CanGetSocialMediaHandles', bank2],
      ],
    });
    expect((await get(bank1, a.customer_id, reader)).body).toEqual({ checks: [handle(a.customer_number)] });
    expect((await get(bank1, b.customer_id, reader)).body).toEqual({ checks: [handle(b.customer_number)] });
    expect((await get(bank2, sameNumber.customer_id, reader)).body).toEqual({ checks: [] });
  });

  it('unknown bank 404, unknown customer or one of another bank 404 OBP-30046, bad bodies 400 OBP-10001; nothing written', async () => {
    const customer = await createdCustomer(server, bank2, await server.user());
    const writer = await server.user({
      roles: [
        ['CanAddSocialMediaHandle', bank1],
        ['CanAddSocialMediaHandle', 'no-such-bank'],
      ],
    });
    const reader = await server.user({ roles: [['CanGetSocialMediaHandles', bank1]] });
    const own = await createdCustomer(server, bank1, await server.user());
    await writesNothing(async () => {
      const noBank = await add('no-such-bank', customer.customer_id, writer, handle('1'));
      expect(noBank.status).toBe(404);
      expect(noBank.body.message).toMatch(/^OBP-30001: /);
      for (const id of [randomUUID(), customer.customer_id]) {
        expect((await add(bank1, id, writer, handle('1'))).body).toEqual(customerNotFound);
        expect((await get(bank1, id, reader)).body).toEqual(customerNotFound);
      }
      for (const body of [
        { ...handle(own.customer_number), date_added: '19-09-2017' },
        { ...handle(own.customer_number), date_activated: '2017-09-31T00:00:00Z' },
        { ...handle(own.customer_number), handle: 7 },
        { ...handle(own.customer_number), type: undefined },
      ]) {
        const res = await add(bank1, own.customer_id, writer, JSON.parse(JSON.stringify(body)));
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.message).toMatch(/^OBP-10001: /);
      }
    });
  });
});

describe('customer messages (getCustomersMessages, addCustomerMessage)', () => {
  const messages = (bankId: string, caller: TestUser | undefined) =>
    server.call('GET', `/obp/v2.1.0/banks/${bankId}/customer/messages`, { token: caller?.token });
  const send = (bankId: string, customerId: string, caller: TestUser | undefined, body: unknown) =>
    server.call('POST', `/obp/v2.1.0/banks/${bankId}/customer/${customerId}/messages`, { token: caller?.token, body });
  const message = (text: string) => ({ message: text, from_department: 'Compliance', from_person: 'Simon' });

  it('401 without login; 404 for an unknown bank; an empty list before any message', async () => {
    // v1_4_0/MappedCustomerMessagesTest
    expect((await messages(bank1, undefined)).body).toEqual(notLoggedIn);
    const user = await server.user();
    const noBank = await messages('no-such-bank', user);
    expect(noBank.status).toBe(404);
    expect(noBank.body.message).toMatch(/^OBP-30001: /);
    const empty = await messages(bank1, user);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ messages: [] });
  });

  it("a message to a customer is listed for the customer's users at that bank only; no role is needed", async () => {
    const holder = await server.user();
    const customer = await createdCustomer(server, bank1, holder);
    const sender = await server.user();
    const anon = await send(bank1, customer.customer_id, undefined, message('hello'));
    expect(anon.status).toBe(401);
    expect(anon.body).toEqual(notLoggedIn);
    const sent = await send(bank1, customer.customer_id, sender, message('hello'));
    expect(sent.status).toBe(201);
    expect(sent.body).toEqual({ success: 'Success' });
    expect((await send(bank1, customer.customer_id, sender, message('second'))).status).toBe(201);

    const listed = await messages(bank1, holder);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      messages: ['hello', 'second'].map((text) => ({
        id: expect.stringMatching(uuidPattern),
        date: expect.stringMatching(datePattern),
        ...message(text),
      })),
    });
    expect((await messages(bank2, holder)).body).toEqual({ messages: [] });
    expect((await messages(bank1, sender)).body).toEqual({ messages: [] });
  });

  it('unknown bank 404, unknown customer or one of another bank 404, a customer without a user 400 OBP-30008, bad bodies 400; nothing written', async () => {
    const sender = await server.user();
    const elsewhere = await createdCustomer(server, bank2, await server.user());
    const own = await createdCustomer(server, bank1, await server.user());
    // a customer with no user link (no endpoint makes one; here its link is removed)
    const creator = await server.user({ roles: customerCreatorRoles(bank1) });
    const unlinked = (await postCustomer(server, bank1, creator, customerBody())).body as { customer_id: string };
    await server.store.connection.db.deleteFrom('user_customer_links').where('customer_id', '=', unlinked.customer_id).execute();
    await writesNothing(async () => {
      const noBank = await send('no-such-bank', own.customer_id, sender, message('x'));
      expect(noBank.status).toBe(404);
      expect(noBank.body.message).toMatch(/^OBP-30001: /);
      for (const id of [randomUUID(), elsewhere.customer_id]) {
        const res = await send(bank1, id, sender, message('x'));
        expect(res.status).toBe(404);
        expect(res.body).toEqual(customerNotFound);
      }
      const noLink = await send(bank1, unlinked.customer_id, sender, message('x'));
      expect(noLink.status).toBe(400);
      expect(noLink.body).toEqual({ code: 400, message: 'OBP-30008: User Customer Link not found by USER_ID' });
      for (const body of [{ message: 'x' }, { ...message('x'), from_person: 3 }, { ...message('x'.repeat(1025)) }, []]) {
        const res = await send(bank1, own.customer_id, sender, body);
        expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(res.body.message).toMatch(/^OBP-10001: /);
      }
    });
  });
});
