/**
 * The API Explorer's server side: the page and its assets with their security headers, the page's own
 * DirectLogin consumer created at boot, and OBP_API_EXPLORER=false. The page itself is tested in a
 * browser (test/browser/explorer.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../../src/config.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const explorerKey = 'obp-api-explorer';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

function expectPageHeaders(headers: Headers): void {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
}

describe('the page', () => {
  it('is served at /, /explorer and /explorer/ with no inline script and its consumer key', async () => {
    for (const path of ['/', '/explorer', '/explorer/']) {
      const res = await server.call('GET', path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expectPageHeaders(res.headers);
      expect(res.text).toContain(`data-consumer-key="${explorerKey}"`);
      expect(res.text).toContain('data-versions="v2.1.0,v2.2.0"');
      expect(res.text).toContain('data-version="v2.1.0"');
      // every script has a src: nothing inline for the CSP to allow
      expect(res.text.match(/<script[^>]*>/g)).toEqual([
        expect.stringMatching(/^<script src="\/explorer\/explorer\.js\?v=[\w-]+" defer>$/),
      ]);
      expect(res.text).not.toMatch(/<style|\son\w+=/);
    }
  });

  it('serves its script and style sheet with ETags', async () => {
    for (const [path, type] of [
      ['/explorer/explorer.js', 'text/javascript; charset=utf-8'],
      ['/explorer/explorer.css', 'text/css; charset=utf-8'],
    ] as const) {
      const res = await server.call('GET', path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expectPageHeaders(res.headers);
      expect(res.text.length).toBeGreaterThan(1000);
      const etag = res.headers.get('etag')!;
      const again = await server.call('GET', path, { headers: { 'If-None-Match': etag } });
      expect(again.status).toBe(304);
    }
    // the script reads the resource docs of the server, it embeds none
    const script = (await server.call('GET', '/explorer/explorer.js')).text;
    expect(script).toContain('/resource-docs/');
    expect(script).not.toContain('createCustomer');
  });

  it('leaves other paths to the API (unknown ones stay OBP-10404)', async () => {
    const res = await server.call('GET', '/explorer/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/^OBP-10404/);
  });
});

describe('the explorer consumer', () => {
  it('is created enabled at boot, and a user logs in with its key', async () => {
    const consumer = await server.store.consumers.getByKey(explorerKey);
    expect(consumer).toMatchObject({ appName: 'API Explorer', enabled: true });
    const user = await server.user();
    const res = await server.call('POST', '/my/logins/direct', {
      headers: { DirectLogin: `username="${user.username}", password="${user.password}", consumer_key="${explorerKey}"` },
    });
    expect(res.status).toBe(201);
  });

  it('stays disabled across a restart when an admin disabled it', async () => {
    const consumer = (await server.store.consumers.getByKey(explorerKey))!;
    await server.store.consumers.update(consumer.consumerId, { enabled: false });
    server = await server.restart();
    expect((await server.store.consumers.getByKey(explorerKey))?.enabled).toBe(false);
    await server.store.consumers.update(consumer.consumerId, { enabled: true });
  });

  it('takes its key from OBP_API_EXPLORER_CONSUMER_KEY', async () => {
    server = await server.restart({ OBP_API_EXPLORER_CONSUMER_KEY: 'my-explorer' });
    expect((await server.store.consumers.getByKey('my-explorer'))?.enabled).toBe(true);
    expect((await server.call('GET', '/')).text).toContain('data-consumer-key="my-explorer"');
  });
});

describe('OBP_API_EXPLORER=false', () => {
  it('serves no page and creates no consumer', async () => {
    const off = await startTestServer({ OBP_API_EXPLORER: 'false' });
    try {
      for (const path of ['/', '/explorer', '/explorer/explorer.js']) {
        const res = await off.call('GET', path);
        expect(res.status, path).toBe(404);
        expect(res.body.message).toMatch(/^OBP-10404/);
      }
      expect(await off.store.consumers.getByKey(explorerKey)).toBeUndefined();
    } finally {
      await off.stop();
    }
  });

  it('refuses a consumer key that is no key', () => {
    expect(() => loadConfig({ OBP_API_EXPLORER_CONSUMER_KEY: 'a key' })).toThrow(ConfigError);
    expect(loadConfig({}).apiExplorer).toEqual({ consumerKey: explorerKey });
    expect(loadConfig({ OBP_API_EXPLORER: 'false' }).apiExplorer).toBeUndefined();
  });
});
