/**
 * Posting a payment (§11.6): both balance changes and both transactions in the caller's database
 * transaction, so a payment is all there or not at all. Each leg records the other side as its
 * counterparty, under the deterministic id the other-accounts endpoints list (§1.6), with its
 * metadata row (an `ALIAS_` public alias) created on first sight.
 */
import { randomUUID } from 'node:crypto';
import { uniquePublicAlias } from '../counterparties/metadata.js';
import { obpError } from '../../errors/obp-error.js';
import type { Repositories } from '../../store/index.js';
import type { MetadataKey, NewMetadataRow } from '../../store/repos/counterparties.js';
import { accountKey, type BalanceChange } from '../../store/repos/ledger.js';
import type { Account, AccountRef, Bank, Transaction } from '../model.js';
import { implicitCounterpartyId } from '../sandbox-import/counterparty-id.js';

/** What one leg records about the other side of the payment. */
export interface Party {
  name: string;
  number: string;
  iban: string;
  bankName: string;
  kind: string;
  routingScheme: string;
  routingAddress: string;
}

export function partyOf(account: Account, bank: Bank | undefined): Party {
  return {
    name: account.holderName,
    number: account.number,
    iban: account.iban,
    bankName: bank?.fullName ?? '',
    kind: account.kind,
    routingScheme: account.routingScheme,
    routingAddress: account.routingAddress,
  };
}

export interface Posting {
  type: string;
  description: string;
  source: AccountRef;
  sourceCurrency: string;
  /** minor units of the source currency, > 0 */
  debit: bigint;
  target: AccountRef;
  targetCurrency: string;
  /** minor units of the target currency, > 0 */
  credit: bigint;
  /** recorded on the debit leg */
  payee: Party;
  /** recorded on the credit leg */
  payer: Party;
  at: number;
  /** the debit transaction's id when the caller had to name it first (the request's compare-and-set) */
  debitTransactionId?: string;
}

export interface Posted {
  debitTransactionId: string;
  creditTransactionId: string;
}

function leg(
  ref: AccountRef,
  currency: string,
  amount: bigint,
  newBalance: bigint,
  other: Party,
  p: Posting,
  transactionId: string = randomUUID(),
): Transaction {
  return {
    bankId: ref.bankId,
    accountId: ref.accountId,
    transactionId,
    kind: p.type,
    description: p.description,
    currency,
    amount,
    newBalance,
    postedAt: p.at,
    completedAt: p.at,
    counterpartyId: implicitCounterpartyId(ref.bankId, ref.accountId, other.name, other.routingScheme, other.routingAddress),
    counterpartyName: other.name,
    counterpartyAccountNumber: other.number,
    counterpartyIban: other.iban,
    counterpartyBankName: other.bankName,
    counterpartyKind: other.kind,
  };
}

const keyOf = (t: Transaction): NewMetadataRow => ({
  bankId: t.bankId,
  accountId: t.accountId,
  counterpartyId: t.counterpartyId,
  name: t.counterpartyName,
  publicAlias: '',
});

const keyText = (k: MetadataKey) => JSON.stringify([k.bankId, k.accountId, k.counterpartyId]);

const sameMetadataKey = (a: MetadataKey, b: MetadataKey) => keyText(a) === keyText(b);

/**
 * Each leg's counterparty metadata row, created on first sight with an `ALIAS_` public alias unique
 * in its account. Rows this process has seen committed cost nothing; the other common cases cost one
 * statement: an insert of all new rows whose alias is free. Rows are taken in key order, so two
 * payments inserting the same rows wait in the same order.
 */
async function ensureCounterpartyMetadata(tx: Repositories, legs: readonly Transaction[]): Promise<void> {
  const byKey = new Map<string, NewMetadataRow>();
  for (const t of legs) if (!tx.counterparties.isKnown(keyOf(t))) byKey.set(keyText(keyOf(t)), keyOf(t));
  if (byKey.size === 0) return;
  const keys = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, k]) => k);
  const taken = new Map<string, Set<string>>();
  const aliasFor = (k: MetadataKey) => {
    const account = JSON.stringify([k.bankId, k.accountId]);
    let set = taken.get(account);
    if (!set) taken.set(account, (set = new Set()));
    return uniquePublicAlias(set);
  };
  const inserted = await tx.counterparties.insertNew(keys.map((k) => ({ ...k, publicAlias: aliasFor(k) })));
  // every row exists once the payment commits
  tx.counterparties.remember(keys);
  const notInserted = keys.filter((k) => !inserted.some((i) => sameMetadataKey(i, k)));
  if (notInserted.length === 0) return;
  const known = await tx.counterparties.existing(notInserted);
  // the rare one whose random alias its account already had: pick one knowing them all
  for (const k of notInserted.filter((n) => !known.some((e) => sameMetadataKey(e, n)))) {
    const aliases = await tx.counterparties.publicAliases(k.bankId, k.accountId);
    await tx.counterparties.ensure(k.bankId, k.accountId, [
      { counterpartyId: k.counterpartyId, name: k.name, publicAlias: uniquePublicAlias(aliases) },
    ]);
  }
}

