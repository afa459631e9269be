/**
 * Requests that fail below the router — broken framing, over-long heads, slow heads — still get the
 * OBP error shape, and the connection is closed since its framing can no longer be trusted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { head, rawExchange, type RawAnswer, type Step } from '../helpers/raw-http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ OBP_REQUEST_TIMEOUT_SECONDS: '2' });
});
afterAll(async () => server.stop());

function expectObpAnswer(res: RawAnswer, status: number, message: RegExp): void {
  expect(res.status, res.text).toBe(status);
  expect(res.body).toEqual({ code: status, message: expect.stringMatching(message) });
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.headers['access-control-allow-origin']).toBe('*');
  expect(res.closed).toBe(true);
}

const users = '/obp/v2.1.0/users';

const cases: [string, Step[], number, RegExp][] = [
  ['a Content-Length that is not a number', [head('POST', users, { 'Content-Length': 'abc' }), '{}'], 400, /^OBP-10001: /],
  [
    'Content-Length together with chunked encoding',
    [head('POST', users, { 'Content-Length': 2, 'Transfer-Encoding': 'chunked' }), '2\r\n{}\r\n0\r\n\r\n'],
    400,
    /^OBP-10001: /,
  ],
  [
    'two different Content-Length values',
    [`POST ${users} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}`],
    400,
    /^OBP-10001: /,
  ],
  [
    'a chunk size that is not hexadecimal',
    [head('POST', users, { 'Transfer-Encoding': 'chunked' }), 'zz\r\n{}\r\n0\r\n\r\n'],
    400,
    /^OBP-10001: /,
  ],
  ['a request line that is not HTTP', ['HELLO THERE\r\n\r\n'], 400, /^OBP-10017: /],
  ['an over-long header', [head('GET', '/obp/v2.1.0/root', { 'X-Big': 'x'.repeat(20_000) })], 431, /^OBP-10017: .*16384 bytes/],
  ['an over-long URL', [head('GET', `/obp/v2.1.0/banks/${'b'.repeat(20_000)}`)], 431, /^OBP-10017: /],
  [
    'a head that stops half-way',
    ['GET /obp/v2.1.0/root HTTP/1.1\r\nHost: loc', { pauseMs: 6_000 }],
    408,
    /^OBP-01000: .*2 seconds/,
  ],
];

describe('errors below the router are OBP errors', () => {
  it.each(cases)('%s', async (_name, steps, status, message) => {
    expectObpAnswer(await rawExchange(server.url, steps), status, message);
  });

  it('the server keeps serving ordinary requests', async () => {
    expect((await server.call('GET', '/obp/v2.1.0/root')).status).toBe(200);
  });
});
