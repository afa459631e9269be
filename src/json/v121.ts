/** JSON shapes of OBP v1.2.1 (banks, views, moderated accounts), as pure functions. */
import type { Account, Bank } from '../domain/model.js';
import { formatMinorUnits } from '../domain/money.js';
import type { MetadataUser, TransactionNote, WhereTag } from '../domain/transactions/metadata.js';
import type {
  ModeratedCounterpartyMetadata,
  ModeratedOtherAccount,
  ModeratedThisAccount,
  ModeratedTransaction,
} from '../domain/transactions/moderation.js';
import type { StoredLocation } from '../domain/counterparties/metadata.js';
import { obpDate } from './dates.js';
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

function thisAccountJson(a: ModeratedThisAccount | null) {
  if (a === null) return null;
  return {
    id: a.id,
    holders: a.holders.map((h) => ({ name: h.name, is_alias: h.isAlias })),
    number: stringOrNull(a.number ?? undefined),
    kind: stringOrNull(a.kind ?? undefined),
    IBAN: stringOrNull(a.iban ?? undefined),
    swift_bic: null,
    bank: {
      national_identifier: stringOrNull(a.bankNationalIdentifier ?? undefined),
      name: stringOrNull(a.bankName ?? undefined),
    },
  };
}

function nullable(value: string | null): string | null {
  return stringOrNull(value ?? undefined);
}

function dateOrNull(epochMs: number | null): string | null {
  return epochMs === null ? null : obpDate(epochMs);
}

export function transactionDetailsJson(t: ModeratedTransaction) {
  return {
    type: nullable(t.type),
    description: nullable(t.description),
    posted: dateOrNull(t.posted),
    completed: dateOrNull(t.completed),
    new_balance: { currency: t.currency, amount: t.newBalance },
    value: { currency: t.currency, amount: t.amount },
  };
}

/** v1.2.1 TransactionJSON (SEMANTICS §9.1) of a moderated transaction. */
function locationJson(l: StoredLocation | null) {
  return l === null
    ? null
    : {
        latitude: l.latitude,
        longitude: l.longitude,
        date: obpDate(l.date),
        user: { id: l.userId, provider: l.provider, display_name: l.displayName },
      };
}

/** v1.2.1 OtherAccountMetadataJSON. */
export function otherAccountMetadataJson(m: ModeratedCounterpartyMetadata) {
  return {
    public_alias: m.publicAlias,
    private_alias: m.privateAlias,
    more_info: m.moreInfo,
    URL: m.url,
    image_URL: m.imageUrl,
    open_corporates_URL: m.openCorporatesUrl,
    corporate_location: locationJson(m.corporateLocation),
    physical_location: locationJson(m.physicalLocation),
  };
}

/** v1.2.1 OtherAccountJSON (SEMANTICS §8.3). */
export function otherAccountJson(o: ModeratedOtherAccount) {
  return {
    id: o.id,
    holder: { name: o.holder.name, is_alias: o.holder.isAlias },
    number: nullable(o.number),
    kind: nullable(o.kind),
    IBAN: nullable(o.iban),
    swift_bic: null,
    bank: { national_identifier: nullable(o.bankNationalIdentifier), name: nullable(o.bankName) },
    metadata: o.metadata === null ? null : otherAccountMetadataJson(o.metadata),
  };
}

/** v1.2.1 TransactionJSON (SEMANTICS §9.1) of a moderated transaction. */
export function transactionJson(t: ModeratedTransaction) {
  return {
    id: t.id,
    this_account: thisAccountJson(t.thisAccount),
    other_account: t.otherAccount === null ? null : otherAccountJson(t.otherAccount),
    details: transactionDetailsJson(t),
    metadata: t.metadata === null ? null : transactionMetadataJson(t.metadata),
  };
}

/** v2.0.0 CoreTransactionJSON: the account, the counterparty without metadata, the details. */
export function coreTransactionJson(t: ModeratedTransaction) {
  const o = t.otherAccount;
  return {
    id: t.id,
    account: thisAccountJson(t.thisAccount),
    counterparty:
      o === null
        ? null
        : {
            id: o.id,
            holder: { name: o.holder.name },
            number: nullable(o.number),
            kind: nullable(o.kind),
            IBAN: nullable(o.iban),
            swift_bic: null,
            bank: { national_identifier: nullable(o.bankNationalIdentifier), name: nullable(o.bankName) },
          },
    details: transactionDetailsJson(t),
  };
}

/** The user on a metadata item: display_name carries the e-mail, as in OBP. */
export function metadataUserJson(u: MetadataUser) {
  return { id: u.userId, provider: u.provider, display_name: stringOrNull(u.displayName) };
}

/** A comment or a tag. */
export function transactionNoteJson(n: TransactionNote) {
  return { id: n.noteId, value: n.value, date: obpDate(n.date), user: metadataUserJson(n.user) };
}

export function transactionImageJson(n: TransactionNote) {
  return { id: n.noteId, label: n.value, URL: n.url, date: obpDate(n.date), user: metadataUserJson(n.user) };
}

/** A where tag, or null when none is set (§1.2). */
export function whereTagJson(w: WhereTag | null | undefined) {
  if (!w) return null;
  return { latitude: w.latitude, longitude: w.longitude, date: obpDate(w.date), user: metadataUserJson(w.user) };
}

function transactionMetadataJson(m: NonNullable<ModeratedTransaction['metadata']>) {
  return {
    narrative: m.narrative,
    comments: m.comments && m.comments.map(transactionNoteJson),
    tags: m.tags && m.tags.map(transactionNoteJson),
    images: m.images && m.images.map(transactionImageJson),
    where: whereTagJson(m.where),
  };
}
