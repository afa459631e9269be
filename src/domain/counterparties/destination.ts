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

/**
 * The account an `OBP`-routed counterparty names on this server, which must exist (OBP-30001 / OBP-30018):
 * the bank scheme `OBP` with the account scheme `OBP` (else the secondary scheme `OBP`). Other schemes
 * name accounts elsewhere and are not checked.
 */
export function obpDestination(r: CounterpartyRouting): { bankId: string; accountId: string } | undefined {
  if (r.otherBankRoutingScheme !== 'OBP') return undefined;
  if (r.otherAccountRoutingScheme === 'OBP') {
    return { bankId: r.otherBankRoutingAddress, accountId: r.otherAccountRoutingAddress };
  }
  if (r.otherAccountSecondaryRoutingScheme === 'OBP') {
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
