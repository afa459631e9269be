import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBank, startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

describe('root and banks', () => {
  it('GET /root and the bare prefix answer API info', async () => {
    for (const path of ['/obp/v2.1.0/root', '/obp/v2.1.0/']) {
      const res = await server.call('GET', path);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ version: 'v2.1.0', version_status: 'STABLE', connector: 'mapped' });
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('correlation-id')).toBeTruthy();
    }
  });

  it('lists banks and gets one; unknown bank is 400 OBP-30001 (old style)', async () => {
    const bankId = await seedBank(server);
    const list = await server.call('GET', '/obp/v2.1.0/banks');
    expect(list.status).toBe(200);
    expect(list.body.banks.map((b: { id: string }) => b.id)).toContain(bankId);
    const one = await server.call('GET', `/obp/v2.1.0/banks/${bankId}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual({
      id: bankId,
      short_name: `Bank ${bankId}`,
      full_name: `The Bank ${bankId}`,
      logo: null,
      website: 'https://example.com',
      bank_routing: { scheme: 'OBP', address: bankId },
    });
    const missing = await server.call('GET', '/obp/v2.1.0/banks/no-such-bank');
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ code: 400, message: 'OBP-30001: Bank not found. Please specify a valid value for BANK_ID.' });
  });

  it('unknown path is 404 OBP-10404', async () => {
    const res = await server.call('GET', '/obp/v2.1.0/no/such/thing');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe(404);
    expect(res.body.message).toMatch(/^OBP-10404: /);
  });
});
