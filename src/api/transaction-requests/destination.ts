/**
 * Where a transaction request's money goes (§11.1): an OBP account (SANDBOX_TAN's `to`, FREE_FORM's
 * own account) or an explicit counterparty (COUNTERPARTY by id, SEPA by IBAN).
 */
import { obpDestination } from '../../domain/counterparties/destination.js';
import type { ExplicitCounterparty } from '../../domain/counterparties/explicit.js';
import type { Account, AccountRef, Bank } from '../../domain/model.js';
import { partyOf, type Party } from '../../domain/payments/ledger.js';
import { obpError } from '../../errors/obp-error.js';
import type { Store } from '../../store/index.js';
import type { AnyCreateBody } from './bodies.js';

export const transactionRequestTypes = ['SANDBOX_TAN', 'COUNTERPARTY', 'SEPA', 'FREE_FORM'] as const;
export type TransactionRequestType = (typeof transactionRequestTypes)[number];

export interface Destination {
  /** the account credited */
  account: Account;
  /** what the debit leg records as its counterparty */
  payee: Party;
  /** the `to_*` member of the request's details */
  details: Record<string, unknown>;
  chargePolicy: string;
}

const chargePolicies = ['SHARED', 'SENDER', 'RECEIVER'];

function chargePolicyOf(body: AnyCreateBody): string {
  const policy = 'charge_policy' in body ? body.charge_policy : 'SHARED';
  if (!chargePolicies.includes(policy)) throw obpError('OBP-40013');
  return policy;
}

/** The account SANDBOX_TAN pays into, known from the body alone, so it can be read with the source. */
export function sandboxTanTarget(type: TransactionRequestType, body: AnyCreateBody): AccountRef | undefined {
  if (type !== 'SANDBOX_TAN') return undefined;
  const to = (body as { to: { bank_id: string; account_id: string } }).to;
  return { bankId: to.bank_id, accountId: to.account_id };
}

export async function resolveDestination(
  store: Store,
  type: TransactionRequestType,
  source: { bank: Bank; account: Account },
  body: AnyCreateBody,
  /** SANDBOX_TAN's `to` when the caller read it already (`sandboxTanTarget`): undefined means it does not exist */
  read?: { account: Account | undefined },
): Promise<Destination> {
  switch (type) {
    case 'SANDBOX_TAN': {
      const to = (body as { to: { bank_id: string; account_id: string } }).to;
      const account = read ? read.account : await store.accounts.get(to.bank_id, to.account_id);
      if (!account) throw obpError('OBP-30018');
      const bank = await store.banks.get(to.bank_id);
      return {
        account,
        payee: partyOf(account, bank),
        details: { to_sandbox_tan: { bank_id: to.bank_id, account_id: to.account_id } },
        chargePolicy: 'SHARED',
      };
    }
    case 'FREE_FORM':
      return { account: source.account, payee: partyOf(source.account, source.bank), details: {}, chargePolicy: 'SHARED' };
    case 'COUNTERPARTY': {
      const chargePolicy = chargePolicyOf(body);
      const counterpartyId = (body as { to: { counterparty_id: string } }).to.counterparty_id;
      const found = await store.explicitCounterparties.byId(counterpartyId);
      // only the account's own payees: another account's list is not this one's to pay from
      if (!found || found.bankId !== source.account.bankId || found.accountId !== source.account.accountId) {
        throw obpError('OBP-30017');
      }
      return toCounterparty(store, type, source, found, chargePolicy, { to_counterparty: { counterparty_id: counterpartyId } });
    }
    case 'SEPA': {
      const chargePolicy = chargePolicyOf(body);
      const iban = (body as { to: { iban: string } }).to.iban;
      const found = await store.explicitCounterparties.latestBySecondaryRoutingAddress(iban);
      if (!found) throw obpError('OBP-30012');
      return toCounterparty(store, type, source, found, chargePolicy, { to_sepa: { iban } });
    }
  }
}

/**
 * A beneficiary (OBP-30013) routed to an OBP account is paid there; any other is paid to the source
 * bank's settlement account in the request currency (`<TYPE>_SETTLEMENT_ACCOUNT_<CCY>` when it
 * exists, else `DEFAULT_SETTLEMENT_ACCOUNT_<CCY>`, created on first use), while the debit leg names
 * the counterparty itself.
 */
async function toCounterparty(
  store: Store,
  type: TransactionRequestType,
  source: { bank: Bank; account: Account },
  cp: ExplicitCounterparty,
  chargePolicy: string,
  details: Record<string, unknown>,
): Promise<Destination> {
  if (!cp.isBeneficiary) throw obpError('OBP-30013');
  const routed = obpDestination(cp);
  if (routed) {
    const account = await store.accounts.get(routed.bankId, routed.accountId);
    if (account) {
      const bank = await store.banks.get(account.bankId);
      return { account, payee: { ...partyOf(account, bank), name: cp.name }, details, chargePolicy };
    }
  }
  const currency = source.account.currency;
  const bankId = source.account.bankId;
  let settlement = await store.accounts.get(bankId, `${type}_SETTLEMENT_ACCOUNT_${currency}`);
  if (!settlement) {
    const defaultId = `DEFAULT_SETTLEMENT_ACCOUNT_${currency}`;
    await store.ledger.ensureSettlementAccount(bankId, defaultId, currency);
    settlement = await store.accounts.get(bankId, defaultId);
    if (!settlement) throw new Error(`settlement account ${bankId}/${defaultId} missing after creation`);
  }
  const iban = cp.otherAccountSecondaryRoutingScheme.toUpperCase() === 'IBAN' ? cp.otherAccountSecondaryRoutingAddress : '';
  return {
    account: settlement,
    payee: {
      name: cp.name,
      number: cp.otherAccountRoutingAddress,
      iban,
      bankName: cp.otherBankRoutingAddress,
      kind: '',
      routingScheme: cp.otherAccountRoutingScheme,
      routingAddress: cp.otherAccountRoutingAddress,
    },
    details,
    chargePolicy,
  };
}
