/**
 * What a view shows of a transaction (SEMANTICS §8.2, with §8.1 for this_account and §8.3 for the
 * counterparty), decided field by field from the view's flags. A hidden field is null, never an
 * error. Pure: everything it needs is passed in.
 */
import { formatMinorUnits } from '../money.js';
import type { AccountDescription, Bank, Transaction } from '../model.js';
import type { ViewDefinition } from '../views/definitions.js';
import type { TransactionNote, WhereTag } from './metadata.js';
import { implicitCounterpartyId } from '../sandbox-import/counterparty-id.js';
import type { CounterpartyDetails, StoredLocation } from '../counterparties/metadata.js';

export interface CounterpartyAliases {
  publicAlias: string;
  privateAlias: string;
  details?: CounterpartyDetails;
}

/** The counterparty part of a transaction, which is all a counterparty's own JSON needs. */
export type CounterpartyFields = Pick<
  Transaction,
  | 'bankId'
  | 'accountId'
  | 'counterpartyId'
  | 'counterpartyName'
  | 'counterpartyAccountNumber'
  | 'counterpartyIban'
  | 'counterpartyBankName'
  | 'counterpartyKind'
>;

export interface ModeratedCounterpartyMetadata {
  publicAlias: string | null;
  privateAlias: string | null;
  moreInfo: string | null;
  url: string | null;
  imageUrl: string | null;
  openCorporatesUrl: string | null;
  corporateLocation: StoredLocation | null;
  physicalLocation: StoredLocation | null;
}

export interface ModeratedThisAccount {
  id: string;
  holders: { name: string; isAlias: boolean }[];
  number: string | null;
  kind: string | null;
  iban: string | null;
  bankNationalIdentifier: string | null;
  bankName: string | null;
}

export interface ModeratedOtherAccount {
  id: string;
  holder: { name: string; isAlias: boolean };
  number: string | null;
  kind: string | null;
  iban: string | null;
  bankNationalIdentifier: string | null;
  bankName: string | null;
  /** null unless the view may see counterparty metadata (and no alias hides it) */
  metadata: ModeratedCounterpartyMetadata | null;
}

export interface ModeratedTransaction {
  id: string;
  thisAccount: ModeratedThisAccount | null;
  otherAccount: ModeratedOtherAccount | null;
  type: string | null;
  description: string | null;
  posted: number | null;
  completed: number | null;
  currency: string | null;
  /** decimal strings in the currency's scale */
  amount: string | null;
  newBalance: string | null;
  /** null unless can_see_transaction_metadata; hidden lists are null, never-set values null (§1.2) */
  metadata: {
    narrative: string | null;
    comments: TransactionNote[] | null;
    tags: TransactionNote[] | null;
    images: TransactionNote[] | null;
    where: WhereTag | null;
  } | null;
}

function shown<T>(view: ViewDefinition, flag: string, value: T): T | null {
  return view.permissions.has(flag) ? value : null;
}

function thisAccountOf(view: ViewDefinition, bank: Bank, account: AccountDescription): ModeratedThisAccount | null {
  if (!view.permissions.has('can_see_transaction_this_bank_account')) return null;
  return {
    id: account.accountId,
    holders: view.permissions.has('can_see_bank_account_owners') ? [{ name: account.holderName, isAlias: false }] : [],
    number: shown(view, 'can_see_bank_account_number', account.number),
    kind: shown(view, 'can_see_bank_account_type', account.kind),
    iban: shown(view, 'can_see_bank_account_iban', account.iban),
    bankNationalIdentifier: shown(view, 'can_see_bank_account_national_identifier', bank.nationalIdentifier),
    bankName: shown(view, 'can_see_bank_account_bank_name', bank.fullName),
  };
}

/** The counterparty's id: stored, or derived as OBP does (§1.6) when the row predates it. */
export function counterpartyIdOf(t: CounterpartyFields): string {
  return t.counterpartyId !== '' ? t.counterpartyId : implicitCounterpartyId(t.bankId, t.accountId, t.counterpartyName);
}

