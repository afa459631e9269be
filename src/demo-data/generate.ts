/**
 * Fills a store with one bank, its account holders, accounts and their transactions, in bulk. Used by
 * `npm run demo-data`, the benchmark and the paging tests.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { uniquePublicAlias } from '../domain/counterparties/metadata.js';
import { hashPassword } from '../domain/auth/secrets.js';
import { viewsForCreatedAccount } from '../domain/views/definitions.js';
import type { Store } from '../store/index.js';
import { generateTransactions, seeded } from './transactions.js';

export interface DemoDataOptions {
  bankId: string;
  accounts: number;
  /** per account */
  transactions: number;
  provider: string;
  /** the password of every generated user (`<bank>-user<n>`) */
  password: string;
  seed?: number;
}

export interface DemoDataResult {
  users: string[];
  accounts: string[];
  transactions: number;
}

const chunk = 10_000;
const years = 5;
const inFlight = 2;

export async function generateDemoData(
  store: Store,
  o: DemoDataOptions,
  progress: (written: number, total: number) => void = () => {},
): Promise<DemoDataResult> {
  const random = seeded(o.seed ?? 42);
  if (!(await store.banks.exists(o.bankId))) {
    await store.banks.insert({
      bankId: o.bankId,
      shortName: o.bankId,
      fullName: `The Bank of ${o.bankId}`,
      logo: '',
      website: 'https://www.openbankproject.com',
      nationalIdentifier: '',
      swiftBic: '',
      bankRoutingScheme: 'OBP',
      bankRoutingAddress: o.bankId,
    });
  }
  const passwordHash = await hashPassword(o.password);
  const users: string[] = [];
  const accounts: string[] = [];
  const total = o.accounts * o.transactions;
  let written = 0;
  const to = Date.UTC(2026, 0, 1);
  const from = to - years * 365 * 86_400_000;
  for (let a = 0; a < o.accounts; a++) {
    const userId = randomUUID();
    const username = `${o.bankId}-user${a + 1}-${userId.slice(0, 6)}`;
    await store.users.insert({
      userId,
      provider: o.provider,
      providerId: username,
      username,
      email: `${username}@example.com`,
      firstName: username,
      lastName: 'Demo',
      passwordHash,
      validated: true,
      badLoginAttempts: 0,
      locked: false,
    });
    const accountId = `${o.bankId}-acc-${userId.slice(0, 8)}`;
    const plan = { bankId: o.bankId, accountId, currency: 'EUR', openingBalance: 250_000n, from, to };
    let balance = plan.openingBalance;
    const counterparties = new Map<string, string>();
    // Chunks are generated while the database writes earlier ones, `inFlight` at a time on their own
    // connections, so Node and PostgreSQL work in parallel.
    const writing: Promise<void>[] = [];
    for (let n = 0; n < o.transactions; n += chunk) {
      const count = Math.min(chunk, o.transactions - n);
      const page = generateTransactions(plan, random, n, count, o.transactions, balance);
      balance = page.balance;
      for (const t of page.transactions) counterparties.set(t.counterpartyId, t.counterpartyName);
      if (writing.length >= inFlight) await writing.shift();
      const write = store
        .transaction((tx) => tx.transactions.insertBulk(page.transactions))
        .then(() => {
          written += count;
          progress(written, total);
        });
      // a failure is thrown where the write is awaited; until then it must not count as unhandled
      write.catch(() => {});
      writing.push(write);
    }
    await Promise.all(writing);
    const number = String(10_000_000 + Math.floor(random() * 89_999_999));
    await store.accounts.insert({
      bankId: o.bankId,
      accountId,
      number,
      kind: 'CURRENT',
      label: `${username}'s current account`,
      currency: 'EUR',
      balance,
      holderName: username,
      iban: `DE89${number.padStart(18, '0')}`,
      swiftBic: '',
      routingScheme: 'AccountNumber',
      routingAddress: number,
    });
    await store.accounts.addHolder(o.bankId, accountId, userId);
    // Each counterparty's metadata row with its public alias, so aliases are stable from the start (§10.1).
    const taken = new Set<string>();
    await store.counterparties.ensure(
      o.bankId,
      accountId,
      [...counterparties].map(([counterpartyId, name]) => ({ counterpartyId, name, publicAlias: uniquePublicAlias(taken) })),
    );
    for (const viewId of viewsForCreatedAccount) await store.access.grant(userId, o.bankId, accountId, viewId);
    users.push(username);
    accounts.push(accountId);
  }
  // Fresh statistics (and, on PostgreSQL, a visibility map) so paging uses index-only scans at once.
  if (store.dialect === 'postgres') await sql`vacuum analyze transactions`.execute(store.connection.db);
  else await sql`analyze transactions`.execute(store.connection.db);
  return { users, accounts, transactions: written };
}
