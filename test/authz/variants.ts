/**
 * Which ids a cell puts in the path. Every variant is a rule over placeholders, so an endpoint declared
 * later gets the variants its path calls for: its own account's ids; the custom, read-only, partial or
 * public view instead of the owner view; the account addressed under the other bank; a customer of the other
 * bank; a child (transaction, counterparty, note, branch…) of the other account addressed under this
 * one; a note made through another view; everything of the other account.
 */
import { isPlaceholder, type Endpoint, type Placeholder } from '../../src/api/endpoint.js';
import {
  customViewId,
  partialViewId,
  publicViewId,
  readOnlyViewId,
  spareViewId,
  type AccountIds,
  type Callers,
  type World,
} from './fixture.js';

export const variantNames = [
  'own',
  'custom-view',
  'read-only-view',
  'partial-view',
  'public-view',
  'account-under-other-bank',
  'customer-of-other-bank',
  'child-of-other-account',
  'note-of-other-view',
  'other-account',
] as const;
export type VariantName = (typeof variantNames)[number];

/** What the ids of a variant are, as far as authorisation is concerned. */
export interface Addressed {
  /** whose account (and customer, bank, user) the ids belong to */
  subject: 'x' | 'y' | 'z';
  accountAtBank: boolean;
  customerAtBank: boolean;
  /** false when the deepest child placeholder names something of the other account */
  childOfParent: boolean;
  /** VIEW_ID where the path reads the account through it (`…/ACCOUNT_ID/VIEW_ID/…`) */
  viewId: string;
  /** VIEW_ID where the path names a view to manage (`…/views/VIEW_ID`) */
  targetViewId: string;
}

/** True when VIEW_ID follows ACCOUNT_ID: the account is read or written through that view. */
export function readsThroughView(endpoint: Endpoint): boolean {
  return endpoint.path.includes('/ACCOUNT_ID/VIEW_ID');
}

/** Placeholders naming something that belongs to the account or bank above it in the path, deepest last. */
export const childPlaceholders: readonly Placeholder[] = [
  'TRANSACTION_ID',
  'OTHER_ACCOUNT_ID',
  'COMMENT_ID',
  'TAG_ID',
  'IMAGE_ID',
  'BRANCH_ID',
  'ATM_ID',
  'PRODUCT_CODE',
];

/** Notes are kept per view: one made through another view of the same transaction is not found through this one. */
const notePlaceholders: readonly (Placeholder | undefined)[] = ['COMMENT_ID', 'TAG_ID', 'IMAGE_ID'];

/** What an endpoint declares when a view's permission flag refuses the call. */
export const flagRefusals: readonly string[] = [
  'OBP-30022',
  'Deleting comments not permitted for this view',
  'Deleting tags not permitted for this view',
  'Deleting images not permitted for this view',
  'Deleting tag is not permitted for this view',
  // as old-style handlers answer it (transaction requests)
  'OBP-20022',
];

/** Placeholders that make an endpoint part of the matrix. */
export const subjectPlaceholders: readonly Placeholder[] = [
  'BANK_ID',
  'ACCOUNT_ID',
  'VIEW_ID',
  'CUSTOMER_ID',
  'USER_ID',
  'USER_EMAIL',
  'PROVIDER',
  'PROVIDER_ID',
  ...childPlaceholders,
];

/**
 * Endpoints whose path names a bank, account, view, customer or user (or something below them), and
 * reads whose answer depends on the caller alone (`/accounts`, `/cards`, …): they can leak too.
 */
export function inMatrix(endpoint: Endpoint): boolean {
  const segments = endpoint.path.split('/');
  if (segments.some((s) => subjectPlaceholders.includes(s as Placeholder))) return true;
  return endpoint.verb === 'GET' && !segments.some((s) => isPlaceholder(s));
}

export function deepestChild(endpoint: Endpoint): Placeholder | undefined {
  const segments = endpoint.path.split('/');
  return [...segments].reverse().find((s): s is Placeholder => childPlaceholders.includes(s as Placeholder));
}

export function variantsOf(endpoint: Endpoint): VariantName[] {
  const has = (p: Placeholder) => endpoint.path.split('/').includes(p);
  return variantNames.filter((name) => {
    switch (name) {
      case 'custom-view':
        return has('VIEW_ID');
      case 'public-view':
      case 'read-only-view':
        return readsThroughView(endpoint);
      case 'partial-view':
        // endpoints that moderate what a view hides instead of refusing it
        return readsThroughView(endpoint) && !endpoint.errors.some((e) => flagRefusals.includes(e));
      case 'account-under-other-bank':
        return has('BANK_ID') && has('ACCOUNT_ID');
      case 'customer-of-other-bank':
        return has('BANK_ID') && has('CUSTOMER_ID');
      case 'child-of-other-account':
        return deepestChild(endpoint) !== undefined;
      case 'note-of-other-view':
        return notePlaceholders.includes(deepestChild(endpoint));
      case 'other-account':
        return subjectPlaceholders.some(has);
      case 'own':
        return true;
    }
  });
}

