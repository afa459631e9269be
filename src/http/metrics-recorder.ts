/**
 * Records every API call off the hot path: calls are buffered in memory and written in batches.
 * A failed write is logged and dropped; it never fails or slows the call being measured.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Metric } from '../domain/model.js';
import type { Store } from '../store/index.js';

export interface MetricsRecorder {
  record(metric: Metric): void;
  /** writes what is buffered; resolves when written (tests, shutdown) */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export function createMetricsRecorder(
  store: Store,
  log: FastifyBaseLogger,
  intervalMs = 250,
  maxBuffered = 10_000,
): MetricsRecorder {
  let buffer: Metric[] = [];
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    if (buffer.length === 0) return writing;
    const batch = buffer;
    buffer = [];
    writing = writing
      .then(() => store.metrics.insertMany(batch))
      .catch((err: unknown) => log.error({ err, dropped: batch.length }, 'metrics write failed'));
    return writing;
  };

  const timer = setInterval(() => void flush(), intervalMs);
  timer.unref();

  return {
    record(metric) {
      if (buffer.length >= maxBuffered) return;
      buffer.push(metric);
      if (buffer.length >= 500) void flush();
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
