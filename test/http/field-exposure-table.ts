/**
 * What each view permission exposes in the three read shapes a view moderates (SEMANTICS §8): the
 * account (ModeratedAccountJSON, §6.3), the transaction (v1.2.1 TransactionJSON, §9.1) and the
 * counterparty (v1.2.1 OtherAccountJSON, §8.3). Paths are `/`-separated and relative to the shape's
 * root; `''` is the whole object. A path a permission governs becomes null when the permission is off
 * (a list-valued field becomes `[]`, §1.2) and nothing else changes.
 *
 * The endpoints serving each shape are in `field-exposure.test.ts`; how a path reaches an endpoint is
 * derived there: a shape listed inside a response moves under its list entry, an endpoint serving a
 * part of a shape (the counterparty metadata) sees only the paths below that part, and an endpoint
 * whose whole object a permission hides refuses (400 OBP-30022) where a list leaves the entry out.
 *
 * Every permission of spec/views.json has an entry (the 59 view JSON flags and the other permissions),
 * so a new permission fails the suite until it is described here.
 */

export interface Governs {
  account?: readonly string[];
  transaction?: readonly string[];
  counterparty?: readonly string[];
}

export type Exposure = { governs: Governs } | { governsNothing: string };

const write = 'a write permission: the metadata endpoints check it; no read shape shows it';
const endpointOnly = 'decides whether an endpoint may be called, shows no field of these shapes';
const systemOnly = 'system views only: ignored in a custom view\u2019s allowed_actions (ARCHITECTURE.md, Differences from OBP)';
const noRouting = 'the v1.2.1 counterparty shape has no routing fields (its IBAN has its own flag)';

