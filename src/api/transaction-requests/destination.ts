/**
 * Where a transaction request's money goes (§11.1): an OBP account (SANDBOX_TAN's `to`, FREE_FORM's
 * own account) or an explicit counterparty (COUNTERPARTY by id, SEPA by IBAN).
 */
import type { Account, Bank } from '../../domain/model.js';
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

export async function resolveDestination(
  store: Store,
  type: TransactionRequestType,
  source: { bank: Bank; account: Account },
  body: AnyCreateBody,
): Promise<Destination> {
  switch (type) {
    case 'SANDBOX_TAN': {
      const to = (body as { to: { bank_id: string; account_id: string } }).to;
      const account = await store.accounts.get(to.bank_id, to.account_id);
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
      chargePolicyOf(body);
      throw obpError('OBP-30017');
    }
    case 'SEPA': {
      chargePolicyOf(body);
      throw obpError('OBP-30012');
    }
  }
}
