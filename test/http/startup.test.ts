/**
 * A new user's first minutes, through `npm start`'s entry point as a child process: every start-up
 * failure is one line on stderr naming the cause and the setting to change, exit code 2, no stack
 * trace; the start banner and the log lines a person reads in a terminal.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCredentials } from '../../src/bootstrap.js';
import { freePort, runToExit, spawnServer, type FinishedProcess } from '../helpers/process.js';
import { adminUrl, createTestData, startTestServer, storeKind, testEnv } from '../helpers/server.js';

const pgHostPort = (() => {
  const url = new URL(adminUrl);
  return `${url.hostname}:${url.port || '5432'}`;
})();

/** The one line a failed start prints, after checking how it failed. */
function refusal(run: FinishedProcess): string {
  expect(run.code, run.stdout + run.stderr).toBe(2);
  const lines = run.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines, run.stderr).toHaveLength(1);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  return lines[0]!;
}

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'obp-startup-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A directory of its own for each embedded-database process. */
const sqliteEnv = () => ({ OBP_DATA_DIR: join(dataDir, randomUUID()), OBP_DEMO: 'false' });

// Failures that do not depend on the store run once, in the sqlite project.
describe.runIf(storeKind === 'sqlite')('start-up failures: one line, exit code 2', () => {
  it('PostgreSQL not reachable: names host:port and OBP_DATABASE_URL', async () => {
    const port = await freePort();
    const line = refusal(await runToExit({ OBP_DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/obp` }));
    expect(line).toBe(
      `Cannot reach PostgreSQL at 127.0.0.1:${port} (ECONNREFUSED): start PostgreSQL there, or correct the host and port in OBP_DATABASE_URL.`,
    );
  });

  it('the same through the cluster primary (OBP_WORKERS=2)', async () => {
    const port = await freePort();
    const line = refusal(await runToExit({ OBP_DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/obp`, OBP_WORKERS: '2' }));
    expect(line).toMatch(
      new RegExp(`^Cannot reach PostgreSQL at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\).*OBP_DATABASE_URL\\.$`),
    );
  });

  it('OBP_WORKERS > 1 without PostgreSQL', async () => {
    const line = refusal(await runToExit({ ...sqliteEnv(), OBP_WORKERS: '2' }));
    expect(line).toMatch(/^OBP_WORKERS > 1 needs OBP_DATABASE_URL: .*OBP_WORKERS=1/);
  });

  it('port in use: names the port and PORT', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const line = refusal(await runToExit({ ...sqliteEnv(), PORT: String(port) }));
      expect(line).toBe(`Port ${port} is already in use (HOST 127.0.0.1): stop what listens there, or set PORT to a free port.`);
    } finally {
      busy.close();
    }
  });

  it('a bad OBP_LOG_LEVEL lists the valid levels', async () => {
    const line = refusal(await runToExit({ ...sqliteEnv(), OBP_LOG_LEVEL: 'verbose' }));
    expect(line).toBe(
      'Configuration error: OBP_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"',
    );
  });

  it('a bad OBP_SECRET_KEY says what a key looks like', async () => {
    const line = refusal(await runToExit({ ...sqliteEnv(), OBP_SECRET_KEY: 'too-short' }));
    expect(line).toMatch(
      /^Configuration error: OBP_SECRET_KEY must be 32 random bytes, as 64 hex digits or 44 base64 characters/,
    );
  });

  it('a bootstrap admin with only one of its two variables', async () => {
    const line = refusal(await runToExit({ ...sqliteEnv(), OBP_BOOTSTRAP_ADMIN_USERNAME: 'root' }));
    expect(line).toMatch(/^Configuration error: OBP_BOOTSTRAP_ADMIN_USERNAME and OBP_BOOTSTRAP_ADMIN_PASSWORD go together/);
  });

  it('an embedded database directory that cannot be created names OBP_DATA_DIR', async () => {
    const file = join(dataDir, 'a-file');
    writeFileSync(file, '');
    const line = refusal(await runToExit({ OBP_DATA_DIR: join(file, 'data'), OBP_DEMO: 'false' }));
    expect(line).toMatch(
      /^Cannot use the embedded database \S+\/a-file\/data\/obp\.sqlite \(ENOTDIR: .*\): set OBP_DATA_DIR to a writable directory/,
    );
  });
});

