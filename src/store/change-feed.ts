/**
 * Tells every process sharing the database that cached data changed, by topic (credentials: a token
 * revoked, a consumer disabled, a user locked; banks: a bank created; access: a view granted or
 * revoked, a custom view or an account label saved; entitlements: a role granted or revoked), so per-process caches of it stay correct.
 *
 * PostgreSQL: NOTIFY on one channel, sent through the writing connection so it is delivered only when
 * the change commits; each process LISTENs on a dedicated connection. The writing process answers
 * only once its own notification has come back through its listener (bounded by `echoTimeoutMs`):
 * PostgreSQL signals every listener at the same commit, so by the time a client hears of the change,
 * the other processes have been told too. While the listening connection is down the feed reports
 * itself unhealthy and caches must not be trusted. SQLite belongs to one process, so an in-process
 * counter suffices.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

const channel = 'obp_changes';

export const topics = ['credentials', 'banks', 'access', 'entitlements'] as const;
export type Topic = (typeof topics)[number];

/** Tells every process that data of `topic` changed, through the repositories' own connection */
export type Announce = (topic: Topic) => Promise<void>;

export interface ChangeFeed {
  /** increases with every change of `topic` seen by this process (and on reconnects) */
  generation(topic: Topic): number;
  /** false while changes from other processes might be missed */
  healthy(): boolean;
  /**
   * Sends a change through `db`. Outside a transaction the change is already committed: every process
   * is told before this resolves. Inside one, nothing is delivered before the commit; the caller
   * calls `committed` afterwards.
   */
  announce(db: Kysely<Database>, topic: Topic): Promise<void>;
  /** after the commit of a transaction that announced `topics` */
  committed(topics: Iterable<Topic>): Promise<void>;
  close(): Promise<void>;
}

function counters(): Record<Topic, number> {
  return Object.fromEntries(topics.map((t) => [t, 0])) as Record<Topic, number>;
}

export function localChangeFeed(): ChangeFeed {
  const generations = counters();
  const bump = (topic: Topic) => void generations[topic]++;
  return {
    generation: (topic) => generations[topic],
    healthy: () => true,
    announce: (db, topic) => {
      // inside a transaction the change is not visible yet: `committed` bumps again after it
      bump(topic);
      return Promise.resolve();
    },
    committed: (announced) => {
      for (const topic of announced) bump(topic);
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
}

export async function postgresChangeFeed(connectionString: string, echoTimeoutMs = 1000): Promise<ChangeFeed> {
  const generations = counters();
  const bumpAll = () => topics.forEach((t) => generations[t]++);
  const self = randomUUID();
  let sequence = 0;
  /** payloads this process sent and waits to hear back */
  const awaited = new Map<string, () => void>();
  let listening = false;
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const heard = (payload: string | undefined) => {
    const topic = payload?.split(' ', 1)[0] as Topic | undefined;
    if (topic && topic in generations) generations[topic]++;
    else bumpAll(); // a payload from another release: assume anything changed
    if (payload) awaited.get(payload)?.();
  };

  const listen = async (): Promise<void> => {
    const c = new pg.Client({ connectionString });
    c.on('notification', (n) => heard(n.payload));
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    await c.connect();
    await c.query(`LISTEN ${channel}`);
    client = c;
    bumpAll(); // anything may have changed while we were not listening
    listening = true;
  };

  const lost = (c: pg.Client) => {
    if (client !== c) return;
    listening = false;
    client = undefined;
    bumpAll();
    for (const wake of awaited.values()) wake();
    void c.end().catch(() => undefined);
    if (!closed) scheduleRetry();
  };

  const scheduleRetry = () => {
    retry = setTimeout(() => {
      listen().catch(() => scheduleRetry());
    }, 1000);
    retry.unref();
  };

  /** resolves when `payload` comes back through the listener, or after the timeout */
  const echo = (payload: string): { heard: Promise<void>; cancel: () => void } => {
    let wake!: () => void;
    const heardIt = new Promise<void>((resolve) => (wake = resolve));
    const timer = setTimeout(wake, echoTimeoutMs);
    awaited.set(payload, wake);
    const done = heardIt.then(() => {
      clearTimeout(timer);
      awaited.delete(payload);
    });
    return { heard: done, cancel: wake };
  };

  try {
    await listen();
  } catch {
    scheduleRetry();
  }

  return {
    generation: (topic) => generations[topic],
    healthy: () => listening,
    announce: async (db, topic) => {
      const payload = `${topic} ${self} ${++sequence}`;
      if (db.isTransaction) {
        // delivered at commit; `committed` bumps and waits
        await sql`SELECT pg_notify(${channel}, ${payload})`.execute(db);
        return;
      }
      const waiter = listening ? echo(payload) : undefined;
      try {
        await sql`SELECT pg_notify(${channel}, ${payload})`.execute(db);
      } catch (err) {
        waiter?.cancel();
        throw err;
      }
      // A request that follows in this process must miss the cache at once, whatever the listener does.
      generations[topic]++;
      await waiter?.heard;
    },
    committed: async (announced) => {
      const list = [...new Set(announced)];
      for (const topic of list) generations[topic]++;
      if (!listening || list.length === 0) return;
      // Our notifications were sent inside the transaction with payloads we did not keep: a fresh one
      // queued after the commit comes back after them.
      const payload = `${list[0]!} ${self} ${++sequence}`;
      const waiter = echo(payload);
      try {
        await client?.query('SELECT pg_notify($1, $2)', [channel, payload]);
      } catch {
        waiter.cancel();
      }
      await waiter.heard;
    },
    close: async () => {
      closed = true;
      clearTimeout(retry);
      const c = client;
      client = undefined;
      listening = false;
      for (const wake of awaited.values()) wake();
      await c?.end().catch(() => undefined);
    },
  };
}
