/** JSON shapes introduced in OBP v2.0.0 (users, entitlements, basic and core accounts, customer links, KYC). */
import type { KycRecord, SocialMediaHandle, UserCustomerLink } from '../domain/customers/model.js';
import type { Entitlement, User } from '../domain/model.js';
import { obpDate } from './dates.js';
import type { TransactionType } from '../domain/transactions/transaction-type.js';
import type { AccountWithViews } from '../domain/views/access.js';
import { stringOrNull } from './v121.js';

export function entitlementJson(e: Pick<Entitlement, 'entitlementId' | 'roleName' | 'bankId'>) {
  return { entitlement_id: e.entitlementId, role_name: e.roleName, bank_id: e.bankId };
}

export const superAdminEntitlement = { entitlement_id: '', role_name: 'SuperAdmin', bank_id: '' };

export function userJson(u: Pick<User, 'userId' | 'email' | 'providerId' | 'provider' | 'username'>, entitlements: object[]) {
  return {
    user_id: u.userId,
    email: u.email,
    provider_id: u.providerId,
    provider: u.provider,
    username: u.username,
    entitlements: { list: entitlements },
  };
}

export function basicAccountJson(a: AccountWithViews) {
  return {
    id: a.accountId,
    label: stringOrNull(a.label),
    bank_id: a.bankId,
    views_available: a.views.map((v) => ({ id: v.viewId, short_name: v.shortName, is_public: v.isPublic })),
  };
}

export function accountLinks(bankId: string, accountId: string) {
  const href = `/v2.0.0/my/banks/${bankId}/accounts/${accountId}/account`;
  return { self: { href }, detail: { href } };
}

export function coreAccountJson(a: { accountId: string; label: string; bankId: string }) {
  return { id: a.accountId, label: stringOrNull(a.label), bank_id: a.bankId, _links: accountLinks(a.bankId, a.accountId) };
}

export function userCustomerLinkJson(l: UserCustomerLink) {
  return {
    user_customer_link_id: l.userCustomerLinkId,
    customer_id: l.customerId,
    user_id: l.userId,
    date_inserted: obpDate(l.dateInserted),
    is_active: l.isActive,
  };
}

/**
 * A KYC check, document, medium or status (v2.0.0): the record's head, then its own fields in `fields`
 * order, dates rendered. Statuses carry no bank_id and no id.
 */
export function kycRecordJson(r: KycRecord, fields: readonly string[], dates: readonly string[]): Record<string, unknown> {
  const head =
    r.kind === 'status'
      ? { customer_id: r.customerId, customer_number: r.customerNumber }
      : { bank_id: r.bankId, customer_id: r.customerId, id: r.recordId, customer_number: r.customerNumber };
  const own = fields.map((f): [string, unknown] => [f, dates.includes(f) ? obpDate(r.details[f] as number) : r.details[f]]);
  return { ...head, ...Object.fromEntries(own) };
}

export function socialMediaHandleJson(h: SocialMediaHandle) {
  return {
    customer_number: h.customerNumber,
    type: h.type,
    handle: h.handle,
    date_added: obpDate(h.dateAdded),
    date_activated: obpDate(h.dateActivated),
  };
}

/** TransactionTypeJsonV200: the charge amount in minor units, as stored. */
export function transactionTypeJsonV200(t: TransactionType) {
  return {
    id: { value: t.transactionTypeId },
    bank_id: t.bankId,
    short_code: t.shortCode,
    summary: t.summary,
    description: t.description,
    charge: { currency: t.chargeCurrency, amount: t.chargeAmount.toString() },
  };
}
