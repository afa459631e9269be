/**
 * The embedded store writes metrics from a worker thread with its own connection; the main
 * connection's transactions then take the write lock first, so a worker write between a transaction's
 * read and its write makes that transaction wait for its turn instead of failing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Metric } from '../../src/domain/model.js';
import type { Store } from '../../src/store/index.js';
import { openTestStore } from '../helpers/store.js';
import { startMetricsWorker } from '../../src/store/metrics-worker.js';
import { sqliteRowInsert } from '../../src/store/repos/metrics.js';
import { bankRecord } from '../helpers/records.js';
import { storeKind } from '../helpers/server.js';

const metric = (correlationId: string): Metric => ({
  date: Date.now(),
  userId: '',
  userName: '',
  developerEmail: '',
  appName: '',
  consumerId: '',
  url: '/obp/v2.1.0/banks',
  verb: 'GET',
  implementedByPartialFunction: 'getBanks',
  implementedInVersion: 'v1.2.1',
  correlationId,
  duration: 1,
  status: 200,
});

describe.runIf(storeKind === 'sqlite')('metrics worker (embedded store)', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
  });
  afterAll(async () => dispose());

  it('fails the batches of a worker that stopped, and starts a new one for the next', async () => {
    const worker = startMetricsWorker('/nonexistent-dir/obp.sqlite', sqliteRowInsert);
    try {
      await expect(worker.insert('[]')).rejects.toThrow();
      await expect(worker.insert('[]')).rejects.toThrow(/unable to open|directory does not exist/);
    } finally {
      await worker.close();
    }
  });

  it('writes batches off the main thread that the main connection reads back', async () => {
    const ids = Array.from({ length: 1200 }, () => randomUUID());
    await store.metrics.insertMany(ids.map(metric));
    const [first] = await store.metrics.query({ limit: 1, offset: 0, ascending: true, correlationId: ids[0] });
    expect(first).toMatchObject({ correlationId: ids[0], verb: 'GET', status: 200, duration: 1 });
    const last = await store.metrics.query({ limit: 5, offset: 0, ascending: true, correlationId: ids.at(-1) });
    expect(last).toHaveLength(1);
  });

  it('a transaction that read before a worker write still writes after it', async () => {
    const bankId = `worker-${randomUUID().slice(0, 8)}`;
    let written: Promise<void> | undefined;
    await store.transaction(async (tx) => {
      expect(await tx.banks.exists(bankId)).toBe(false);
      written = store.metrics.insertMany([metric(randomUUID())]);
      await new Promise((r) => setTimeout(r, 50)); // time for the worker to try its write
      await tx.banks.insert(bankRecord(bankId));
    });
    await written;
    expect(await store.banks.exists(bankId)).toBe(true);
  });
});
