/** Where an explicit counterparty sends money, when that is an account of this server. */
import { obpError } from '../../errors/obp-error.js';
import type { Repositories } from '../../store/index.js';
import type { ExplicitCounterparty } from './explicit.js';

export type CounterpartyRouting = Pick<
  ExplicitCounterparty,
  | 'otherBankRoutingScheme'
  | 'otherBankRoutingAddress'
  | 'otherAccountRoutingScheme'
  | 'otherAccountRoutingAddress'
  | 'otherAccountSecondaryRoutingScheme'
  | 'otherAccountSecondaryRoutingAddress'
>;

const obpBankSchemes = ['OBP', 'OBP_BANK_ID'];
const obpAccountSchemes = ['OBP', 'OBP_ACCOUNT_ID'];

/**
 * The account an `OBP`-routed counterparty names on this server, which must exist (OBP-30001 / OBP-30018):
 * the bank scheme `OBP` (or `OBP_BANK_ID`) with the account scheme `OBP` (or `OBP_ACCOUNT_ID`), else the
 * secondary scheme. Other schemes name accounts elsewhere and are not checked; payments to them go to a
 * settlement account (§11.1, §11.6).
 */
export function obpDestination(r: CounterpartyRouting): { bankId: string; accountId: string } | undefined {
  if (!obpBankSchemes.includes(r.otherBankRoutingScheme)) return undefined;
  if (obpAccountSchemes.includes(r.otherAccountRoutingScheme)) {
    return { bankId: r.otherBankRoutingAddress, accountId: r.otherAccountRoutingAddress };
  }
  if (obpAccountSchemes.includes(r.otherAccountSecondaryRoutingScheme)) {
    return { bankId: r.otherBankRoutingAddress, accountId: r.otherAccountSecondaryRoutingAddress };
  }
  return undefined;
}

export async function requireObpDestination(store: Repositories, r: CounterpartyRouting): Promise<void> {
  const destination = obpDestination(r);
  if (!destination) return;
  if (!(await store.banks.exists(destination.bankId))) throw obpError('OBP-30001');
  if (!(await store.accounts.get(destination.bankId, destination.accountId))) throw obpError('OBP-30018');
}
