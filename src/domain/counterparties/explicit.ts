/**
 * Explicit counterparties (OBP v2.2.0): payees an account's user creates by name and routing, the
 * destinations of COUNTERPARTY and SEPA transaction requests. Unlike the implicit counterparties
 * (other accounts) they are not derived from transactions; their id is a random UUID.
 */
import { catalogueMessage, obpError, ObpError } from '../../errors/obp-error.js';
import type { Repositories } from '../../store/index.js';

export interface CounterpartyBespoke {
  key: string;
  value: string;
}

export interface ExplicitCounterparty {
  counterpartyId: string;
  /** the owning account */
  bankId: string;
  accountId: string;
  /** the view it was created through (OBP's this_view_id) */
  viewId: string;
  createdByUserId: string;
  name: string;
  description: string;
  otherAccountRoutingScheme: string;
  otherAccountRoutingAddress: string;
  otherAccountSecondaryRoutingScheme: string;
  otherAccountSecondaryRoutingAddress: string;
  otherBankRoutingScheme: string;
  otherBankRoutingAddress: string;
  otherBranchRoutingScheme: string;
  otherBranchRoutingAddress: string;
  isBeneficiary: boolean;
  bespoke: CounterpartyBespoke[];
  /** epoch milliseconds */
  createdAt: number;
}

/** OBP's columns hold at most 36 characters (MappedCounterparty.mName, mDescription). */
export const maxNameLength = 36;
export const maxDescriptionLength = 36;

/** OBP's text for a name already taken on the account: the catalogue text with what was refused in its tail. */
export function counterpartyExistsError(name: string, bankId: string, accountId: string, viewId: string): ObpError {
  const text = catalogueMessage('OBP-30014').replace(
    'value for BANK_ID or ACCOUNT_ID or VIEW_ID or NAME.',
    `COUNTERPARTY_NAME(${name}) for the BANK_ID(${bankId}) and ACCOUNT_ID(${accountId}) and VIEW_ID(${viewId})`,
  );
  return new ObpError(400, text, 'OBP-30014');
}

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
  if (r.otherAccountRoutingScheme === 'OBP')
    return { bankId: r.otherBankRoutingAddress, accountId: r.otherAccountRoutingAddress };
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