export const fieldExposure: Readonly<Record<string, Exposure>> = {
  // ---- the 59 flags of ViewJSONV121 ----
  can_add_comment: { governsNothing: write },
  can_add_corporate_location: { governsNothing: write },
  can_add_image: { governsNothing: write },
  can_add_image_url: { governsNothing: write },
  can_add_more_info: { governsNothing: write },
  can_add_open_corporates_url: { governsNothing: write },
  can_add_physical_location: { governsNothing: write },
  can_add_private_alias: { governsNothing: write },
  can_add_public_alias: { governsNothing: write },
  can_add_tag: { governsNothing: write },
  can_add_url: { governsNothing: write },
  can_add_where_tag: { governsNothing: write },
  can_delete_comment: { governsNothing: write },
  can_delete_corporate_location: { governsNothing: write },
  can_delete_image: { governsNothing: write },
  can_delete_physical_location: { governsNothing: write },
  can_delete_tag: { governsNothing: write },
  can_delete_where_tag: { governsNothing: write },
  can_edit_owner_comment: { governsNothing: write },

  can_see_bank_account_balance: { governs: { account: ['balance/amount'] } },
  can_see_bank_account_bank_name: { governs: { transaction: ['this_account/bank/name'] } },
  can_see_bank_account_currency: { governs: { account: ['balance/currency'] } },
  can_see_bank_account_iban: { governs: { account: ['IBAN'], transaction: ['this_account/IBAN'] } },
  can_see_bank_account_label: { governs: { account: ['label'] } },
  can_see_bank_account_national_identifier: { governs: { transaction: ['this_account/bank/national_identifier'] } },
  can_see_bank_account_number: { governs: { account: ['number'], transaction: ['this_account/number'] } },
  can_see_bank_account_owners: { governs: { account: ['owners'], transaction: ['this_account/holders'] } },
  can_see_bank_account_swift_bic: {
    governsNothing: 'swift_bic of the account is always null in these shapes (OBP never fills it, §6.3)',
  },
  can_see_bank_account_type: { governs: { account: ['type'], transaction: ['this_account/kind'] } },

  can_see_transaction_this_bank_account: { governs: { transaction: ['this_account'] } },
  can_see_transaction_other_bank_account: { governs: { transaction: ['other_account'], counterparty: [''] } },
  can_see_transaction_type: { governs: { transaction: ['details/type'] } },
  can_see_transaction_description: { governs: { transaction: ['details/description'] } },
  can_see_transaction_start_date: { governs: { transaction: ['details/posted'] } },
  can_see_transaction_finish_date: { governs: { transaction: ['details/completed'] } },
  can_see_transaction_amount: { governs: { transaction: ['details/value/amount'] } },
  can_see_transaction_balance: { governs: { transaction: ['details/new_balance/amount'] } },
  can_see_transaction_currency: {
    governs: { transaction: ['details/value/currency', 'details/new_balance/currency'] },
  },

  can_see_transaction_metadata: { governs: { transaction: ['metadata'] } },
  can_see_owner_comment: { governs: { transaction: ['metadata/narrative'] } },
  can_see_comments: { governs: { transaction: ['metadata/comments'] } },
  can_see_tags: { governs: { transaction: ['metadata/tags'] } },
  can_see_images: { governs: { transaction: ['metadata/images'] } },
  can_see_where_tag: { governs: { transaction: ['metadata/where'] } },

  can_see_other_account_bank_name: {
    governs: { transaction: ['other_account/bank/name'], counterparty: ['bank/name'] },
  },
  can_see_other_account_iban: { governs: { transaction: ['other_account/IBAN'], counterparty: ['IBAN'] } },
  can_see_other_account_kind: { governs: { transaction: ['other_account/kind'], counterparty: ['kind'] } },
  can_see_other_account_number: { governs: { transaction: ['other_account/number'], counterparty: ['number'] } },
  can_see_other_account_national_identifier: {
    governsNothing:
      'the counterparty\u2019s bank national identifier is not stored with a transaction: bank.national_identifier is always null',
  },
  can_see_other_account_swift_bic: {
    governsNothing: 'swift_bic of a counterparty is always null in the v1.2.1 shape (§8.3)',
  },
  can_see_other_account_metadata: {
    governs: { transaction: ['other_account/metadata'], counterparty: ['metadata'] },
  },
  can_see_public_alias: {
    governs: { transaction: ['other_account/metadata/public_alias'], counterparty: ['metadata/public_alias'] },
  },
  can_see_private_alias: {
    governs: { transaction: ['other_account/metadata/private_alias'], counterparty: ['metadata/private_alias'] },
  },
  can_see_more_info: {
    governs: { transaction: ['other_account/metadata/more_info'], counterparty: ['metadata/more_info'] },
  },
  can_see_url: { governs: { transaction: ['other_account/metadata/URL'], counterparty: ['metadata/URL'] } },
  can_see_image_url: {
    governs: { transaction: ['other_account/metadata/image_URL'], counterparty: ['metadata/image_URL'] },
  },
  can_see_open_corporates_url: {
    governs: {
      transaction: ['other_account/metadata/open_corporates_URL'],
      counterparty: ['metadata/open_corporates_URL'],
    },
  },
  can_see_corporate_location: {
    governs: {
      transaction: ['other_account/metadata/corporate_location'],
      counterparty: ['metadata/corporate_location'],
    },
  },
  can_see_physical_location: {
    governs: {
      transaction: ['other_account/metadata/physical_location'],
      counterparty: ['metadata/physical_location'],
    },
  },

  // ---- the other permissions (allowed_actions names) ----
  can_grant_access_to_custom_views: { governsNothing: systemOnly },
  can_revoke_access_to_custom_views: { governsNothing: systemOnly },
  can_create_custom_view: { governsNothing: systemOnly },
  can_delete_custom_view: { governsNothing: systemOnly },
  can_update_custom_view: { governsNothing: systemOnly },
  can_see_bank_account_routing_scheme: { governs: { account: ['account_routing/scheme'] } },
  can_see_bank_account_routing_address: { governs: { account: ['account_routing/address'] } },
  can_see_bank_routing_scheme: { governsNothing: 'the bank\u2019s routing is not part of these shapes' },
  can_see_bank_routing_address: { governsNothing: 'the bank\u2019s routing is not part of these shapes' },
  can_see_other_bank_routing_scheme: { governsNothing: noRouting },
  can_see_other_bank_routing_address: { governsNothing: noRouting },
  can_see_other_account_routing_scheme: { governsNothing: noRouting },
  can_see_other_account_routing_address: { governsNothing: noRouting },
  can_see_bank_account_bank_permalink: { governsNothing: 'no permalink field in these shapes' },
  can_see_bank_account_credit_limit: { governsNothing: 'no credit limit field in these shapes' },
  can_query_available_funds: { governsNothing: endpointOnly },
  can_add_counterparty: { governsNothing: endpointOnly },
  can_delete_counterparty: { governsNothing: endpointOnly },
  can_get_counterparty: { governsNothing: endpointOnly },
  can_add_transaction_request_to_beneficiary: { governsNothing: endpointOnly },
  can_add_transaction_request_to_any_account: { governsNothing: endpointOnly },
  can_create_direct_debit: { governsNothing: endpointOnly },
  can_create_standing_order: { governsNothing: endpointOnly },
  can_see_transaction_requests: { governsNothing: endpointOnly },
  can_see_transaction_request_types: { governsNothing: endpointOnly },
  can_update_bank_account_label: { governsNothing: write },
  can_see_available_views_for_bank_account: {
    governsNothing: 'decides GET .../views; views_available of the account lists the caller\u2019s views regardless',
  },
  can_see_views_with_permissions_for_all_users: { governsNothing: endpointOnly },
  can_see_views_with_permissions_for_one_user: { governsNothing: endpointOnly },
};

/** JSON paths that are null under every view, so no permission can be seen hiding them. */
export const alwaysNull: Readonly<Record<keyof Governs, readonly string[]>> = {
  account: ['swift_bic'],
  transaction: ['this_account/swift_bic', 'other_account/swift_bic', 'other_account/bank/national_identifier'],
  counterparty: ['swift_bic', 'bank/national_identifier'],
};
