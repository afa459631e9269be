import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleName } from '../../src/domain/roles.js';
import { createdCustomer } from '../helpers/customers.js';
import { seedBank, startTestServer, type TestServer, type TestUser } from '../helpers/server.js';
import { expectNothingWritten } from '../helpers/table-snapshot.js';

const notLoggedIn = { code: 401, message: 'OBP-20001: User not logged in. Authentication is required!' };
const missing = (role: string) => ({ code: 403, message: `OBP-20006: User is missing one or more roles: ${role}` });

interface Kind {
  name: string;
  /** path segment of the PUT, and whether it ends with the record id */
  put: string;
  byId: boolean;
  list: string;
  key: string;
  addRole: RoleName;
  getRole: RoleName;
  body: Record<string, unknown>;
  /** the same record, changed */
  changed: Record<string, unknown>;
  /** a member to break with a wrong type */
  typed: string;
  date: string;
}

const kinds: Kind[] = [
  {
    name: 'check',
    put: 'kyc_check',
    byId: true,
    list: 'kyc_checks',
    key: 'checks',
    addRole: 'CanAddKycCheck',
    getRole: 'CanGetAnyKycChecks',
    body: {
      customer_number: 'c-1',
      date: '2017-09-19T10:11:12Z',
      how: 'online_meeting',
      staff_user_id: '67876',
      staff_name: 'Simon',
      satisfied: true,
      comments: 'fine',
    },
    changed: { satisfied: false, comments: 'not so fine', date: '2018-01-01T00:00:00Z' },
    typed: 'satisfied',
    date: 'date',
  },
  {
    name: 'document',
    put: 'kyc_documents',
    byId: true,
    list: 'kyc_documents',
    key: 'documents',
    addRole: 'CanAddKycDocument',
    getRole: 'CanGetAnyKycDocuments',
    body: {
      customer_number: 'c-1',
      type: 'passport',
      number: '12345',
      issue_date: '2010-01-01T00:00:00Z',
      issue_place: 'Berlin',
      expiry_date: '2030-01-01T00:00:00Z',
    },
    changed: { number: '999', expiry_date: '2031-06-30T12:00:00Z' },
    typed: 'number',
    date: 'expiry_date',
  },
  {
    name: 'media',
    put: 'kyc_media',
    byId: true,
    list: 'kyc_media',
    key: 'medias',
    addRole: 'CanAddKycMedia',
    getRole: 'CanGetAnyKycMedia',
    body: {
      customer_number: 'c-1',
      type: 'image',
      url: 'http://www.example.com/id-docs/123/image.png',
      date: '2017-09-19T00:00:00Z',
      relates_to_kyc_document_id: '123',
      relates_to_kyc_check_id: '456',
    },
    changed: { url: 'http://www.example.com/other.png' },
    typed: 'url',
    date: 'date',
  },
  {
    name: 'status',
    put: 'kyc_statuses',
    byId: false,
    list: 'kyc_statuses',
    key: 'statuses',
    addRole: 'CanAddKycStatus',
    getRole: 'CanGetAnyKycStatuses',
    body: { customer_number: 'c-1', ok: true, date: '2017-09-19T00:00:00Z' },
    changed: { ok: false, date: '2018-09-19T00:00:00Z' },
    typed: 'ok',
    date: 'date',
  },
];

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

