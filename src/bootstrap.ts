/**
 * Boot-time data: the bootstrap consumer and the bootstrap admin from the environment, and (on an
 * empty database with OBP_DEMO=true) a demo dataset generated here so a newcomer can log in at once.
 * Users created here are marked as created at boot: only such a user can be the bootstrap admin.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Config } from './config.js';
import { hashPassword } from './domain/auth/secrets.js';
import type { Account } from './domain/model.js';
import { generateTransactions, seeded } from './demo-data/transactions.js';
import { viewsForCreatedAccount } from './domain/views/definitions.js';
import type { RoleName } from './domain/roles.js';
import { StartupError } from './startup-error.js';
import type { Repositories, Store } from './store/index.js';

export async function ensureBootstrapConsumer(store: Store, config: Config): Promise<void> {
  const wanted = config.bootstrapConsumer;
  if (!wanted) return;
  const existing = await store.consumers.getByKey(wanted.key);
  if (existing) {
    if (!existing.enabled || existing.secret !== wanted.secret) {
      await store.consumers.update(existing.consumerId, { enabled: true, secret: wanted.secret });
    }
    return;
  }
  await insertUnlessCreated(store, {
    key: wanted.key,
    secret: wanted.secret,
    appName: 'bootstrap',
    appType: 'Confidential',
    description: 'Consumer configured by OBP_BOOTSTRAP_CONSUMER_KEY',
  });
}

/** A consumer created at boot; another process sharing the database may have created it first. */
async function insertUnlessCreated(
  store: Store,
  c: { key: string; secret: string; appName: string; appType: string; description: string },
): Promise<void> {
  try {
    await store.consumers.insert({ ...c, developerEmail: '', redirectUrl: '', company: '', createdByUserId: '', enabled: true });
  } catch (err) {
    if (!(await store.consumers.getByKey(c.key))) throw err;
  }
}

/**
 * The API Explorer logs users in with DirectLogin through a consumer of its own, whose key the page
 * shows to every visitor (as OBP's API Explorer does with its key). It is created enabled when missing;
 * an existing one is left as it is, so an admin who disabled it keeps it disabled. DirectLogin needs no
 * consumer secret: a random one is stored.
 */
export async function ensureExplorerConsumer(store: Store, config: Config): Promise<void> {
  const explorer = config.apiExplorer;
  if (!explorer || (await store.consumers.getByKey(explorer.consumerKey))) return;
  await insertUnlessCreated(store, {
    key: explorer.consumerKey,
    secret: randomBytes(32).toString('base64url'),
    appName: 'API Explorer',
    appType: 'Public',
    description: 'The API Explorer page served at / (OBP_API_EXPLORER_CONSUMER_KEY)',
  });
}

export interface BootstrapAdmin {
  userId: string;
  username: string;
  /** created by this boot (else it existed, and its password was left as it was) */
  created: boolean;
  /** it was locked or deleted, and this boot unlocked it */
  reenabled: boolean;
}

/**
 * Creates the local user OBP_BOOTSTRAP_ADMIN_USERNAME if missing (an existing user keeps its
 * password), unlocks it, and answers it so that it is made a super admin. Only a user created at
 * boot qualifies: a user of that name registered through the API or imported refuses the start.
 * Safe when several processes boot at once: the unique (provider, provider_id) index picks one
 * creator, the others read its row.
 */
export async function ensureBootstrapAdmin(store: Store, config: Config): Promise<BootstrapAdmin | undefined> {
  const wanted = config.bootstrapAdmin;
  if (!wanted) return undefined;
  const provider = config.localIdentityProvider;
  let found = await store.users.getForBoot(provider, wanted.username);
  let created = false;
  if (!found) {
    const user = {
      userId: randomUUID(),
      provider,
      providerId: wanted.username,
      username: wanted.username,
      email: '',
      firstName: wanted.username,
      lastName: '',
      validated: true,
      badLoginAttempts: 0,
      locked: false,
    };
    try {
      await store.users.insert({ ...user, passwordHash: await hashPassword(wanted.password) }, { createdByBoot: true });
      found = { user, createdByBoot: true, deleted: false };
      created = true;
    } catch (err) {
      // Another process sharing the database created it first, or someone registered the name just now.
      found = await store.users.getForBoot(provider, wanted.username);
      if (!found) throw err;
    }
  }
  const { user } = found;
  if (!found.createdByBoot) {
    throw new StartupError(
      `OBP_BOOTSTRAP_ADMIN_USERNAME is "${wanted.username}", but that user was not created at boot (it was registered through POST /users or a sandbox import), so it cannot become the bootstrap admin: choose another OBP_BOOTSTRAP_ADMIN_USERNAME, or, if that user (id ${user.userId}) is yours, list its id in OBP_SUPER_ADMIN_USER_IDS instead.`,
    );
  }
  const reenabled = user.locked || user.badLoginAttempts > 0 || found.deleted;
  if (reenabled) await store.users.reenable(user.userId);
  return { userId: user.userId, username: user.username, created, reenabled };
}

