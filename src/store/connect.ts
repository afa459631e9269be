/**
 * Opens the database for either dialect and applies the numbered migrations.
 * PostgreSQL: every SELECT, INSERT, UPDATE and DELETE runs as a named prepared statement (parsed once per
 * connection; a payment's writes are as hot as the reads).
 * SQLite: compiled statements are cached by SQL text.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration } from 'kysely';
import pg from 'pg';
import type { Dialect } from './dialect.js';
import type { Database } from './schema.js';
import { migrations } from './migrations/index.js';
import { readDirectly } from './prepared.js';

export interface Connection {
  db: Kysely<Database>;
  dialect: Dialect;
  /** PostgreSQL pool, for LISTEN/NOTIFY and benchmarks; undefined on SQLite */
  pool: pg.Pool | undefined;
  /** the SQLite database file; undefined on PostgreSQL and for ':memory:' */
  sqliteFile: string | undefined;
  close(): Promise<void>;
}

export interface ConnectOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  /** SQLite file name inside dataDir; ':memory:' for a throwaway database */
  sqliteFile?: string;
  poolSize?: number;
}

const int8Oid = 20;
const numericOid = 1700;

/** Money and instants are BIGINT: read them exactly as bigint, never through a float. */
function typeParser(oid: number): (value: string) => unknown {
  if (oid === int8Oid) return (v: string) => BigInt(v);
  if (oid === numericOid) return (v: string) => v;
  return pg.types.getTypeParser(oid, 'text') as (value: string) => unknown;
}

function statementName(sql: string): string {
  return 'q' + createHash('sha1').update(sql).digest('base64url').slice(0, 20);
}

/**
 * PostgreSQL cannot hold NUL in text and fails the whole statement on one, where SQLite simply
 * matches nothing. No stored text contains NUL or any other C0 control character (request bodies
 * with them are refused), so a NUL in a looked-up value (a path or query parameter) is replaced by
 * U+0001: the statement then runs and matches nothing, as on SQLite.
 */
function withoutNul(values: readonly unknown[]): unknown[] {
  if (!values.some((v) => typeof v === 'string' && v.includes('\0'))) return values as unknown[];
  return values.map((v) => (typeof v === 'string' ? v.replaceAll('\0', '\u0001') : v));
}

/** SQL text → named prepared statement (null for transaction control and DDL); bounded by the code's queries */
function statementNames(): (text: string) => string | null {
  const names = new Map<string, string | null>();
  return (text) => {
    let name = names.get(text);
    if (name === undefined) {
      name = /^\s*(select|insert|update|delete)\b/i.test(text) ? statementName(text) : null;
      if (names.size < 5000) names.set(text, name);
    }
    return name;
  };
}

/** Wraps pg clients so that Kysely's queries become named prepared statements, and values are PostgreSQL-safe. */
function namedStatementPool(pool: pg.Pool, nameFor: (text: string) => string | null): pg.Pool {
  const wrapped = new WeakMap<pg.PoolClient, pg.PoolClient>();
  const wrap = (client: pg.PoolClient): pg.PoolClient => {
    let proxy = wrapped.get(client);
    if (!proxy) {
      const query = (text: unknown, raw?: unknown[]) => {
        const values = raw && withoutNul(raw);
        const name = typeof text === 'string' ? nameFor(text) : null;
        return name ? client.query({ name, text: text as string, values }) : client.query(text as string, values);
      };
      proxy = new Proxy(client, {
        get: (target, prop, receiver) => (prop === 'query' ? query : (Reflect.get(target, prop, receiver) as unknown)),
      });
      wrapped.set(client, proxy);
    }
    return proxy;
  };
  return new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop === 'connect') return async () => wrap(await target.connect());
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

/**
 * Compiled statements cached by SQL text. Transactions begin IMMEDIATE: the metrics worker writes
 * through its own connection, and a deferred transaction that read before that write committed could
 * not write afterwards (SQLITE_BUSY at once, without waiting); taking the write lock first waits
 * its turn instead (busy_timeout).
 */
function cachedStatements(raw: SqliteDatabase.Database): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return new Proxy(raw, {
    get(target, prop, receiver) {
      if (prop === 'prepare') {
        return (text: string) => {
          const sql = text === 'begin' ? 'begin immediate' : text;
          let stmt = cache.get(sql);
          if (!stmt) {
            stmt = target.prepare(sql);
            if (cache.size < 2000) cache.set(sql, stmt);
          }
          return stmt;
        };
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export async function connect(options: ConnectOptions): Promise<Connection> {
  let connection: Connection;
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      types: { getTypeParser: typeParser },
    });
    // An idle connection the server drops (restart, failover, admin) is discarded by the pool and the
    // next query opens a new one; without a listener the event would crash the process.
    pool.on('error', () => undefined);
    const nameFor = statementNames();
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: namedStatementPool(pool, nameFor) }) });
    readDirectly(db, {
      ready: () => true,
      run: async (text, values) => {
        const name = nameFor(text);
        const result = await pool.query(name ? { name, text, values: withoutNul(values) } : { text, values: withoutNul(values) });
        return result.rows as unknown[];
      },
    });
    connection = { db, dialect: 'postgres', pool, sqliteFile: undefined, close: () => db.destroy() };
  } else {
    const file = options.sqliteFile ?? 'obp.sqlite';
    if (file !== ':memory:') mkdirSync(options.dataDir, { recursive: true });
    const path = file === ':memory:' ? undefined : join(options.dataDir, file);
    const raw = new SqliteDatabase(path ?? file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    raw.defaultSafeIntegers(true);
    const statements = cachedStatements(raw);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
    readDirectly(db, {
      // while a transaction is open (between its awaits) reads wait for it through Kysely's lock
      ready: () => !raw.inTransaction,
      run: (text, values) => {
        const statement = statements.prepare(text);
        // a prepared write outside a transaction returns no rows (without RETURNING better-sqlite3 refuses all())
        if (statement.reader) return Promise.resolve(statement.all(values));
        statement.run(values);
        return Promise.resolve([]);
      },
    });
    connection = { db, dialect: 'sqlite', pool: undefined, sqliteFile: path, close: () => db.destroy() };
  }
  await migrate(connection);
  return connection;
}

async function migrate({ db, dialect }: Connection): Promise<void> {
  const provider = {
    getMigrations: (): Promise<Record<string, Migration>> =>
      Promise.resolve(
        Object.fromEntries(
          Object.entries(migrations).map(([name, up]) => [name, { up: (d: Kysely<unknown>) => up(d, dialect) }]),
        ),
      ),
  };
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'obp_migrations',
    migrationLockTableName: 'obp_migrations_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('migration failed', { cause: error });
}
