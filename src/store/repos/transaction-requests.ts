/**
 * Transaction requests and the idempotency keys of the payment endpoints. Every state change is one
 * statement that checks and acts at once: the attempt counter is raised by `UPDATE … RETURNING`
 * only while attempts remain, and INITIATED → COMPLETED is a compare-and-set, so of any number of
 * concurrent correct answers exactly one completes the request.
 */
import type { Kysely, Selectable } from 'kysely';
import { preparedInsert } from '../prepared.js';
import type { Database, IdempotencyKeyTable, TransactionRequestTable } from '../schema.js';

const insertRequest = preparedInsert('transaction_requests');

export type TransactionRequestRow = Selectable<TransactionRequestTable>;

export interface IdempotencyScope {
  userId: string;
  consumerId: string;
  operation: string;
  path: string;
  key: string;
}

export function transactionRequestRepo(db: Kysely<Database>) {
  return {
    async insert(row: TransactionRequestRow): Promise<void> {
      await insertRequest(db, [row]);
    },
    /** one statement per 100 rows (28 parameters each) */
    async insertMany(rows: readonly TransactionRequestRow[]): Promise<void> {
      for (let i = 0; i < rows.length; i += 100) await insertRequest(db, rows.slice(i, i + 100));
    },
    async get(transactionRequestId: string): Promise<TransactionRequestRow | undefined> {
      return db
        .selectFrom('transaction_requests')
        .selectAll()
        .where('transaction_request_id', '=', transactionRequestId)
        .executeTakeFirst();
    },
    async forAccount(bankId: string, accountId: string): Promise<TransactionRequestRow[]> {
      return db
        .selectFrom('transaction_requests')
        .selectAll()
        .where('bank_id', '=', bankId)
        .where('account_id', '=', accountId)
        .orderBy('start_date')
        .orderBy('transaction_request_id')
        .execute();
    },
    /**
     * Counts one answer to the challenge, before the answer is checked; undefined when the request is
     * no longer INITIATED or its attempts are used up (nothing counted then).
     */
    async countAttempt(transactionRequestId: string): Promise<TransactionRequestRow | undefined> {
      return db
        .updateTable('transaction_requests')
        .set((eb) => ({ challenge_attempts: eb('challenge_attempts', '+', 1) }))
        .where('transaction_request_id', '=', transactionRequestId)
        .where('status', '=', 'INITIATED')
        .whereRef('challenge_attempts', '<', 'challenge_allowed_attempts')
        .returningAll()
        .executeTakeFirst();
    },
    /** INITIATED → COMPLETED, once: false when another answer completed it first. */
    async complete(transactionRequestId: string, transactionId: string, endDate: number): Promise<boolean> {
      const row = await db
        .updateTable('transaction_requests')
        .set({ status: 'COMPLETED', transaction_id: transactionId, end_date: endDate })
        .where('transaction_request_id', '=', transactionRequestId)
        .where('status', '=', 'INITIATED')
        .returning('transaction_request_id')
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

export function idempotencyRepo(db: Kysely<Database>) {
  const scoped = (s: IdempotencyScope) =>
    db
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'response', 'expires_at'])
      .where('user_id', '=', s.userId)
      .where('consumer_id', '=', s.consumerId)
      .where('operation', '=', s.operation)
      .where('path', '=', s.path)
      .where('idempotency_key', '=', s.key);
  return {
    async find(s: IdempotencyScope, now: number): Promise<Pick<IdempotencyKeyTable, 'request_hash' | 'response'> | undefined> {
      const row = await scoped(s).where('expires_at', '>', now).executeTakeFirst();
      return row && { request_hash: row.request_hash, response: row.response };
    },
    /**
     * Claims the key for this request (first statement of the payment's transaction): a concurrent
     * holder of the same key makes this wait (PostgreSQL) and then fail on the primary key, so the
     * loser's whole transaction rolls back and it replays the winner's answer. An expired row of the
     * same scope is replaced.
     */
    async claim(s: IdempotencyScope, requestHash: string, now: number, ttlMs: number): Promise<void> {
      await db
        .deleteFrom('idempotency_keys')
        .where('user_id', '=', s.userId)
        .where('consumer_id', '=', s.consumerId)
        .where('operation', '=', s.operation)
        .where('path', '=', s.path)
        .where('idempotency_key', '=', s.key)
        .where('expires_at', '<=', now)
        .execute();
      await db
        .insertInto('idempotency_keys')
        .values({
          user_id: s.userId,
          consumer_id: s.consumerId,
          operation: s.operation,
          path: s.path,
          idempotency_key: s.key,
          request_hash: requestHash,
          response: '',
          created_at: now,
          expires_at: now + ttlMs,
        })
        .execute();
    },
    async saveResponse(s: IdempotencyScope, response: string): Promise<void> {
      await db
        .updateTable('idempotency_keys')
        .set({ response })
        .where('user_id', '=', s.userId)
        .where('consumer_id', '=', s.consumerId)
        .where('operation', '=', s.operation)
        .where('path', '=', s.path)
        .where('idempotency_key', '=', s.key)
        .execute();
    },
    /** Gives the key up again (the request it was claimed for was refused). */
    async release(s: IdempotencyScope): Promise<void> {
      await db
        .deleteFrom('idempotency_keys')
        .where('user_id', '=', s.userId)
        .where('consumer_id', '=', s.consumerId)
        .where('operation', '=', s.operation)
        .where('path', '=', s.path)
        .where('idempotency_key', '=', s.key)
        .execute();
    },
    /** Lazily drops a bounded batch of expired keys. */
    async purgeExpired(now: number, limit = 500): Promise<void> {
      await db
        .deleteFrom('idempotency_keys')
        .where((eb) =>
          eb(
            eb.refTuple('user_id', 'consumer_id', 'operation', 'path', 'idempotency_key'),
            'in',
            eb
              .selectFrom('idempotency_keys')
              .select(['user_id', 'consumer_id', 'operation', 'path', 'idempotency_key'])
              .where('expires_at', '<=', now)
              .limit(limit)
              .$asTuple('user_id', 'consumer_id', 'operation', 'path', 'idempotency_key'),
          ),
        )
        .execute();
    },
  };
}
