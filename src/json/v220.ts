/** JSON shapes introduced in OBP v2.2.0 (explicit counterparties), as pure functions. */
import type { ExplicitCounterparty } from '../domain/counterparties/explicit.js';
import type { CounterpartyMetadata, StoredLocation } from '../domain/counterparties/metadata.js';
import { obpDate } from './dates.js';

/** CounterpartyJsonV220: the counterparty as listed, without metadata. */
export function counterpartyJsonV220(c: ExplicitCounterparty) {
  return {
    name: c.name,
    description: c.description,
    created_by_user_id: c.createdByUserId,
    this_bank_id: c.bankId,
    this_account_id: c.accountId,
    this_view_id: c.viewId,
    counterparty_id: c.counterpartyId,
    other_bank_routing_scheme: c.otherBankRoutingScheme,
    other_bank_routing_address: c.otherBankRoutingAddress,
    other_branch_routing_scheme: c.otherBranchRoutingScheme,
    other_branch_routing_address: c.otherBranchRoutingAddress,
    other_account_routing_scheme: c.otherAccountRoutingScheme,
    other_account_routing_address: c.otherAccountRoutingAddress,
    other_account_secondary_routing_scheme: c.otherAccountSecondaryRoutingScheme,
    other_account_secondary_routing_address: c.otherAccountSecondaryRoutingAddress,
    is_beneficiary: c.isBeneficiary,
    bespoke: c.bespoke.map((b) => ({ key: b.key, value: b.value })),
  };
}

/** LocationJsonV210, or null for a location never set. */
function locationJsonV210(l: StoredLocation | undefined) {
  return l === undefined
    ? null
    : {
        latitude: l.latitude,
        longitude: l.longitude,
        date: obpDate(l.date),
        user: { id: l.userId, provider: l.provider, username: l.displayName },
      };
}

/**
 * CounterpartyMetadataJson: OBP reads the metadata strings straight from its columns here, so a value
 * never set is "" rather than null.
 */
function counterpartyMetadataJson(m: CounterpartyMetadata) {
  return {
    public_alias: m.publicAlias,
    more_info: m.details.moreInfo ?? '',
    url: m.details.url ?? '',
    image_url: m.details.imageUrl ?? '',
    open_corporates_url: m.details.openCorporatesUrl ?? '',
    corporate_location: locationJsonV210(m.details.corporateLocation),
    physical_location: locationJsonV210(m.details.physicalLocation),
    private_alias: m.privateAlias,
  };
}

/** CounterpartyWithMetadataJson: what creating or reading one counterparty answers. */
export function counterpartyWithMetadataJson(c: ExplicitCounterparty, m: CounterpartyMetadata) {
  return { ...counterpartyJsonV220(c), metadata: counterpartyMetadataJson(m) };
}

/** CounterpartiesJsonV220 */
export function counterpartiesJsonV220(list: readonly ExplicitCounterparty[]) {
  return { counterparties: list.map(counterpartyJsonV220) };
}
