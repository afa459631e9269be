/**
 * The store: one small repository per domain, all written once over Kysely so that the same code runs
 * on PostgreSQL and SQLite. `transaction(fn)` gives `fn` the same repositories bound to one database
 * transaction: everything inside commits together or not at all.
 */
import type { Kysely } from 'kysely';
import { FeedCache } from './cache.js';
import { KnownRows, type AfterCommit } from './known-rows.js';
import { localChangeFeed, postgresChangeFeed, type Announce, type ChangeFeed, type Topic } from './change-feed.js';
import { connect, type ConnectOptions, type Connection } from './connect.js';
import type { Dialect } from './dialect.js';
import { accessRepo, accountRepo, type AccountSummary } from './repos/accounts.js';
import { bankRepo } from './repos/banks.js';
import { cardRepo } from './repos/cards.js';
import { counterpartyRepo } from './repos/counterparties.js';
import { consumerRepo } from './repos/consumers.js';
import { customerMessageRepo } from './repos/customer-messages.js';
import { customerRepo } from './repos/customers.js';
import { documentRepo } from './repos/documents.js';
import { entitlementRepo } from './repos/entitlements.js';
import { explicitCounterpartyRepo } from './repos/explicit-counterparties.js';
import { kycRepo } from './repos/kyc.js';
import { metricRepo, sqliteRowInsert } from './repos/metrics.js';
import { oauthRepo } from './repos/oauth.js';
import { startMetricsWorker, type MetricsWorker } from './metrics-worker.js';
import { sandboxImportRepo } from './repos/sandbox-import.js';
import { socialMediaRepo } from './repos/social-media.js';
import { tokenRepo, type TokenOwner } from './repos/tokens.js';
import { transactionMetadataRepo } from './repos/transaction-metadata.js';
import { transactionRepo } from './repos/transactions.js';
import { transactionTypeRepo } from './repos/transaction-types.js';
import { idempotencyRepo, transactionRequestRepo } from './repos/transaction-requests.js';
import { ledgerRepo } from './repos/ledger.js';
import { userRepo } from './repos/users.js';
import type { Database } from './schema.js';
import { encryptPlainSecrets, resolveSecretKey, type SecretKeySource } from './secret-key.js';
import { webSessionRepo } from './repos/web-sessions.js';
import type { SecretBox } from '../domain/auth/secret-box.js';
import type { AccountDescription, Bank, Entitlement } from '../domain/model.js';

/**
 * Per-process copies of what every request reads and rarely changes. Only the store's own
 * repositories use them: inside a transaction every read goes to the database.
 */
export interface Caches {
  tokens: FeedCache<string, TokenOwner>;
  banks: FeedCache<string, Bank>;
  bankList: FeedCache<'all', Bank[]>;
  privateAccounts: FeedCache<string, AccountSummary[]>;
  heldViews: FeedCache<string, readonly string[]>;
  entitlements: FeedCache<string, readonly Entitlement[]>;
  accounts: FeedCache<string, AccountDescription>;
}

function caches(feed: ChangeFeed): Caches {
  return {
    tokens: new FeedCache(feed, 'credentials', { expiresAt: (owner) => owner.expiresAt }),
    banks: new FeedCache(feed, 'banks'),
    bankList: new FeedCache(feed, 'banks'),
    privateAccounts: new FeedCache(feed, 'access'),
    heldViews: new FeedCache(feed, 'access'),
    entitlements: new FeedCache(feed, 'entitlements'),
    accounts: new FeedCache(feed, 'access'),
  };
}

function repositories(
  db: Kysely<Database>,
  dialect: Dialect,
  announce: Announce,
  box: () => SecretBox,
  known: KnownRows,
  afterCommit: AfterCommit,
  cached?: Caches,
  metricsWorker?: MetricsWorker,
) {
  return {
    banks: bankRepo(db, announce, cached),
    users: userRepo(db, announce),
    consumers: consumerRepo(db, announce, box),
    tokens: tokenRepo(db, announce, box, cached?.tokens),
    webSessions: webSessionRepo(db),
    oauth: oauthRepo(db),
    entitlements: entitlementRepo(db, announce, cached?.entitlements),
    accounts: accountRepo(db, announce, cached?.accounts),
    access: accessRepo(db, announce, cached),
    transactions: transactionRepo(db, dialect),
    transactionMetadata: transactionMetadataRepo(db, dialect),
    transactionRequests: transactionRequestRepo(db),
    idempotencyKeys: idempotencyRepo(db),
    ledger: ledgerRepo(db, dialect),
    counterparties: counterpartyRepo(db, known, afterCommit),
    explicitCounterparties: explicitCounterpartyRepo(db),
    transactionTypes: transactionTypeRepo(db),
    documents: documentRepo(db),
    metrics: metricRepo(db, dialect, metricsWorker),
    sandboxImport: sandboxImportRepo(db, announce),
    cards: cardRepo(db),
    customers: customerRepo(db),
    kyc: kycRepo(db),
    socialMedia: socialMediaRepo(db),
    customerMessages: customerMessageRepo(db),
  };
}

export type Repositories = ReturnType<typeof repositories>;

export interface Store extends Repositories {
  dialect: Dialect;
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  connection: Connection;
  /** changes seen by this process, for caches that must stay correct across processes */
  changes: ChangeFeed;
  /** where the key that encrypts consumer secrets came from */
  secretKeySource: SecretKeySource;
}

export interface StoreOptions extends ConnectOptions {
  /** OBP_SECRET_KEY; without it the store uses a key of its own (src/store/secret-key.ts) */
  secretKey?: Buffer;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  const connection = await connect(options);
  const { db } = connection;
  let resolved: Awaited<ReturnType<typeof resolveSecretKey>>;
  try {
    resolved = await resolveSecretKey(db, { secretKey: options.secretKey, sqliteFile: connection.sqliteFile });
    await encryptPlainSecrets(db, resolved.box);
  } catch (err) {
    await connection.close();
    throw err;
  }
  const { box: sealer, source: secretKeySource } = resolved;
  const box = () => sealer;
  const changes = options.databaseUrl ? await postgresChangeFeed(options.databaseUrl) : localChangeFeed();
  const metricsWorker = connection.sqliteFile ? startMetricsWorker(connection.sqliteFile, sqliteRowInsert) : undefined;
  const known = new KnownRows();
  const now: AfterCommit = (fn) => fn();
  return {
    ...repositories(
      db,
      connection.dialect,
      (topic) => changes.announce(db, topic),
      box,
      known,
      now,
      caches(changes),
      metricsWorker,
    ),
    dialect: connection.dialect,
    connection,
    changes,
    secretKeySource,
    transaction: async (fn) => {
      const announced = new Set<Topic>();
      const committed: (() => void)[] = [];
      try {
        const result = await db.transaction().execute((trx) =>
          fn(
            // one notification per topic and transaction, however many rows it writes
            repositories(
              trx,
              connection.dialect,
              (topic) => {
                if (announced.has(topic)) return Promise.resolve();
                announced.add(topic);
                return changes.announce(trx, topic);
              },
              box,
              known,
              (then) => void committed.push(then),
            ),
          ),
        );
        for (const then of committed) then();
        return result;
      } finally {
        // after a rollback too, which costs nothing but a wasted cache entry or two
        if (announced.size > 0) await changes.committed(announced);
      }
    },
    close: async () => {
      await metricsWorker?.close();
      await changes.close();
      await connection.close();
    },
  };
}