function holderOf(view: ViewDefinition, t: CounterpartyFields, aliases: CounterpartyAliases | undefined) {
  if (view.alias === 'public' && aliases && aliases.publicAlias !== '') return { name: aliases.publicAlias, isAlias: true };
  if (view.alias === 'private' && aliases && aliases.privateAlias !== '') return { name: aliases.privateAlias, isAlias: true };
  return { name: t.counterpartyName, isAlias: false };
}

/** Empty strings are never-set or deleted values: null (§1.2). */
function text(view: ViewDefinition, flag: string, value: string | undefined): string | null {
  return view.permissions.has(flag) && value !== undefined && value !== '' ? value : null;
}

export function moderateOtherAccount(
  view: ViewDefinition,
  t: CounterpartyFields,
  aliases: CounterpartyAliases | undefined,
): ModeratedOtherAccount | null {
  if (!view.permissions.has('can_see_transaction_other_bank_account')) return null;
  const holder = holderOf(view, t, aliases);
  const metadataHidden =
    !view.permissions.has('can_see_other_account_metadata') || (holder.isAlias && view.hideMetadataIfAliasUsed);
  return {
    id: counterpartyIdOf(t),
    holder,
    number: shown(view, 'can_see_other_account_number', t.counterpartyAccountNumber),
    kind: shown(view, 'can_see_other_account_kind', t.counterpartyKind),
    iban: shown(view, 'can_see_other_account_iban', t.counterpartyIban),
    bankNationalIdentifier: null,
    bankName: shown(view, 'can_see_other_account_bank_name', t.counterpartyBankName),
    metadata: metadataHidden
      ? null
      : {
          publicAlias: text(view, 'can_see_public_alias', aliases?.publicAlias),
          privateAlias: text(view, 'can_see_private_alias', aliases?.privateAlias),
          moreInfo: text(view, 'can_see_more_info', aliases?.details?.moreInfo),
          url: text(view, 'can_see_url', aliases?.details?.url),
          imageUrl: text(view, 'can_see_image_url', aliases?.details?.imageUrl),
          openCorporatesUrl: text(view, 'can_see_open_corporates_url', aliases?.details?.openCorporatesUrl),
          corporateLocation: shown(view, 'can_see_corporate_location', aliases?.details?.corporateLocation ?? null),
          physicalLocation: shown(view, 'can_see_physical_location', aliases?.details?.physicalLocation ?? null),
        },
  };
}

/** One transaction's stored metadata as seen through the requesting view. */
export interface TransactionMetadata {
  narrative: string;
  notes: readonly TransactionNote[];
  where: WhereTag | undefined;
}

const noMetadata: TransactionMetadata = { narrative: '', notes: [], where: undefined };

export function moderateTransaction(
  view: ViewDefinition,
  bank: Bank,
  account: AccountDescription,
  t: Transaction,
  aliases: CounterpartyAliases | undefined,
  metadata: TransactionMetadata = noMetadata,
): ModeratedTransaction {
  const can = (flag: string) => view.permissions.has(flag);
  return {
    id: t.transactionId,
    thisAccount: thisAccountOf(view, bank, account),
    otherAccount: moderateOtherAccount(view, t, aliases),
    type: shown(view, 'can_see_transaction_type', t.kind),
    description: shown(view, 'can_see_transaction_description', t.description),
    posted: shown(view, 'can_see_transaction_start_date', t.postedAt),
    completed: shown(view, 'can_see_transaction_finish_date', t.completedAt),
    currency: shown(view, 'can_see_transaction_currency', t.currency),
    amount: shown(view, 'can_see_transaction_amount', formatMinorUnits(t.amount, t.currency)),
    newBalance: shown(view, 'can_see_transaction_balance', formatMinorUnits(t.newBalance, t.currency)),
    metadata: can('can_see_transaction_metadata')
      ? {
          narrative: can('can_see_owner_comment') && metadata.narrative !== '' ? metadata.narrative : null,
          comments: can('can_see_comments') ? metadata.notes.filter((n) => n.kind === 'comment') : null,
          tags: can('can_see_tags') ? metadata.notes.filter((n) => n.kind === 'tag') : null,
          images: can('can_see_images') ? metadata.notes.filter((n) => n.kind === 'image') : null,
          where: can('can_see_where_tag') ? (metadata.where ?? null) : null,
        }
      : null,
  };
}