export const demoCredentials = {
  consumerKey: 'obp-demo-consumer-key',
  consumerSecret: 'obp-demo-consumer-secret',
  admin: { username: 'admin', password: 'Admin-Demo-Pass-2026!' },
  users: [
    { username: 'alice', password: 'Alice-Demo-Pass-2026!' },
    { username: 'bob', password: 'Bob-Demo-Pass-2026!!' },
  ],
};

const adminRoles: RoleName[] = [
  'CanCreateSandbox',
  'CanGetAnyUser',
  'CanCreateEntitlementAtAnyBank',
  'CanGetEntitlementsForAnyUserAtAnyBank',
  'CanDeleteEntitlementAtAnyBank',
  'CanGetConsumers',
  'CanEnableConsumers',
  'CanDisableConsumers',
  'CanUpdateConsumerRedirectUrl',
  'CanReadMetrics',
];

const demoBanks = [
  { bankId: 'obp-bank-x-gh', shortName: 'Bank X', fullName: 'The Bank of X', swiftBic: 'OBPXDEFF' },
  { bankId: 'obp-bank-y-gh', shortName: 'Bank Y', fullName: 'The Bank of Y', swiftBic: 'OBPYDEFF' },
];

export async function loadDemoData(store: Store, config: Config): Promise<boolean> {
  if ((await store.banks.count()) > 0 || (await store.users.count()) > 0) return false;
  const people = [demoCredentials.admin, ...demoCredentials.users];
  const hashes = await Promise.all(people.map((p) => hashPassword(p.password)));
  try {
    await store.transaction(async (tx) => {
      for (const b of demoBanks) {
        await tx.banks.insert({
          ...b,
          logo: '',
          website: 'https://www.openbankproject.com',
          nationalIdentifier: '',
          bankRoutingScheme: 'OBP',
          bankRoutingAddress: b.bankId,
        });
      }
      const userIds: string[] = [];
      for (const [i, p] of people.entries()) {
        const userId = randomUUID();
        userIds.push(userId);
        await tx.users.insert(
          {
            userId,
            provider: config.localIdentityProvider,
            providerId: p.username,
            username: p.username,
            email: `${p.username}@example.com`,
            firstName: p.username,
            lastName: 'Demo',
            passwordHash: hashes[i]!,
            validated: true,
            badLoginAttempts: 0,
            locked: false,
          },
          { createdByBoot: true },
        );
      }
      for (const role of adminRoles) {
        await tx.entitlements.insert({ entitlementId: randomUUID(), userId: userIds[0]!, bankId: '', roleName: role });
      }
      await tx.consumers.insert({
        key: demoCredentials.consumerKey,
        secret: demoCredentials.consumerSecret,
        appName: 'Demo App',
        appType: 'Confidential',
        description: 'Consumer of the demo dataset',
        developerEmail: 'admin@example.com',
        redirectUrl: `${config.hostname}/callback`,
        company: 'obp-ts',
        createdByUserId: userIds[0]!,
        enabled: true,
      });
      const random = seeded(42);
      let accountNo = 0;
      for (const [i, userId] of userIds.slice(1).entries()) {
        for (const bank of demoBanks) {
          for (const kind of ['CURRENT', 'SAVINGS']) {
            accountNo++;
            await demoAccount(
              tx,
              random,
              bank.bankId,
              `${people[i + 1]!.username}-${kind.toLowerCase()}`,
              kind,
              accountNo,
              userId,
              people[i + 1]!.username,
            );
          }
        }
      }
    });
  } catch (err) {
    // Another process sharing the database loaded the demo first.
    if ((await store.banks.count()) === 0) throw err;
    return false;
  }
  return true;
}

async function demoAccount(
  tx: Repositories,
  random: () => number,
  bankId: string,
  accountId: string,
  kind: string,
  accountNo: number,
  userId: string,
  holder: string,
): Promise<void> {
  const number = String(10_000_000 + accountNo * 7919);
  const plan = {
    bankId,
    accountId,
    currency: 'EUR',
    openingBalance: 250_000n,
    from: Date.UTC(2025, 0, 1),
    to: Date.UTC(2026, 0, 1),
  };
  const { transactions: txs, balance } = generateTransactions(plan, random, 0, 40, 40, plan.openingBalance);
  const account: Account = {
    bankId,
    accountId,
    number,
    kind,
    label: `${holder}'s ${kind.toLowerCase()} account`,
    currency: 'EUR',
    balance,
    holderName: holder,
    iban: `DE89${number.padStart(18, '0')}`,
    swiftBic: '',
    routingScheme: 'AccountNumber',
    routingAddress: number,
  };
  await tx.accounts.insert(account);
  await tx.accounts.addHolder(bankId, accountId, userId);
  for (const viewId of viewsForCreatedAccount) await tx.access.grant(userId, bankId, accountId, viewId);
  await tx.transactions.insertMany(txs);
}
