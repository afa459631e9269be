/**
 * Parallel DirectLogin attempts against one user: the lock must hold under any concurrency, so a
 * burst of guesses can never verify more passwords than the same attempts made one after another.
 * OBP's rule: a user is locked once its counter exceeds OBP_MAX_BAD_LOGIN_ATTEMPTS, so at most
 * max + 1 consecutive passwords are ever checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, type ServerProcess } from '../helpers/process.js';
import { createTestDatabase, startTestServer, storeKind, testConsumer, type TestServer } from '../helpers/server.js';

const max = 5;
const wrongPassword = 'Wrong-Password-123!';

function header(username: string, password: string, consumerKey = testConsumer.key): Record<string, string> {
  return { DirectLogin: `username="${username}", password="${password}", consumer_key="${consumerKey}"` };
}

interface Outcome {
  status: number;
  message: string;
}

async function attempt(baseUrl: string, username: string, password: string): Promise<Outcome> {
  const res = await fetch(`${baseUrl}/my/logins/direct`, { method: 'POST', headers: header(username, password) });
  const body = (await res.json()) as { token?: string; message?: string };
  return { status: res.status, message: body.message ?? (body.token ? 'token' : '') };
}

function tally(outcomes: Outcome[]) {
  const count = (p: (o: Outcome) => boolean) => outcomes.filter(p).length;
  return {
    tokens: count((o) => o.status === 201),
    wrong: count((o) => o.message.startsWith('OBP-20004')),
    locked: count((o) => o.message.startsWith('OBP-20013')),
    other: outcomes.filter((o) => o.status !== 201 && !/^OBP-200(04|13)/.test(o.message)),
  };
}

describe('a burst of logins against one user', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ OBP_MAX_BAD_LOGIN_ATTEMPTS: String(max) });
  });
  afterAll(async () => server?.stop());

  for (const size of [50, 200]) {
    it(`${size} parallel wrong passwords: exactly ${max + 1} are checked, the rest are refused as locked`, async () => {
      const user = await server.user();
      const outcomes = await Promise.all(Array.from({ length: size }, () => attempt(server.url, user.username, wrongPassword)));
      const t = tally(outcomes);
      expect(t.other).toEqual([]);
      expect(t.tokens).toBe(0);
      expect(t.wrong).toBe(max + 1);
      expect(t.locked).toBe(size - max - 1);
      // and the right password no longer opens the account
      expect((await attempt(server.url, user.username, user.password)).message).toMatch(/^OBP-20013/);
    });
  }

  it('a right password inside a burst of 30 wrong ones is checked only within the allowed attempts', async () => {
    const user = await server.user();
    const guesses = Array.from({ length: 30 }, () => wrongPassword);
    guesses.push(user.password);
    const t = tally(await Promise.all(guesses.map((p) => attempt(server.url, user.username, p))));
    expect(t.other).toEqual([]);
    // every checked password answers a token or OBP-20004; no more than the lock allows were checked
    expect(t.tokens + t.wrong).toBeLessThanOrEqual(max + 1);
    expect(t.tokens + t.wrong + t.locked).toBe(31);
    if (t.tokens === 0) {
      expect((await attempt(server.url, user.username, user.password)).message).toMatch(/^OBP-20013/);
    }
  });

  it('an unknown username costs the same password check and is never locked', async () => {
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => attempt(server.url, 'nobody.here', wrongPassword)));
    expect(outcomes.every((o) => o.status === 401 && o.message.startsWith('OBP-20004'))).toBe(true);
  });
});

describe.runIf(storeKind === 'postgres')('a burst split over two processes on one PostgreSQL database', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: ServerProcess;
  let b: ServerProcess;
  const env = (url: string) => ({
    OBP_DATABASE_URL: url,
    OBP_DEMO: 'false',
    OBP_MAX_BAD_LOGIN_ATTEMPTS: String(max),
    OBP_BOOTSTRAP_CONSUMER_KEY: testConsumer.key,
    OBP_BOOTSTRAP_CONSUMER_SECRET: testConsumer.secret,
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await spawnServer(env(db.url));
    b = await spawnServer(env(db.url));
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
  });

  it(`200 wrong passwords half through each process: exactly ${max + 1} are checked`, async () => {
    const username = 'burst.target.user';
    const password = 'Right-Password-2026!';
    const created = await fetch(`${a.url}/obp/v2.1.0/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'burst@example.com', username, password, first_name: 'B', last_name: 'T' }),
    });
    expect(created.status).toBe(201);
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) => attempt((i % 2 === 0 ? a : b).url, username, wrongPassword)),
    );
    const t = tally(outcomes);
    expect(t.other).toEqual([]);
    expect(t.tokens).toBe(0);
    expect(t.wrong).toBe(max + 1);
    expect(t.locked).toBe(200 - max - 1);
    for (const s of [a, b]) expect((await attempt(s.url, username, password)).message).toMatch(/^OBP-20013/);
  });
});