describe.runIf(storeKind === 'postgres')('start-up failures on PostgreSQL: one line, exit code 2', () => {
  it('an unknown role is named', async () => {
    const url = adminUrl.replace(/\/\/[^@/]*@/, '//no_such_role_obp@');
    const line = refusal(await runToExit({ OBP_DATABASE_URL: url }));
    expect(line).toBe(
      `PostgreSQL at ${pgHostPort} has no role "no_such_role_obp": correct the user in OBP_DATABASE_URL, or create the role (createuser no_such_role_obp).`,
    );
  });

  it('an unknown database is named', async () => {
    const url = adminUrl.replace(/\/[^/]*$/, '/no_such_database_obp');
    const line = refusal(await runToExit({ OBP_DATABASE_URL: url }));
    expect(line).toBe(
      `PostgreSQL at ${pgHostPort} has no database "no_such_database_obp": create it (createdb no_such_database_obp), or correct the database name in OBP_DATABASE_URL.`,
    );
  });

  it('a role that may not create the tables is told what to grant', async () => {
    const role = `obp_no_create_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
    const data = await createTestData();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE ${role} LOGIN`);
      const url = data.env.OBP_DATABASE_URL!.replace(/\/\/[^@/]*@/, `//${role}@`);
      const line = refusal(await runToExit({ OBP_DATABASE_URL: url }));
      expect(line).toMatch(
        /^PostgreSQL refused to create or change the tables \(permission denied for schema public\): give the role in OBP_DATABASE_URL the CREATE privilege/,
      );
    } finally {
      await data.dispose();
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    }
  });

  it('port in use with OBP_WORKERS=2: the workers cannot listen, the primary prints it once', async () => {
    const data = await createTestData();
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const line = refusal(await runToExit({ ...data.env, OBP_DEMO: 'false', OBP_WORKERS: '2', PORT: String(port) }));
      expect(line).toBe(`Port ${port} is already in use (HOST 127.0.0.1): stop what listens there, or set PORT to a free port.`);
    } finally {
      busy.close();
      await data.dispose();
    }
  });
});

describe('the bootstrap admin name taken by a registered user', () => {
  it('refuses to start: one line naming the cause and what to change, exit code 2', async () => {
    const data = await createTestData();
    try {
      const server = await startTestServer({}, data);
      const res = await server.call('POST', '/obp/v2.1.0/users', {
        body: {
          email: 'early@example.com',
          username: 'early.bird',
          password: 'Early-Bird-Pass-2026!',
          first_name: 'E',
          last_name: 'B',
        },
      });
      expect(res.status).toBe(201);
      await server.close();
      const env = testEnv(data, {
        OBP_BOOTSTRAP_ADMIN_USERNAME: 'early.bird',
        OBP_BOOTSTRAP_ADMIN_PASSWORD: 'Admin-Pass-2026!!',
      });
      const line = refusal(await runToExit({ ...env, PORT: String(await freePort()), OBP_LOG_LEVEL: 'warn' }));
      expect(line).toBe(
        `OBP_BOOTSTRAP_ADMIN_USERNAME is "early.bird", but that user was not created at boot (it was registered through POST /users or a sandbox import), so it cannot become the bootstrap admin: choose another OBP_BOOTSTRAP_ADMIN_USERNAME, or, if that user (id ${res.body.user_id}) is yours, list its id in OBP_SUPER_ADMIN_USER_IDS instead.`,
      );
    } finally {
      await data.dispose();
    }
  });
});