function childValues(ids: AccountIds): Partial<Record<Placeholder, string>> {
  return {
    TRANSACTION_ID: ids.transactionId,
    OTHER_ACCOUNT_ID: ids.counterpartyId,
    COMMENT_ID: ids.commentId,
    TAG_ID: ids.tagId,
    IMAGE_ID: ids.imageId,
    BRANCH_ID: ids.branchId,
    ATM_ID: ids.atmId,
    PRODUCT_CODE: ids.productCode,
    COUNTERPARTY_ID: ids.explicitCounterpartyId,
    TRANSACTION_REQUEST_ID: ids.transactionRequestId,
  };
}

/** Placeholders no variant changes: values that exist where something must exist. */
const fixed: Partial<Record<Placeholder, string>> = {
  API_VERSION: 'v2.1.0',
  QUERY: 'authz',
  KYC_CHECK_ID: 'authz-kyc-check',
  KYC_DOCUMENT_ID: 'authz-kyc-document',
  KYC_MEDIA_ID: 'authz-kyc-media',
  ENTITLEMENT_ID: 'authz-no-such-entitlement',
  CONSUMER_ID: '1',
  // the type of the planted transaction requests
  TRANSACTION_REQUEST_TYPE: 'SANDBOX_TAN',
};

export function addressed(variant: VariantName): Addressed {
  return {
    subject: variant === 'other-account' ? 'y' : variant === 'public-view' ? 'z' : 'x',
    accountAtBank: variant !== 'account-under-other-bank',
    customerAtBank: variant !== 'customer-of-other-bank',
    childOfParent: variant !== 'child-of-other-account' && variant !== 'note-of-other-view',
    viewId:
      variant === 'custom-view'
        ? customViewId
        : variant === 'read-only-view'
          ? readOnlyViewId
          : variant === 'partial-view'
            ? partialViewId
            : variant === 'public-view'
              ? publicViewId
              : 'owner',
    targetViewId: variant === 'custom-view' ? spareViewId : 'owner',
  };
}

/** The placeholder values of a variant in a world. */
export function valuesOf(
  variant: VariantName,
  endpoint: Endpoint,
  world: World,
  callers: Callers,
  provider: string,
): Record<string, string> {
  const { x, y } = world;
  const subject = variant === 'other-account' ? y : variant === 'public-view' ? world.z : x;
  if (!subject) throw new Error(`world ${world.n} has no account with a public view`);
  const subjectUser = variant === 'other-account' ? callers.foreigner : callers.owner;
  const values: Record<string, string> = {
    ...fixed,
    BANK_ID: subject.bankId,
    ACCOUNT_ID: subject.accountId,
    VIEW_ID: readsThroughView(endpoint) ? addressed(variant).viewId : addressed(variant).targetViewId,
    CUSTOMER_ID: subject.customerId,
    USER_ID: subjectUser.userId,
    USER_EMAIL: subjectUser.email,
    PROVIDER: provider,
    // whom permission endpoints grant to, read or revoke from
    PROVIDER_ID: callers.viewer.username,
    ...childValues(subject),
    // not placeholders: what bodies name
    iban: subject.iban,
    challengeId: subject.challengeId,
  };
  if (variant === 'read-only-view' || variant === 'note-of-other-view') {
    // through the read-only view its own notes; through the owner view, the read-only view's
    const notes = world.readOnlyNotes;
    Object.assign(values, { COMMENT_ID: notes.commentId, TAG_ID: notes.tagId, IMAGE_ID: notes.imageId });
  }
  if (variant === 'account-under-other-bank') values.BANK_ID = y.bankId;
  if (variant === 'customer-of-other-bank') values.CUSTOMER_ID = y.customerId;
  if (variant === 'child-of-other-account') {
    const child = deepestChild(endpoint)!;
    values[child] = childValues(y)[child]!;
  }
  return values;
}

/** The URL path the server matches (`route` where it differs from the documented path). */
export function fillPath(endpoint: Endpoint, values: Record<string, string>): string {
  return (endpoint.route ?? endpoint.path)
    .split('/')
    .map((s) => (values[s] !== undefined ? encodeURIComponent(values[s]) : s))
    .join('/');
}
