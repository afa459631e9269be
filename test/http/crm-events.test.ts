import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOpenData } from '../helpers/open-data.js';
import { seedBank, startTestServer, type TestServer } from '../helpers/server.js';

const notLoggedIn = { code: 401, message: 'OBP-20001: User not logged in. Authentication is required!' };

let server: TestServer;
let bankId: string;
beforeAll(async () => {
  server = await startTestServer();
  bankId = await importOpenData(server);
});
afterAll(async () => server.stop());

const crmEvents = (bank: string, token?: string) => server.call('GET', `/obp/v2.1.0/banks/${bank}/crm-events`, { token });

describe('GET /banks/BANK_ID/crm-events (getCrmEvents)', () => {
  it('401 anonymous, even for an unknown bank', async () => {
    for (const bank of [bankId, 'no-such-bank']) {
      const res = await crmEvents(bank);
      expect(res.status).toBe(401);
      expect(res.body).toEqual(notLoggedIn);
    }
  });

  it('any logged-in user (no role) gets the imported events, ordered by id, dates without millis; with an ETag', async () => {
    const someone = await server.user();
    const res = await crmEvents(bankId, someone.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^[0-9a-f]+$/);
    expect(res.body).toEqual({
      crm_events: [
        {
          id: 'crm-1',
          bank_id: bankId,
          customer_name: 'Anna Y',
          customer_number: '42',
          category: 'Call',
          detail: 'Asked about rates',
          channel: 'Phone',
          scheduled_date: null,
          actual_date: '2016-12-31T23:59:58Z',
          result: '',
        },
        {
          id: 'crm-2',
          bank_id: bankId,
          customer_name: 'Dennis X',
          customer_number: 'bank-x281290865',
          category: 'TEST CATEGORY',
          detail: 'TEST DETAIL',
          channel: 'Test Channel',
          scheduled_date: null,
          actual_date: '2015-02-14T00:00:00Z',
          result: '',
        },
      ],
    });
  });

  it('an unknown bank answers 404 OBP-30001 (new style); a bank without events an empty list', async () => {
    const someone = await server.user();
    const res = await crmEvents('no-such-bank', someone.token);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      code: 404,
      message: 'OBP-30001: Bank not found. Please specify a valid value for BANK_ID. Current BankId is no-such-bank',
    });
    const empty = await crmEvents(await seedBank(server), someone.token);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ crm_events: [] });
  });
});
