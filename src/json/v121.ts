/** JSON shapes of OBP v1.2.1 (banks, views, moderated accounts), as pure functions. */
import type { Account, Bank } from '../domain/model.js';
import { formatMinorUnits } from '../domain/money.js';
import { viewJsonFlags, type ViewDefinition } from '../domain/views/definitions.js';

/** OBP renders empty stored strings as null in most v1.2.1/v2.x JSON. */
export function stringOrNull(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}

export function bankJson(b: Bank) {
  return {
    id: b.bankId,
    short_name: stringOrNull(b.shortName),
    full_name: stringOrNull(b.fullName),
    logo: stringOrNull(b.logo),
    website: stringOrNull(b.website),
    bank_routing: { scheme: stringOrNull(b.bankRoutingScheme), address: stringOrNull(b.bankRoutingAddress) },
  };
}

export function viewJson(v: ViewDefinition): Record<string, string | boolean> {
  const json: Record<string, string | boolean> = {
    id: v.viewId,
    short_name: v.shortName,
    description: v.description,
    is_public: v.isPublic,
    alias: v.alias,
    hide_metadata_if_alias_used: v.hideMetadataIfAliasUsed,
  };
  for (const flag of viewJsonFlags) json[flag] = v.permissions.has(flag);
  return json;
}

export interface OwnerJson {
  id: string;
  provider: string | null;
  display_name: string | null;
}

/**
 * ModeratedCoreAccountJSON: fields the view may not see are null, hidden owners an empty list, and
 * swift_bic always null (OBP's factories never fill it).
 */
export function moderatedAccountJson(a: Account, view: ViewDefinition, owners: OwnerJson[]) {
  const can = (flag: string) => view.permissions.has(flag);
  return {
    id: a.accountId,
    label: can('can_see_bank_account_label') ? stringOrNull(a.label) : null,
    number: can('can_see_bank_account_number') ? stringOrNull(a.number) : null,
    owners: can('can_see_bank_account_owners') ? owners : [],
    type: can('can_see_bank_account_type') ? stringOrNull(a.kind) : null,
    balance: {
      currency: can('can_see_bank_account_currency') ? a.currency : null,
      amount: can('can_see_bank_account_balance') ? formatMinorUnits(a.balance, a.currency) : null,
    },
    IBAN: can('can_see_bank_account_iban') ? stringOrNull(a.iban) : null,
    swift_bic: null,
    bank_id: a.bankId,
    account_routing: {
      scheme: can('can_see_bank_account_routing_scheme') ? stringOrNull(a.routingScheme) : null,
      address: can('can_see_bank_account_routing_address') ? stringOrNull(a.routingAddress) : null,
    },
  };
}

/** ModeratedAccountJSON: the core shape plus the caller's private views, between swift_bic and bank_id. */
export function moderatedAccountWithViewsJson(
  a: Account,
  view: ViewDefinition,
  owners: OwnerJson[],
  viewsAvailable: readonly ViewDefinition[],
) {
  const { bank_id, account_routing, ...head } = moderatedAccountJson(a, view, owners);
  return { ...head, views_available: viewsAvailable.map(viewJson), bank_id, account_routing };
}
