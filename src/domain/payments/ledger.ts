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

async function ensureCounterpartyMetadata(tx: Repositories, t: Transaction): Promise<void> {
  const known = await tx.counterparties.metadata(t.bankId, t.accountId, [t.counterpartyId]);
  if (known.length > 0) return;
  const taken = await tx.counterparties.publicAliases(t.bankId, t.accountId);
  await tx.counterparties.ensure(t.bankId, t.accountId, [
    { counterpartyId: t.counterpartyId, name: t.counterpartyName, publicAlias: uniquePublicAlias(taken) },
  ]);
}

/** Must run inside `store.transaction`: the caller's commit makes the payment visible at once. */
export async function post(tx: Repositories, p: Posting): Promise<Posted> {
  if (p.debit <= 0n || p.credit <= 0n) throw new Error(`payment legs must be positive (${p.debit}, ${p.credit})`);
  const outcome = await tx.ledger.applyBalanceChanges([
    { bankId: p.source.bankId, accountId: p.source.accountId, delta: -p.debit },
    { bankId: p.target.bankId, accountId: p.target.accountId, delta: p.credit },
  ]);
  if (!outcome.ok) throw outcome.reason === 'overdraft' ? obpError('OBP-40901') : obpError('OBP-30018');
  const [debitBalance, creditBalance] = outcome.balances as [bigint, bigint];
  const debit = leg(p.source, p.sourceCurrency, -p.debit, debitBalance, p.payee, p, p.debitTransactionId);
  const credit = leg(p.target, p.targetCurrency, p.credit, creditBalance, p.payer, p);
  await tx.transactions.insertMany([debit, credit]);
  await ensureCounterpartyMetadata(tx, debit);
  await ensureCounterpartyMetadata(tx, credit);
  return { debitTransactionId: debit.transactionId, creditTransactionId: credit.transactionId };
}
