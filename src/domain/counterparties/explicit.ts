/**
 * Explicit counterparties (OBP v2.2.0): payees an account's user creates by name and routing, the
 * destinations of COUNTERPARTY and SEPA transaction requests. Unlike the implicit counterparties
 * (other accounts) they are not derived from transactions; their id is a random UUID.
 */
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

/** OBP's column holds at most 36 characters (MappedCounterparty.mDescription). */
export const maxDescriptionLength = 36;
