/**
 * Anonymous clients must not be able to hold the server's memory or sockets with bodies: slow or
 * stalled bodies are cut off with an OBP error, oversized ones are refused before they are read, and
 * only a logged-in caller with the endpoint's roles may send a large body to the one endpoint that
 * declares one (the sandbox import).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { head, rawExchange } from '../helpers/raw-http.js';
import { startTestServer, type TestServer, type TestUser } from '../helpers/server.js';

let server: TestServer;
let importer: TestUser;
let unprivileged: TestUser;
beforeAll(async () => {
  server = await startTestServer({ OBP_REQUEST_TIMEOUT_SECONDS: '2' });
  importer = await server.user({ roles: ['CanCreateSandbox'] });
  unprivileged = await server.user();
});
afterAll(async () => server.stop());

const users = '/obp/v2.1.0/users';
const dataImport = '/obp/v2.1.0/sandbox/data-import';
const timeoutMessage = /^OBP-01000: .*not received in full within 2 seconds\.$/;

describe('slow and stalled bodies', () => {
  it('a body trickled one byte at a time is cut off with 408 OBP-01000 once the request time is up', async () => {
    const trickle = Array.from({ length: 40 }, () => [{ pauseMs: 250 }, '{']).flat();
    const res = await rawExchange(server.url, [head('POST', users, { 'Content-Length': 100 }), ...trickle]);
    expect(res.status).toBe(408);
    expect(res.body).toEqual({ code: 408, message: expect.stringMatching(timeoutMessage) });
    expect(res.elapsedMs).toBeLessThan(5_000);
    expect(res.closed).toBe(true);
  });

  it('a body that stops half-way is cut off with 408 OBP-01000', async () => {
    const res = await rawExchange(server.url, [
      head('POST', users, { 'Content-Length': 1000 }),
      'x'.repeat(500),
      { pauseMs: 8_000 },
    ]);
    expect(res.status).toBe(408);
    expect(res.body.message).toMatch(timeoutMessage);
    expect(res.closed).toBe(true);
  });
});

describe('oversized bodies', () => {
  it('a declared body above the limit is refused with 413 before it is sent, and the connection closed', async () => {
    const res = await rawExchange(server.url, [head('POST', users, { 'Content-Length': 5_200_000 }), { pauseMs: 5_000 }]);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ code: 413, message: 'OBP-10001: Incorrect json format. Request body exceeds 65536 bytes.' });
    expect(res.elapsedMs).toBeLessThan(1_000);
    expect(res.closed).toBe(true);
  });

  it('a chunked body is refused with 413 as soon as it passes the limit', async () => {
    const chunk = 'x'.repeat(16_000);
    const chunks = Array.from({ length: 6 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    const res = await rawExchange(server.url, [
      head('POST', users, { 'Transfer-Encoding': 'chunked' }),
      ...chunks,
      { pauseMs: 5_000 },
    ]);
    expect(res.status).toBe(413);
    expect(res.body.message).toBe('OBP-10001: Incorrect json format. Request body exceeds 65536 bytes.');
  });

  it('the sandbox import reads a large body only from a logged-in caller holding CanCreateSandbox', async () => {
    const declared = { 'Content-Length': 10_000_000, 'Content-Type': 'application/json' };
    const anonymous = await rawExchange(server.url, [head('POST', dataImport, declared), { pauseMs: 5_000 }]);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.message).toMatch(/^OBP-20001: /);
    expect(anonymous.closed).toBe(true);

    const withoutRole = await rawExchange(server.url, [
      head('POST', dataImport, { ...declared, DirectLogin: `token=${unprivileged.token}` }),
      { pauseMs: 5_000 },
    ]);
    expect(withoutRole.status).toBe(403);
    expect(withoutRole.body.message).toBe('OBP-20006: User is missing one or more roles: CanCreateSandbox');

    // above the ordinary limit, within the large one: read and imported
    const banks = Array.from({ length: 600 }, (_, i) => ({
      id: `large-body-bank-${i}`,
      short_name: `Large body bank ${i}`,
      full_name: `The large body bank number ${i} of the sandbox import`,
      logo: 'https://example.com/logo.png',
      website: 'https://example.com',
    }));
    const file = { banks, users: [], accounts: [], transactions: [], branches: [], atms: [], products: [], crm_events: [] };
    expect(JSON.stringify(file).length).toBeGreaterThan(65_536);
    const res = await server.call('POST', dataImport, { token: importer.token, body: file });
    expect(res.status, res.text).toBe(201);
    expect(await server.store.banks.get('large-body-bank-599')).toBeDefined();
  });
});