/**
 * Must run inside `store.transaction`: the caller's commit makes the payment visible at once. The
 * counterparty rows are written before the balances, so the accounts' row locks are held for the
 * two updates and the transactions' insert only.
 */
export async function post(tx: Repositories, p: Posting): Promise<Posted> {
  const [debit, credit] = legsOf(p);
  await ensureCounterpartyMetadata(tx, [debit, credit]);
  const outcome = await tx.ledger.applyBalanceChanges([
    { bankId: p.source.bankId, accountId: p.source.accountId, delta: -p.debit },
    { bankId: p.target.bankId, accountId: p.target.accountId, delta: p.credit },
  ]);
  if (!outcome.ok) throw outcome.reason === 'overdraft' ? obpError('OBP-40901') : obpError('OBP-30018');
  const [debitBalance, creditBalance] = outcome.balances as [bigint, bigint];
  await tx.transactions.insertMany([
    { ...debit, newBalance: debitBalance },
    { ...credit, newBalance: creditBalance },
  ]);
  return { debitTransactionId: debit.transactionId, creditTransactionId: credit.transactionId };
}

/** The debit and the credit transaction of a posting; balances are filled in once the updates answer them. */
function legsOf(p: Posting): [Transaction, Transaction] {
  if (p.debit <= 0n || p.credit <= 0n) throw new Error(`payment legs must be positive (${p.debit}, ${p.credit})`);
  return [
    leg(p.source, p.sourceCurrency, -p.debit, 0n, p.payee, p, p.debitTransactionId ?? randomUUID()),
    leg(p.target, p.targetCurrency, p.credit, 0n, p.payer, p, randomUUID()),
  ];
}

/** A batch that must not commit as a whole (an overdraft, a vanished account): each posting is made on its own instead. */
export class BatchRefused extends Error {}

/**
 * Many postings in the caller's one database transaction, with the statements of one: the
 * counterparty rows in one insert, the accounts locked in lock order, each account's net change in
 * one update, all transactions in one insert. Every transaction still records the balance after it
 * as if the postings had been made one by one in the given order, and an overdraft limit is checked
 * after each debit; if any posting would fail, the whole batch throws `BatchRefused`.
 */
export async function postMany(tx: Repositories, postings: readonly Posting[]): Promise<Posted[]> {
  const legs = postings.flatMap(legsOf);
  await ensureCounterpartyMetadata(tx, legs);
  const net = new Map<string, BalanceChange>();
  for (const t of legs) {
    const k = accountKey(t.bankId, t.accountId);
    const change = net.get(k) ?? { bankId: t.bankId, accountId: t.accountId, delta: 0n };
    change.delta += t.amount;
    net.set(k, change);
  }
  const changes = [...net.values()];
  await tx.ledger.lockAccounts(changes);
  const after = await tx.ledger.applyNetChanges(changes);
  // walk forwards from each account's balance before the batch
  const running = new Map<string, bigint>();
  for (const [k, c] of net) {
    const outcome = after.get(k);
    if (!outcome) throw new BatchRefused(`no account ${k}`);
    running.set(k, outcome.balance - c.delta);
  }
  const posted = legs.map((t) => {
    const k = accountKey(t.bankId, t.accountId);
    const balance = running.get(k)! + t.amount;
    const limit = after.get(k)!.overdraftLimit;
    if (t.amount < 0n && limit !== null && balance < -limit) throw new BatchRefused(`overdraft on ${k}`);
    running.set(k, balance);
    return { ...t, newBalance: balance };
  });
  await tx.transactions.insertMany(posted);
  return postings.map((_, i) => ({
    debitTransactionId: legs[2 * i]!.transactionId,
    creditTransactionId: legs[2 * i + 1]!.transactionId,
  }));
}
