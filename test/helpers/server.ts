/**
 * Starts the real server on an ephemeral port against the store chosen by OBP_TEST_STORE
 * (`sqlite`, the default, or `postgres`: a fresh database per server on the local PostgreSQL).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/config.js';
import { hashPassword } from '../../src/domain/auth/secrets.js';
import type { Bank, Consumer } from '../../src/domain/model.js';
import type { RoleName } from '../../src/domain/roles.js';
import { startServer, type RunningServer } from '../../src/server.js';

export const testConsumer = { key: 'test-consumer-key', secret: 'test-consumer-secret' };
export const adminUrl = process.env.OBP_TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const storeKind = process.env.OBP_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `obp_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestServer extends RunningServer {
  config: Config;
  /** HTTP call; `token` adds a DirectLogin header; `body` objects are sent as JSON, strings raw */
  call(method: string, path: string, options?: CallOptions): Promise<TestResponse>;
  /** creates a validated local user (optionally with entitlements) and returns its id and a token */
  user(options?: { roles?: (RoleName | [RoleName, string])[]; username?: string; password?: string }): Promise<TestUser>;
  login(username: string, password: string): Promise<string>;
  /** stops this server and starts another on the same data, with `env` changed */
  restart(env?: Record<string, string>): Promise<TestServer>;
  stop(): Promise<void>;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export interface TestUser {
  userId: string;
  username: string;
  password: string;
  email: string;
  token: string;
}

/** Where a test server keeps its data: a temporary directory (SQLite) or a database of its own (PostgreSQL). */
export interface TestData {
  env: Record<string, string>;
  dispose(): Promise<void>;
}

export async function createTestData(): Promise<TestData> {
  if (storeKind === 'postgres') {
    const database = await createTestDatabase();
    return { env: { OBP_DATABASE_URL: database.url }, dispose: database.drop };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'obp-test-'));
  return { env: { OBP_DATA_DIR: dataDir }, dispose: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })) };
}

/** The environment of every test server: an ephemeral port, no demo data, quiet logs, the test consumer. */
export function testEnv(data: TestData, env: Record<string, string> = {}): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    OBP_DEMO: 'false',
    OBP_LOG_LEVEL: 'fatal',
    OBP_BOOTSTRAP_CONSUMER_KEY: testConsumer.key,
    OBP_BOOTSTRAP_CONSUMER_SECRET: testConsumer.secret,
    ...data.env,
    ...env,
  };
}

/** Starts a server on fresh data, or on `data` (which the caller then disposes of). */
export async function startTestServer(env: Record<string, string> = {}, data?: TestData): Promise<TestServer> {
  const own = data ?? (await createTestData());
  try {
    return await launch(own, env);
  } catch (err) {
    if (!data) await own.dispose();
    throw err;
  }
}

async function launch(data: TestData, env: Record<string, string>): Promise<TestServer> {
  const config = loadConfig(testEnv(data, env));
  const server = await startServer(config);

  const call = async (method: string, path: string, options: CallOptions = {}): Promise<TestResponse> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) headers.DirectLogin = `token=${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const res = await fetch(server.url + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = text;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  };

  const login = async (username: string, password: string): Promise<string> => {
    const res = await call('POST', '/my/logins/direct', {
      headers: { DirectLogin: `username="${username}", password="${password}", consumer_key="${testConsumer.key}"` },
    });
    if (res.status !== 201) throw new Error(`login failed: ${res.status} ${res.text}`);
    return (res.body as { token: string }).token;
  };

  let counter = 0;
  const user: TestServer['user'] = async (options = {}) => {
    counter++;
    const username = options.username ?? `user${counter}-${randomUUID().slice(0, 8)}`;
    const password = options.password ?? 'Test-Password-123!';
    const userId = randomUUID();
    const email = `${username}@example.com`;
    await server.store.users.insert({
      userId,
      provider: config.localIdentityProvider,
      providerId: username,
      username,
      email,
      firstName: username,
      lastName: 'Test',
      passwordHash: await hashPassword(password),
      validated: true,
      badLoginAttempts: 0,
      locked: false,
    });
    for (const role of options.roles ?? []) {
      const [roleName, bankId] = Array.isArray(role) ? role : [role, ''];
      await server.store.entitlements.insert({ entitlementId: randomUUID(), userId, bankId, roleName });
    }
    return { userId, username, password, email, token: await login(username, password) };
  };

  return {
    ...server,
    config,
    call,
    user,
    login,
    async restart(change = {}) {
      await server.close();
      return launch(data, { ...env, ...change });
    },
    async stop() {
      try {
        await server.close();
      } finally {
        await data.dispose();
      }
    },
  };
}

/** Inserts a bank directly (fixtures for endpoints that need one); `change` overrides the defaults. */
export async function seedBank(
  server: TestServer,
  bankId = `bank-${randomUUID().slice(0, 8)}`,
  change: Partial<Omit<Bank, 'bankId'>> = {},
): Promise<string> {
  await server.store.banks.insert({
    bankId,
    shortName: `Bank ${bankId}`,
    fullName: `The Bank ${bankId}`,
    logo: '',
    website: 'https://example.com',
    nationalIdentifier: '',
    swiftBic: '',
    bankRoutingScheme: 'OBP',
    bankRoutingAddress: bankId,
    ...change,
  });
  return bankId;
}

/** Inserts a consumer directly; `change` overrides the defaults. */
export async function seedConsumer(server: TestServer, change: Partial<Consumer> = {}): Promise<Consumer> {
  return server.store.consumers.insert({
    key: `key-${randomUUID()}`,
    secret: 'secret',
    appName: `App ${randomUUID().slice(0, 8)}`,
    appType: 'Confidential',
    description: 'Account Management',
    developerEmail: 'dev@example.com',
    redirectUrl: 'http://localhost:8888/callback',
    company: 'ACME',
    createdByUserId: '',
    enabled: true,
    ...change,
  });
}

/**
 * A new bank with one current account (balance 1.00 EUR) that `owner` holds through the owner view;
 * `bank` overrides the bank's defaults.
 */
export async function seedOwnedAccount(
  server: TestServer,
  owner: TestUser,
  iban = 'DE89000000000012345678',
  bank: Partial<Omit<Bank, 'bankId'>> = {},
): Promise<{ bankId: string; accountId: string }> {
  const bankId = await seedBank(server, undefined, bank);
  const accountId = `acc-${randomUUID()}`;
  await server.store.accounts.insert({
    bankId,
    accountId,
    number: '12345678',
    kind: 'CURRENT',
    label: 'Main',
    currency: 'EUR',
    balance: 100n,
    holderName: 'Owner Name',
    iban,
    swiftBic: '',
    routingScheme: 'AccountNumber',
    routingAddress: '12345678',
  });
  await server.store.access.grant(owner.userId, bankId, accountId, 'owner');
  return { bankId, accountId };
}