describe.runIf(storeKind === 'sqlite')('the start banner and the log', () => {
  it('without demo data: the embedded database file, and how to get a first admin', async () => {
    const env = sqliteEnv();
    const server = await spawnServer({ ...env, OBP_LOG_LEVEL: 'info' });
    try {
      const out = await server.waitFor('No admin yet');
      expect(out).toContain(`Database: embedded SQLite, ${env.OBP_DATA_DIR}/obp.sqlite`);
      expect(out).toContain('No admin yet: set OBP_BOOTSTRAP_ADMIN_USERNAME and OBP_BOOTSTRAP_ADMIN_PASSWORD to create one.');
      // the logger's own start lines come before the banner
      expect(out.indexOf('Server listening at')).toBeGreaterThanOrEqual(0);
      expect(out.lastIndexOf('Server listening at')).toBeLessThan(out.indexOf('obp-ts listening on'));
      // not a terminal: JSON lines, one per call, at info
      await fetch(`${server.url}/obp/v2.1.0/banks?x=1`);
      const call = await server.waitFor('"path":"/obp/v2.1.0/banks"');
      const line = call.split('\n').find((l) => l.includes('"path":"/obp/v2.1.0/banks"'))!;
      expect(JSON.parse(line)).toMatchObject({
        level: 30,
        method: 'GET',
        path: '/obp/v2.1.0/banks',
        status: 200,
        ms: expect.any(Number),
        msg: expect.stringMatching(/^GET \/obp\/v2\.1\.0\/banks 200 [\d.]+ ms$/),
      });
    } finally {
      await server.stop();
    }
  });

  it('with a bootstrap admin: names the user, never the password; warns once about a weak password and the old variable', async () => {
    const password = 'weakpass';
    const server = await spawnServer({
      ...sqliteEnv(),
      OBP_BOOTSTRAP_ADMIN_USERNAME: 'root',
      OBP_BOOTSTRAP_ADMIN_PASSWORD: password,
      OBP_SUPER_ADMIN_USERNAMES: 'root',
    });
    try {
      const out = await server.waitFor('obp-ts listening on');
      expect(out).toContain('Bootstrap admin (super admin): root (created now with OBP_BOOTSTRAP_ADMIN_PASSWORD)');
      expect(out).not.toContain(password);
      expect(out).not.toContain('No admin yet');
      const warnings = out.split('\n').filter((l) => l.includes('"level":40'));
      expect(warnings).toHaveLength(2);
      expect(warnings[0]).toContain(
        'OBP_SUPER_ADMIN_USERNAMES is ignored: list super admins by user id in OBP_SUPER_ADMIN_USER_IDS',
      );
      expect(warnings[1]).toContain('OBP_BOOTSTRAP_ADMIN_PASSWORD is weak');
      // at warn, calls are not logged
      await fetch(`${server.url}/obp/v2.1.0/banks`);
      await new Promise((r) => setTimeout(r, 200));
      expect(server.output()).not.toContain('/obp/v2.1.0/banks');
    } finally {
      await server.stop();
    }
  });

  it('demo links follow PORT and OBP_HOSTNAME; so does the demo consumer redirect URL', async () => {
    const env = { ...sqliteEnv(), OBP_DEMO: 'true' };
    const server = await spawnServer(env);
    try {
      const out = await server.waitFor('Consumer key:');
      expect(out).toContain(`curl -X POST ${server.url}/my/logins/direct`);
      expect(out).toContain(`API Explorer: ${server.url}/\n`);
    } finally {
      await server.stop();
    }
    const behindProxy = await spawnServer({
      ...env,
      OBP_DATA_DIR: join(dataDir, randomUUID()),
      OBP_HOSTNAME: 'https://obp.example.com',
    });
    try {
      const out = await behindProxy.waitFor('Consumer key:');
      expect(out).toContain('curl -X POST https://obp.example.com/my/logins/direct');
      expect(out).toContain('API Explorer: https://obp.example.com/\n');
    } finally {
      await behindProxy.stop();
    }
  });
});

describe.runIf(storeKind === 'sqlite')('npm test without PostgreSQL', () => {
  it('says so in one line, with how to run the SQLite half alone', async () => {
    const port = await freePort();
    const adminAtClosedPort = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const run = await new Promise<FinishedProcess>((resolve) => {
      const child = spawn(
        process.execPath,
        ['node_modules/vitest/vitest.mjs', 'run', '--project', 'postgres', 'test/store/boot-users.test.ts'],
        {
          cwd: join(import.meta.dirname, '..', '..'),
          env: { ...process.env, OBP_TEST_PG_ADMIN_URL: adminAtClosedPort, NO_COLOR: '1' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.once('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `The postgres tests need PostgreSQL at ${adminAtClosedPort}: Cannot reach PostgreSQL at 127.0.0.1:${port} (ECONNREFUSED): start PostgreSQL there, or correct the host and port in OBP_TEST_PG_ADMIN_URL. To run the SQLite half alone: npx vitest run --project sqlite`,
    );
    expect(run.stdout).not.toMatch(/TypeError|FAIL/);
  });
});

describe('the demo consumer', () => {
  it('redirects to OBP_HOSTNAME (or localhost at PORT), not a fixed port', async () => {
    const server = await startTestServer({ OBP_DEMO: 'true', OBP_HOSTNAME: 'https://obp.example.com' });
    try {
      expect((await server.store.consumers.getByKey(demoCredentials.consumerKey))?.redirectUrl).toBe(
        'https://obp.example.com/callback',
      );
    } finally {
      await server.stop();
    }
    const port = await freePort();
    const local = await startTestServer({ OBP_DEMO: 'true', PORT: String(port) });
    try {
      expect((await local.store.consumers.getByKey(demoCredentials.consumerKey))?.redirectUrl).toBe(
        `http://localhost:${port}/callback`,
      );
    } finally {
      await local.stop();
    }
  });
});
