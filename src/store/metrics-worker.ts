/**
 * On the embedded store every API call's metric is written by a worker thread with its own connection
 * to the database file: a batch of 500 rows takes SQLite about 2 ms, which on the main thread would
 * stall every request in flight. WAL lets the worker write while the main thread reads; the two
 * writers take turns through SQLite's lock (busy_timeout).
 *
 * The worker's code is plain CommonJS evaluated by Node, so it runs the same from the sources (tests)
 * and from the bundle (npm start), neither of which can hand Node a TypeScript file.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 5000');
const insert = db.prepare(workerData.sql);
const insertAll = db.transaction((rows) => { for (const row of rows) insert.run(row); });
const decoder = new TextDecoder();
parentPort.on('message', ({ id, bytes }) => {
  try {
    insertAll(JSON.parse(decoder.decode(bytes)));
    parentPort.postMessage({ id });
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message || err) });
  }
});
`;

export interface MetricsWorker {
  /** inserts the rows of a JSON array of arrays with the statement the worker was started with */
  insert(json: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * `sql`: one row's INSERT with positional parameters. A worker that stops (a crash, an error it could
 * not report) fails the batches it held; the next batch starts a new one.
 */
export function startMetricsWorker(file: string, sql: string): MetricsWorker {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const encoder = new TextEncoder();
  const waiting = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();
  let next = 0;
  let worker: Worker | undefined;
  let closed = false;

  const start = (): Worker => {
    const w = new Worker(workerSource, { eval: true, workerData: { driver, file, sql } });
    w.on('message', ({ id, error }: { id: number; error?: string }) => {
      const batch = waiting.get(id);
      waiting.delete(id);
      if (error === undefined) batch?.resolve();
      else batch?.reject(new Error(`metrics worker: ${error}`));
    });
    let failure: Error | undefined;
    w.on('error', (err) => (failure = err));
    w.on('exit', () => {
      if (worker === w) worker = undefined;
      const err = failure ?? new Error('metrics worker stopped');
      for (const batch of waiting.values()) batch.reject(err);
      waiting.clear();
    });
    // the process may end while the worker idles
    w.unref();
    return w;
  };

  return {
    insert(json) {
      if (closed) return Promise.reject(new Error('metrics worker closed'));
      worker ??= start();
      const target = worker;
      const id = next++;
      // moved, not copied: a batch is a few hundred kilobytes
      const bytes = encoder.encode(json);
      return new Promise<void>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        target.postMessage({ id, bytes }, [bytes.buffer]);
      });
    },
    async close() {
      closed = true;
      await worker?.terminate();
    },
  };
}