describe.each(kinds)('KYC $name', (kind) => {
  const putPath = (bankId: string, customerId: string, id = 'rec-1') =>
    `/obp/v2.1.0/banks/${bankId}/customers/${customerId}/${kind.put}${kind.byId ? `/${id}` : ''}`;
  const put = (bankId: string, customerId: string, caller: TestUser | undefined, body: unknown, id?: string) =>
    server.call('PUT', putPath(bankId, customerId, id), { token: caller?.token, body });
  const list = (customerId: string, caller: TestUser | undefined) =>
    server.call('GET', `/obp/v2.1.0/customers/${customerId}/${kind.list}`, { token: caller?.token });
  const expected = (customer: { customer_id: string }, body: Record<string, unknown>, id = 'rec-1') =>
    kind.byId
      ? { bank_id: bank1, customer_id: customer.customer_id, id, ...body }
      : { customer_id: customer.customer_id, ...body };

  it('401 without login; 403 without the role or with it at another bank; 201 with it, then listed', async () => {
    const customer = await createdCustomer(server, bank1, await server.user());
    const id = customer.customer_id;
    const plain = await server.user();
    const elsewhere = await server.user({ roles: [[kind.addRole, bank2]] });
    await writesNothing(async () => {
      const anon = await put(bank1, id, undefined, kind.body);
      expect(anon.status).toBe(401);
      expect(anon.body).toEqual(notLoggedIn);
      const none = await put(bank1, id, plain, kind.body);
      expect(none.status).toBe(403);
      expect(none.body).toEqual(missing(kind.addRole));
      expect((await put(bank1, id, elsewhere, kind.body)).status).toBe(403);
    });
    const writer = await server.user({ roles: [[kind.addRole, bank1]] });
    const ok = await put(bank1, id, writer, kind.body);
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual(expected(customer, kind.body));
    expect(Object.keys(ok.body)).toEqual(Object.keys(expected(customer, kind.body)));

    const anonList = await list(id, undefined);
    expect(anonList.status).toBe(401);
    expect(anonList.body).toEqual(notLoggedIn);
    const denied = await list(id, writer);
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual(missing(kind.getRole));
    const reader = await server.user({ roles: [kind.getRole] });
    const listed = await list(id, reader);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ [kind.key]: [ok.body] });
  });

  it(kind.byId ? 'a PUT to the same id replaces the record' : 'each PUT appends a status, oldest first', async () => {
    const customer = await createdCustomer(server, bank1, await server.user());
    const writer = await server.user({ roles: [[kind.addRole, bank1]] });
    const reader = await server.user({ roles: [kind.getRole] });
    const first = await put(bank1, customer.customer_id, writer, kind.body);
    const second = await put(bank1, customer.customer_id, writer, { ...kind.body, ...kind.changed });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body).toEqual(expected(customer, { ...kind.body, ...kind.changed }));
    const other = kind.byId ? await put(bank1, customer.customer_id, writer, kind.body, 'rec-2') : undefined;
    const listed = (await list(customer.customer_id, reader)).body[kind.key];
    expect(listed).toEqual(kind.byId ? [second.body, other!.body] : [first.body, second.body]);
  });

  it('unknown bank → 404 OBP-30001; unknown customer or a customer of another bank → 404 OBP-30046; nothing written', async () => {
    const customer = await createdCustomer(server, bank2, await server.user());
    const writer = await server.user({ roles: [[kind.addRole, bank1]] });
    const nowhere = await server.user({ roles: [[kind.addRole, 'no-such-bank']] });
    const reader = await server.user({ roles: [kind.getRole] });
    await writesNothing(async () => {
      const noBank = await put('no-such-bank', customer.customer_id, nowhere, kind.body);
      expect(noBank.status).toBe(404);
      expect(noBank.body.message).toMatch(/^OBP-30001: /);
      for (const customerId of [randomUUID(), customer.customer_id]) {
        const res = await put(bank1, customerId, writer, kind.body);
        expect(res.status).toBe(404);
        expect(res.body).toEqual({
          code: 404,
          message: 'OBP-30046: Customer not found. Please specify a valid value for CUSTOMER_ID.',
        });
      }
      const noCustomer = await list(randomUUID(), reader);
      expect(noCustomer.status).toBe(404);
      expect(noCustomer.body.message).toMatch(/^OBP-30046: /);
    });
  });

  it('bad bodies and ids → 400 OBP-10001, nothing written', async () => {
    const customer = await createdCustomer(server, bank1, await server.user());
    const writer = await server.user({ roles: [[kind.addRole, bank1]] });
    const bad: unknown[] = [
      { ...kind.body, [kind.date]: '2017-09-19' },
      { ...kind.body, [kind.date]: '2017-02-30T00:00:00Z' },
      { ...kind.body, [kind.date]: 1505779200000 },
      { ...kind.body, [kind.typed]: kind.typed === 'number' || kind.typed === 'url' ? 12 : 'true' },
      { ...kind.body, customer_number: undefined },
      { ...kind.body, customer_number: 'x'.repeat(256) },
      [kind.body],
    ];
    await writesNothing(async () => {
      for (const body of bad) {
        const res = await put(bank1, customer.customer_id, writer, JSON.parse(JSON.stringify(body)));
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.message).toMatch(/^OBP-10001: /);
      }
      if (kind.byId) {
        const badId = await put(bank1, customer.customer_id, writer, kind.body, 'a%20b');
        expect(badId.status).toBe(400);
        expect(badId.body.message).toMatch(/^OBP-10001: /);
      }
    });
  });

  it('20 parallel PUTs: all 201, one record per id', async () => {
    const customer = await createdCustomer(server, bank1, await server.user());
    const writer = await server.user({ roles: [[kind.addRole, bank1]] });
    const answers = await Promise.all(Array.from({ length: 20 }, () => put(bank1, customer.customer_id, writer, kind.body)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    const reader = await server.user({ roles: [kind.getRole] });
    expect((await list(customer.customer_id, reader)).body[kind.key]).toHaveLength(kind.byId ? 1 : 20);
  });
});
