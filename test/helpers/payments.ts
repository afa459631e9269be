/** Fixtures and checks shared by the payment tests: accounts with a currency and balance, payees, ledger sums. */
import { randomUUID } from 'node:crypto';
import type { ExplicitCounterparty } from '../../src/domain/counterparties/explicit.js';
import type { Party, Posting } from '../../src/domain/payments/ledger.js';
import type { Store } from '../../src/store/index.js';
import type { TestServer, TestUser } from './server.js';

export const v210 = '/obp/v2.1.0';

type Ref = { bankId: string; accountId: string };

const party = (name: string): Party => ({
  name,
  number: name,
  iban: '',
  bankName: '',
  kind: 'CURRENT',
  routingScheme: 'OBP',
  routingAddress: name,
});

/** A SANDBOX_TAN posting of `cents` EUR cents, each side named after the other's account id (for the ledger's own tests). */
export function postingBetween(source: Ref, target: Ref, cents: bigint): Posting {
  return {
    type: 'SANDBOX_TAN',
    description: 'ledger test',
    source,
    sourceCurrency: 'EUR',
    debit: cents,
    target,
    targetCurrency: 'EUR',
    credit: cents,
    payee: party(target.accountId),
    payer: party(source.accountId),
    at: Date.now(),
  };
}

export interface SeededAccount {
  bankId: string;
  accountId: string;
  currency: string;
  opening: bigint;
}

/** An account at `bankId` (minor units `opening`), held by `owner` through the owner view when given. */
export async function seedAccount(
  server: TestServer,
  bankId: string,
  options: { currency?: string; opening?: bigint; owner?: TestUser; holderName?: string; accountId?: string } = {},
): Promise<SeededAccount> {
  const accountId = options.accountId ?? `acc-${randomUUID()}`;
  const currency = options.currency ?? 'EUR';
  const opening = options.opening ?? 0n;
  await server.store.accounts.insert({
    bankId,
    accountId,
    number: String(Math.floor(10_000_000 + Math.random() * 89_999_999)),
    kind: 'CURRENT',
    label: 'Account',
    currency,
    balance: opening,
    holderName: options.holderName ?? `Holder ${accountId.slice(4, 12)}`,
    iban: `DE${Math.floor(Math.random() * 1e18)}`,
    swiftBic: '',
    routingScheme: 'OBP',
    routingAddress: accountId,
  });
  if (options.owner) await server.store.access.grant(options.owner.userId, bankId, accountId, 'owner');
  return { bankId, accountId, currency, opening };
}

/** An explicit counterparty of `from` paying into `to` (an OBP account) or, without `to`, an outside IBAN. */
export async function seedPayee(
  server: TestServer,
  from: SeededAccount,
  to: SeededAccount | undefined,
  options: { iban?: string; beneficiary?: boolean; name?: string } = {},
): Promise<ExplicitCounterparty> {
  const cp: ExplicitCounterparty = {
    counterpartyId: randomUUID(),
    bankId: from.bankId,
    accountId: from.accountId,
    viewId: 'owner',
    createdByUserId: '',
    name: options.name ?? `Payee ${randomUUID().slice(0, 8)}`,
    description: '',
    otherAccountRoutingScheme: to ? 'OBP' : 'AccountNumber',
    otherAccountRoutingAddress: to ? to.accountId : '99887766',
    otherAccountSecondaryRoutingScheme: 'IBAN',
    otherAccountSecondaryRoutingAddress: options.iban ?? `GB${randomUUID().replace(/-/g, '').slice(0, 20)}`,
    otherBankRoutingScheme: to ? 'OBP' : 'BIC',
    otherBankRoutingAddress: to ? to.bankId : 'EXTBANK1',
    otherBranchRoutingScheme: '',
    otherBranchRoutingAddress: '',
    isBeneficiary: options.beneficiary ?? true,
    bespoke: [],
    createdAt: Date.now(),
  };
  if (!(await server.store.explicitCounterparties.insert(cp))) throw new Error('payee not inserted');
  return cp;
}

export function requestsPath(a: SeededAccount, type: string, view = 'owner'): string {
  return `${v210}/banks/${a.bankId}/accounts/${a.accountId}/${view}/transaction-request-types/${type}/transaction-requests`;
}

export function challengePath(a: SeededAccount, type: string, requestId: string, view = 'owner'): string {
  return `${requestsPath(a, type, view)}/${requestId}/challenge`;
}

export async function balanceOf(store: Store, a: { bankId: string; accountId: string }): Promise<bigint> {
  const account = await store.accounts.get(a.bankId, a.accountId);
  if (!account) throw new Error(`no account ${a.accountId}`);
  return account.balance;
}

export async function transactionsOf(store: Store, a: { bankId: string; accountId: string }) {
  return store.transactions.forAccount(a.bankId, a.accountId);
}

/**
 * The ledger's invariants for `accounts`: each balance is its opening balance plus the signed sum of
 * its transactions, and (when `totalOpening` is given) the balances sum to the opening total.
 */
export async function ledgerProblems(store: Store, accounts: readonly SeededAccount[]): Promise<string[]> {
  const problems: string[] = [];
  for (const a of accounts) {
    const balance = await balanceOf(store, a);
    const txs = await transactionsOf(store, a);
    const sum = txs.reduce((s, t) => s + t.amount, 0n);
    if (balance !== a.opening + sum) problems.push(`${a.accountId}: balance ${balance} != ${a.opening} + ${sum}`);
  }
  return problems;
}
