import { consumerRecord } from '../helpers/records.js';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store, type StoreOptions } from '../../src/store/index.js';
import { secretKeyFileName } from '../../src/store/secret-key.js';
import { createTestDatabase, storeKind } from '../helpers/server.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function storage(): Promise<StoreOptions> {
  if (storeKind === 'postgres') {
    const db = await createTestDatabase();
    cleanups.push(db.drop);
    return { databaseUrl: db.url, dataDir: '' };
  }
  const dir = mkdtempSync(join(tmpdir(), 'obp-key-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return { databaseUrl: undefined, dataDir: dir };
}

async function open(options: StoreOptions): Promise<Store> {
  const store = await openStore(options);
  cleanups.push(() => store.close());
  return store;
}

const consumer = (key: string, secret: string) => ({ ...consumerRecord(key), secret });

describe('the key consumer secrets are encrypted with', () => {
  it('without OBP_SECRET_KEY: generated once and kept (a private file next to SQLite, a row in PostgreSQL)', async () => {
    const options = await storage();
    const first = await open(options);
    expect(first.secretKeySource).toBe(storeKind === 'postgres' ? 'database' : 'file');
    if (storeKind === 'sqlite') expect(statSync(join(options.dataDir, secretKeyFileName)).mode & 0o777).toBe(0o600);
    await first.consumers.insert(consumer('k1', 'the-plain-secret'));
    const row = await first.connection.db
      .selectFrom('consumers')
      .selectAll()
      .where('consumer_key', '=', 'k1')
      .executeTakeFirstOrThrow();
    expect(row.secret).not.toContain('the-plain-secret');
    await first.close();
    cleanups.pop();
    const again = await open(options);
    expect((await again.consumers.getByKey('k1'))?.secret).toBe('the-plain-secret');
  });

  it('processes opening one database at once agree on one key', async () => {
    const options = await storage();
    if (storeKind === 'sqlite') {
      // SQLite migrates in one process only: migrate first, then race on the key alone
      await (await openStore(options)).close();
      rmSync(join(options.dataDir, secretKeyFileName));
    }
    const [a, b, c] = await Promise.all([open(options), open(options), open(options)]);
    await a.consumers.insert(consumer('shared', 'secret-of-a'));
    expect((await b.consumers.getByKey('shared'))?.secret).toBe('secret-of-a');
    expect((await c.consumers.getByKey('shared'))?.secret).toBe('secret-of-a');
  });

  it('with OBP_SECRET_KEY: used as given; a secret sealed with it does not open with another key', async () => {
    const options = { ...(await storage()), secretKey: randomBytes(32) };
    const store = await open(options);
    expect(store.secretKeySource).toBe('setting');
    await store.consumers.insert(consumer('k2', 's2'));
    expect((await store.consumers.getByKey('k2'))?.secret).toBe('s2');
    await store.close();
    cleanups.pop();
    const other = await open({ ...options, secretKey: randomBytes(32) });
    await expect(other.consumers.getByKey('k2')).rejects.toThrow();
  });

  it('secrets stored in clear before are encrypted when the store opens, once', async () => {
    const options = await storage();
    const store = await open(options);
    await store.connection.db
      .insertInto('consumers')
      .values({
        consumer_key: 'old',
        secret: 'old-plain-secret',
        app_name: 'old',
        app_type: 'Public',
        description: '',
        developer_email: '',
        redirect_url: '',
        company: '',
        created_by_user_id: '',
        enabled: 1,
        created_at: Date.now(),
        secret_encrypted: 0,
      })
      .execute();
    expect((await store.consumers.getByKey('old'))?.secret).toBe('old-plain-secret');
    await store.close();
    cleanups.pop();
    const reopened = await open(options);
    const row = await reopened.connection.db
      .selectFrom('consumers')
      .selectAll()
      .where('consumer_key', '=', 'old')
      .executeTakeFirstOrThrow();
    expect(Number(row.secret_encrypted)).toBe(1);
    expect(row.secret).not.toContain('old-plain-secret');
    expect((await reopened.consumers.getByKey('old'))?.secret).toBe('old-plain-secret');
  });
});
