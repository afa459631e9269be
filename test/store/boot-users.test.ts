/**
 * Users created at boot are marked in the database (migration 0003): only such a user can become the
 * bootstrap admin. Runs on both stores.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Migration } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { createTestDatabase, storeKind } from '../helpers/server.js';
import { openTestStore } from '../helpers/store.js';
import { userRecord as user } from '../helpers/records.js';

describe('users created at boot', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
  });
  afterAll(async () => dispose());

  it('a user is created at boot only when boot says so', async () => {
    const registered = user('registered');
    const booted = user('booted');
    await store.users.insert(registered);
    await store.users.insert(booted, { createdByBoot: true });
    expect(await store.users.getForBoot('p', 'registered')).toEqual({
      user: expect.objectContaining({ userId: registered.userId }),
      createdByBoot: false,
      deleted: false,
    });
    expect(await store.users.getForBoot('p', 'booted')).toMatchObject({ user: { userId: booted.userId }, createdByBoot: true });
    expect(await store.users.getForBoot('p', 'nobody')).toBeUndefined();
    expect(await store.users.getForBoot('other-provider', 'booted')).toBeUndefined();
  });

  it('reenable clears the lock and the failed-login counter, and announces the change', async () => {
    const u = user('locked-out');
    await store.users.insert(u, { createdByBoot: true });
    await store.connection.db
      .updateTable('users')
      .set({ bad_login_attempts: 7, locked: 1 })
      .where('user_id', '=', u.userId)
      .execute();
    expect(await store.users.get(u.userId)).toMatchObject({ badLoginAttempts: 7, locked: true });
    const before = store.changes.generation('credentials');
    await store.users.reenable(u.userId);
    expect(await store.users.get(u.userId)).toMatchObject({ badLoginAttempts: 0, locked: false });
    // the change feed may deliver asynchronously (PostgreSQL NOTIFY)
    for (let i = 0; i < 100 && store.changes.generation('credentials') === before; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(store.changes.generation('credentials')).not.toBe(before);
  });
});

/** A database as the release before migration 0003 left it. */
async function databaseBefore0003(): Promise<{
  options: { databaseUrl: string | undefined; dataDir: string };
  db: Kysely<any>;
  dispose: () => Promise<void>;
}> {
  let db: Kysely<any>;
  let options: { databaseUrl: string | undefined; dataDir: string };
  let drop: () => Promise<void>;
  if (storeKind === 'postgres') {
    const database = await createTestDatabase();
    options = { databaseUrl: database.url, dataDir: '' };
    db = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 1 }) }) });
    drop = database.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'obp-store-'));
    options = { databaseUrl: undefined, dataDir: dir };
    db = new Kysely({ dialect: new SqliteDialect({ database: new SqliteDatabase(join(dir, 'obp.sqlite')) }) });
    drop = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
  }
  const dialect = storeKind === 'postgres' ? 'postgres' : 'sqlite';
  const older = Object.entries(migrations).filter(([name]) => name < '0003');
  const migrator = new Migrator({
    db,
    provider: {
      getMigrations: () =>
        Promise.resolve(
          Object.fromEntries(older.map(([name, up]): [string, Migration] => [name, { up: (d) => up(d, dialect) }])),
        ),
    },
    migrationTableName: 'obp_migrations',
    migrationLockTableName: 'obp_migrations_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error as Error;
  return { options, db, dispose: drop };
}

describe('migration 0003 on a database created before it', () => {
  it('marks the demo admin (the creator of the demo consumer) as created at boot, and no one else', async () => {
    const before = await databaseBefore0003();
    let store: Store | undefined;
    try {
      const row = (username: string) => ({
        user_id: randomUUID(),
        provider: 'p',
        provider_id: username,
        username,
        email: '',
        first_name: '',
        last_name: '',
        password_hash: 'x',
        validated: 1,
        bad_login_attempts: 0,
        locked: 0,
        deleted: 0,
        created_at: Date.now(),
      });
      const admin = row('admin');
      const registered = row('registered');
      const otherCreator = row('creator-of-another-consumer');
      await before.db.insertInto('users').values([admin, registered, otherCreator]).execute();
      const consumer = (key: string, createdBy: string) => ({
        consumer_key: key,
        secret: 's',
        app_name: key,
        app_type: 'Confidential',
        description: '',
        developer_email: '',
        redirect_url: '',
        company: '',
        created_by_user_id: createdBy,
        enabled: 1,
        created_at: Date.now(),
      });
      await before.db
        .insertInto('consumers')
        .values([consumer('obp-demo-consumer-key', admin.user_id), consumer('another-key', otherCreator.user_id)])
        .execute();
      const columns = await sql<{ n: number }>`SELECT count(*) AS n FROM obp_migrations`.execute(before.db);
      expect(Number(columns.rows[0]!.n)).toBe(2);
      await before.db.destroy();

      store = await openStore(before.options);
      expect(await store.users.getForBoot('p', 'admin')).toMatchObject({ createdByBoot: true });
      expect(await store.users.getForBoot('p', 'registered')).toMatchObject({ createdByBoot: false });
      expect(await store.users.getForBoot('p', 'creator-of-another-consumer')).toMatchObject({ createdByBoot: false });
    } finally {
      await store?.close();
      await before.dispose();
    }
  });
});
