import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCredentials } from '../../src/bootstrap.js';
import { oauthHeader } from '../helpers/oauth.js';
import { spawnServer, type ServerProcess } from '../helpers/process.js';
import { createTestDatabase, storeKind, type TestServer } from '../helpers/server.js';

// Scale-out is PostgreSQL's: several processes share one database and hold no state of their own.
const bootstrapAdmin = {
  OBP_BOOTSTRAP_ADMIN_USERNAME: 'cluster-admin',
  OBP_BOOTSTRAP_ADMIN_PASSWORD: 'Cluster-Admin-Pass-2026!',
};

describe.runIf(storeKind === 'postgres')('several processes on one PostgreSQL database', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    db = await createTestDatabase();
    // both create the demo data and the bootstrap admin at the same moment: one wins, the other reads its rows
    const env = { OBP_DATABASE_URL: db.url, OBP_DEMO: 'true', ...bootstrapAdmin };
    [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
  });

  const login = async (server: ServerProcess) => {
    const res = await fetch(`${server.url}/my/logins/direct`, {
      method: 'POST',
      headers: {
        DirectLogin: `username="${demoCredentials.admin.username}", password="${demoCredentials.admin.password}", consumer_key="${demoCredentials.consumerKey}"`,
      },
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { token: string }).token;
  };
  const currentUser = (server: ServerProcess, token: string) =>
    fetch(`${server.url}/obp/v2.1.0/users/current`, { headers: { DirectLogin: `token=${token}` } });
  /**
   * The answer of `server` once a change made through the other process has reached it. The writer
   * answers after its own listener heard the change, and PostgreSQL tells every listener at the same
   * commit, so this is at once in practice; a loaded machine may take a few milliseconds more.
   */
  const refusedWithin = async (server: ServerProcess, token: string, ms = 1000): Promise<Response> => {
    const t0 = performance.now();
    for (;;) {
      const res = await currentUser(server, token);
      if (res.status !== 200 || performance.now() - t0 > ms) return res;
      await new Promise((r) => setTimeout(r, 5));
    }
  };

  it('both processes booted on the same data (demo loaded once)', async () => {
    const [ra, rb] = await Promise.all([a, b].map((s) => fetch(`${s.url}/obp/v2.1.0/banks`).then((r) => r.json())));
    expect(ra).toEqual(rb);
    expect((ra as { banks: unknown[] }).banks.length).toBe(2);
  });

  it('both processes booting at once made one bootstrap admin, a super admin on both', async () => {
    const login = async (server: ServerProcess, username: string, password: string) => {
      const res = await fetch(`${server.url}/my/logins/direct`, {
        method: 'POST',
        headers: { DirectLogin: `username="${username}", password="${password}", consumer_key="${demoCredentials.consumerKey}"` },
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { token: string }).token;
    };
    const reader = await login(a, demoCredentials.admin.username, demoCredentials.admin.password);
    const users = (await (await fetch(`${a.url}/obp/v2.1.0/users`, { headers: { DirectLogin: `token=${reader}` } })).json()) as {
      users: { user_id: string; username: string }[];
    };
    const admins = users.users.filter((u) => u.username === bootstrapAdmin.OBP_BOOTSTRAP_ADMIN_USERNAME);
    expect(admins).toHaveLength(1);
    for (const server of [a, b]) {
      await login(server, bootstrapAdmin.OBP_BOOTSTRAP_ADMIN_USERNAME, bootstrapAdmin.OBP_BOOTSTRAP_ADMIN_PASSWORD);
      const list = (await (
        await fetch(`${server.url}/obp/v2.1.0/users/${admins[0]!.user_id}/entitlements`, {
          headers: { DirectLogin: `token=${reader}` },
        })
      ).json()) as { list: unknown[] };
      expect(list.list).toContainEqual({ entitlement_id: '', role_name: 'SuperAdmin', bank_id: '' });
    }
  });

  it('both processes read consumer secrets with the one generated key (OAuth signatures check on either)', async () => {
    for (const server of [a, b]) {
      expect(server.output()).toContain('OBP_SECRET_KEY is not set');
      const port = new URL(server.url).port;
      // the signature is made over OBP_HOSTNAME, here the default http://localhost:PORT
      const signer = { config: { hostname: `http://localhost:${port}` } } as TestServer;
      const res = await fetch(`${server.url}/oauth/initiate`, {
        method: 'POST',
        headers: {
          Authorization: oauthHeader(signer, 'POST', '/oauth/initiate', {
            consumer: { key: demoCredentials.consumerKey, secret: demoCredentials.consumerSecret },
            extra: { oauth_callback: 'oob' },
          }),
        },
      });
      expect(`${res.status} ${await res.text()}`).toMatch(/^200 oauth_token=/);
    }
  });

  it('a token issued by one process works on the other, and a revoke through one is honoured by the other', async () => {
    const token = await login(a);
    // used on both processes first, so each has it in its token cache
    for (const s of [a, b, a, b]) expect((await currentUser(s, token)).status).toBe(200);
    const other = await login(b);
    expect((await currentUser(a, other)).status).toBe(200);

    const revoke = await fetch(`${b.url}/my/logins/direct`, { method: 'DELETE', headers: { DirectLogin: `token=${token}` } });
    expect(revoke.status).toBe(204);
    for (const s of [a, b]) {
      const refused = await refusedWithin(s, token);
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { message: string }).message).toMatch(/^OBP-20003: /);
    }
    // the other token of the same user is untouched
    expect((await currentUser(a, other)).status).toBe(200);
  });

  it('a view granted and revoked through one process is honoured at once by the other, which had cached the views', async () => {
    const loginAs = async (server: ServerProcess, who: { username: string; password: string }) => {
      const res = await fetch(`${server.url}/my/logins/direct`, {
        method: 'POST',
        headers: {
          DirectLogin: `username="${who.username}", password="${who.password}", consumer_key="${demoCredentials.consumerKey}"`,
        },
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { token: string }).token;
    };
    const [alice, bob] = demoCredentials.users;
    const aliceToken = await loginAs(a, alice!);
    const bobToken = await loginAs(b, bob!);
    const bobUser = (await (await currentUser(b, bobToken)).json()) as { provider: string; username: string };
    const account = `${a.url}/obp/v2.1.0/banks/obp-bank-x-gh/accounts/alice-current`;
    const permission = `${account}/permissions/${encodeURIComponent(bobUser.provider)}/${bobUser.username}/views/accountant`;
    const bobReads = () =>
      fetch(`${b.url}/obp/v2.1.0/banks/obp-bank-x-gh/accounts/alice-current/accountant/transactions`, {
        headers: { DirectLogin: `token=${bobToken}` },
      }).then((r) => r.status);
    const within = async (status: (s: number) => boolean) => {
      const t0 = performance.now();
      let last = await bobReads();
      while (!status(last) && performance.now() - t0 < 1000) {
        await new Promise((r) => setTimeout(r, 5));
        last = await bobReads();
      }
      return last;
    };
    // refused twice on b, so b has bob's (empty) views on the account cached
    expect(await bobReads()).not.toBe(200);
    expect(await bobReads()).not.toBe(200);
    const granted = await fetch(permission, { method: 'POST', headers: { DirectLogin: `token=${aliceToken}` } });
    expect(granted.status).toBe(201);
    expect(await within((s) => s === 200)).toBe(200);
    expect(await bobReads()).toBe(200);
    const revoked = await fetch(permission, { method: 'DELETE', headers: { DirectLogin: `token=${aliceToken}` } });
    expect(revoked.status).toBeLessThan(300);
    expect(await within((s) => s !== 200)).not.toBe(200);
  });

  it('a consumer disabled through one process stops its tokens on the other', async () => {
    const token = await login(a);
    for (const s of [a, b]) expect((await currentUser(s, token)).status).toBe(200);
    const consumers = (await (
      await fetch(`${a.url}/obp/v2.1.0/management/consumers`, { headers: { DirectLogin: `token=${token}` } })
    ).json()) as { list: { consumer_id: number; app_name: string }[] };
    const demo = consumers.list.find((c) => c.app_name === 'Demo App')!;
    const disable = await fetch(`${b.url}/obp/v2.1.0/management/consumers/${demo.consumer_id}`, {
      method: 'PUT',
      headers: { DirectLogin: `token=${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ enabled: false }),
    });
    expect(disable.status).toBe(200);
    expect((await currentUser(b, token)).status).toBe(401);
    expect((await refusedWithin(a, token)).status).toBe(401);
    // and it stays refused
    expect((await currentUser(a, token)).status).toBe(401);
  });

  it('runs several node:cluster workers on one port', async () => {
    const cluster = await spawnServer({ OBP_DATABASE_URL: db.url, OBP_DEMO: 'false', OBP_WORKERS: '2' });
    try {
      const statuses = await Promise.all(
        Array.from({ length: 20 }, () => fetch(`${cluster.url}/obp/v2.1.0/banks`).then((r) => r.status)),
      );
      expect(statuses.every((s) => s === 200)).toBe(true);
      // printed by the primary once both workers listen
      expect(await cluster.waitFor('with 2 workers')).toContain(`obp-ts listening on ${cluster.url} with 2 workers`);
    } finally {
      await cluster.stop();
    }
  });
});
