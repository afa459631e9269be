/**
 * Group commit for payments made at once (below the challenge threshold, without an idempotency key).
 * A payment arriving while fewer than `maxInFlight` database transactions of payments are running is
 * made on its own, exactly as before; the ones arriving while they run wait and are then made together
 * in one transaction (`postMany`), so under load a payment costs a fraction of the statements, locks
 * and commits of one made alone, and no more wall time than waiting for its turn at the rows would.
 * If a batch cannot commit as a whole (an overdraft, a vanished account, any database error), each of
 * its payments is made on its own, so one payment's failure is never another's.
 */
import type { Store } from '../../store/index.js';
import type { TransactionRequestRow } from '../../store/repos/transaction-requests.js';
import { BatchRefused, post, postMany, type Posting } from './ledger.js';

export interface QueuedPayment {
  /** the request, COMPLETED, stored in the same transaction as its posting */
  row: TransactionRequestRow;
  posting: Posting;
}

interface Waiting {
  payment: QueuedPayment;
  done: () => void;
  failed: (err: unknown) => void;
}

export interface PostingQueue {
  /** resolves once the request and its posting are committed */
  submit(payment: QueuedPayment): Promise<void>;
}

export interface PostingQueueOptions {
  maxBatch?: number;
  maxInFlight?: number;
  /** told of a batch that failed for another reason than a refused payment: a fault, since batches then never help */
  onFault?: (err: unknown) => void;
}

export function postingQueue(store: Store, options: PostingQueueOptions = {}): PostingQueue {
  const maxBatch = options.maxBatch ?? 100;
  const maxInFlight = options.maxInFlight ?? 2;
  const waiting: Waiting[] = [];
  let inFlight = 0;

  const alone = (w: Waiting) =>
    store
      .transaction(async (tx) => {
        await tx.transactionRequests.insert(w.payment.row);
        await post(tx, w.payment.posting);
      })
      .then(w.done, w.failed);

  async function run(batch: Waiting[]): Promise<void> {
    if (batch.length > 1) {
      try {
        await store.transaction(async (tx) => {
          await tx.transactionRequests.insertMany(batch.map((w) => w.payment.row));
          await postMany(
            tx,
            batch.map((w) => w.payment.posting),
          );
        });
        for (const w of batch) w.done();
        return;
      } catch (err) {
        // made one by one below, where each gets its own answer
        if (!(err instanceof BatchRefused)) options.onFault?.(err);
      }
    }
    await Promise.all(batch.map(alone));
  }

  function pump(): void {
    while (inFlight < maxInFlight && waiting.length > 0) {
      inFlight++;
      void run(waiting.splice(0, maxBatch)).finally(() => {
        inFlight--;
        pump();
      });
    }
  }

  return {
    submit: (payment) =>
      new Promise<void>((done, failed) => {
        waiting.push({ payment, done, failed });
        pump();
      }),
  };
}
