/**
 * Tells every process sharing the database that credentials changed (a token revoked, a consumer
 * disabled, a failed login that may lock a user), so per-process caches of them stay correct.
 *
 * PostgreSQL: NOTIFY on one channel, sent through the writing connection so it is delivered only when
 * the change commits; each process LISTENs on a dedicated connection. While that connection is down
 * the feed reports itself unhealthy and caches must not be trusted. SQLite belongs to one process, so
 * an in-process signal suffices.
 */
import { EventEmitter } from 'node:events';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

const channel = 'obp_credentials_changed';

export type Announce = (db: Kysely<Database>) => Promise<void>;

export interface ChangeFeed {
  /** increases with every change seen by this process (and on reconnects) */
  generation(): number;
  /** false while changes from other processes might be missed */
  healthy(): boolean;
  announce: Announce;
  close(): Promise<void>;
}

export function localChangeFeed(): ChangeFeed {
  const events = new EventEmitter();
  let generation = 0;
  events.on('change', () => generation++);
  return {
    generation: () => generation,
    healthy: () => true,
    announce: () => {
      events.emit('change');
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
}

export async function postgresChangeFeed(connectionString: string): Promise<ChangeFeed> {
  let generation = 0;
  let listening = false;
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const listen = async (): Promise<void> => {
    const c = new pg.Client({ connectionString });
    c.on('notification', () => generation++);
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    await c.connect();
    await c.query(`LISTEN ${channel}`);
    client = c;
    generation++; // anything may have changed while we were not listening
    listening = true;
  };

  const lost = (c: pg.Client) => {
    if (client !== c) return;
    listening = false;
    client = undefined;
    generation++;
    void c.end().catch(() => undefined);
    if (!closed) scheduleRetry();
  };

  const scheduleRetry = () => {
    retry = setTimeout(() => {
      listen().catch(() => scheduleRetry());
    }, 1000);
    retry.unref();
  };

  try {
    await listen();
  } catch {
    scheduleRetry();
  }

  return {
    generation: () => generation,
    healthy: () => listening,
    announce: async (db) => {
      await sql`SELECT pg_notify(${channel}, '')`.execute(db);
      // This process need not wait for its own notification to come back: a request that follows
      // the write here must already miss the cache. (The notification still arrives after the
      // commit and clears whatever a concurrent lookup cached from before it.)
      generation++;
    },
    close: async () => {
      closed = true;
      clearTimeout(retry);
      const c = client;
      client = undefined;
      listening = false;
      await c?.end().catch(() => undefined);
    },
  };
}
