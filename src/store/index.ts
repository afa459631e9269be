/**
 * The store: one small repository per domain, all written once over Kysely so that the same code runs
 * on PostgreSQL and SQLite. `transaction(fn)` gives `fn` the same repositories bound to one database
 * transaction: everything inside commits together or not at all.
 */
import type { Kysely } from 'kysely';
import { localChangeFeed, postgresChangeFeed, type Announce, type ChangeFeed } from './change-feed.js';
import { connect, type ConnectOptions, type Connection } from './connect.js';
import type { Dialect } from './dialect.js';
import { accessRepo, accountRepo } from './repos/accounts.js';
import { bankRepo } from './repos/banks.js';
import { consumerRepo } from './repos/consumers.js';
import { documentRepo } from './repos/documents.js';
import { entitlementRepo } from './repos/entitlements.js';
import { metricRepo } from './repos/metrics.js';
import { sandboxImportRepo } from './repos/sandbox-import.js';
import { tokenRepo } from './repos/tokens.js';
import { transactionRepo } from './repos/transactions.js';
import { userRepo } from './repos/users.js';
import type { Database } from './schema.js';

function repositories(db: Kysely<Database>, dialect: Dialect, announce: Announce) {
  return {
    banks: bankRepo(db),
    users: userRepo(db, announce),
    consumers: consumerRepo(db, announce),
    tokens: tokenRepo(db, announce),
    entitlements: entitlementRepo(db),
    accounts: accountRepo(db),
    access: accessRepo(db),
    transactions: transactionRepo(db),
    documents: documentRepo(db),
    metrics: metricRepo(db, dialect),
    sandboxImport: sandboxImportRepo(db),
  };
}

export type Repositories = ReturnType<typeof repositories>;

export interface Store extends Repositories {
  dialect: Dialect;
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  connection: Connection;
  /** credential changes seen by this process, for caches that must stay correct across processes */
  changes: ChangeFeed;
}

export async function openStore(options: ConnectOptions): Promise<Store> {
  const connection = await connect(options);
  const { db } = connection;
  const changes = options.databaseUrl ? await postgresChangeFeed(options.databaseUrl) : localChangeFeed();
  return {
    ...repositories(db, connection.dialect, changes.announce),
    dialect: connection.dialect,
    connection,
    changes,
    transaction: (fn) => db.transaction().execute((trx) => fn(repositories(trx, connection.dialect, changes.announce))),
    close: async () => {
      await changes.close();
      await connection.close();
    },
  };
}
