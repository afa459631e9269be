/**
 * Explicit counterparties (OBP v2.2.0): payees an account's user creates by name and routing, the
 * destinations of COUNTERPARTY and SEPA transaction requests. Unlike the implicit counterparties
 * (other accounts) they are not derived from transactions; their id is a random UUID.
 */
import { catalogueMessage, ObpError } from '../../errors/obp-error.js';

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
