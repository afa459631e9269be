/** Process-wide helpers handed to every handler next to the store and the config. */
import type { FastifyBaseLogger } from 'fastify';
import { RenderedTransactions } from '../api/transactions/rendered-transactions.js';
import type { Config } from '../config.js';
import { postingQueue, type PostingQueue } from '../domain/payments/posting-queue.js';
import type { Store } from '../store/index.js';
import type { CallerUser } from './caller.js';
import type { MetricsRecorder } from './metrics-recorder.js';

export interface Services {
  /** OBP's `super_admin_user_ids`: the configured user ids and the bootstrap admin, by user id only */
  isSuperAdmin(user: Pick<CallerUser, 'userId'>): boolean;
  metrics: MetricsRecorder;
  /** payments made at once, committed together under load */
  payments: PostingQueue;
  /** transactions as JSON text, per rendering */
  renderedTransactions: RenderedTransactions;
}

/** What boot resolved and the handlers need. */
export interface BootFacts {
  /** user id of the bootstrap admin (OBP_BOOTSTRAP_ADMIN_USERNAME), a user created at boot */
  bootstrapAdminUserId?: string;
}

export function createServices(
  config: Config,
  store: Store,
  metrics: MetricsRecorder,
  log: FastifyBaseLogger,
  boot: BootFacts = {},
): Services {
  const admins = new Set(config.superAdminUserIds);
  if (boot.bootstrapAdminUserId !== undefined) admins.add(boot.bootstrapAdminUserId);
  return {
    isSuperAdmin: (user) => admins.has(user.userId),
    metrics,
    payments: postingQueue(store, { onFault: (err) => log.error({ err }, 'a batch of payments failed; each was made alone') }),
    renderedTransactions: new RenderedTransactions(),
  };
}
