/** JSON shapes introduced in OBP v2.1.0 (consumers, metrics, roles, products, customers). */
import type { Customer } from '../domain/customers/model.js';
import type { Consumer, Metric, User } from '../domain/model.js';
import type { StoredProduct } from '../domain/open-data/documents.js';
import { obpDate } from './dates.js';
import type { TransactionType } from '../domain/transactions/transaction-type.js';
import { metaJson } from './v140.js';

export function consumerJson(c: Consumer, creator: User | undefined) {
  return {
    consumer_id: c.consumerId,
    app_name: c.appName,
    app_type: c.appType,
    description: c.description,
    developer_email: c.developerEmail,
    redirect_url: c.redirectUrl,
    created_by_user_id: c.createdByUserId,
    created_by_user: creator
      ? {
          user_id: creator.userId,
          email: creator.email,
          provider_id: creator.providerId,
          provider: creator.provider,
          username: creator.username,
        }
      : null,
    enabled: c.enabled,
    created: obpDate(c.createdAt),
  };
}

export function metricJson(m: Metric) {
  return {
    user_id: m.userId,
    url: m.url,
    date: obpDate(m.date),
    user_name: m.userName,
    app_name: m.appName,
    developer_email: m.developerEmail,
    implemented_by_partial_function: m.implementedByPartialFunction,
    implemented_in_version: m.implementedInVersion,
    consumer_id: m.consumerId,
    verb: m.verb,
    correlation_id: m.correlationId,
    duration: m.duration,
  };
}

/** ProductJsonV210; the import carries no details or description unless the file adds them. */
export function productJson(document: unknown) {
  const p = document as Partial<StoredProduct>;
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  return {
    bank_id: text(p.bank_id),
    code: text(p.code),
    name: text(p.name),
    category: text(p.category),
    family: text(p.family),
    super_family: text(p.super_family),
    more_info_url: text(p.more_info_url),
    details: text(p.details),
    description: text(p.description),
    meta: metaJson(p),
  };
}

export function customerJsonV210(c: Customer) {
  return {
    bank_id: c.bankId,
    customer_id: c.customerId,
    customer_number: c.customerNumber,
    legal_name: c.legalName,
    mobile_phone_number: c.mobilePhoneNumber,
    email: c.email,
    face_image: { url: c.faceImage.url, date: obpDate(c.faceImage.date) },
    date_of_birth: obpDate(c.dateOfBirth),
    relationship_status: c.relationshipStatus,
    dependants: c.dependants,
    dob_of_dependants: c.dobOfDependants.map(obpDate),
    credit_rating: { rating: c.creditRating.rating, source: c.creditRating.source },
    credit_limit: { currency: c.creditLimit.currency, amount: c.creditLimit.amount },
    highest_education_attained: c.highestEducationAttained,
    employment_status: c.employmentStatus,
    kyc_status: c.kycStatus,
    last_ok_date: obpDate(c.lastOkDate),
  };
}

/** The fields of a stored transaction request the v2.1.0 JSON shows (TransactionRequestWithChargeJSON210). */
export interface TransactionRequestView {
  transaction_request_id: string;
  type: string;
  bank_id: string;
  account_id: string;
  details: string;
  transaction_id: string;
  status: string;
  start_date: number | bigint;
  end_date: number | bigint;
  challenge_id: string;
  challenge_allowed_attempts: number | bigint;
  challenge_type: string;
  charge_summary: string;
  charge_currency: string;
  charge_amount: string;
}

/** `transaction_ids` is one element, `""` while INITIATED; a request without a challenge shows `null` (§11.8). */
export function transactionRequestJson(r: TransactionRequestView) {
  return {
    id: r.transaction_request_id,
    type: r.type,
    from: { bank_id: r.bank_id, account_id: r.account_id },
    details: JSON.parse(r.details) as unknown,
    transaction_ids: [r.transaction_id],
    status: r.status,
    start_date: obpDate(Number(r.start_date)),
    end_date: obpDate(Number(r.end_date)),
    challenge:
      r.challenge_id === ''
        ? null
        : { id: r.challenge_id, allowed_attempts: Number(r.challenge_allowed_attempts), challenge_type: r.challenge_type },
    charge: { summary: r.charge_summary, value: { currency: r.charge_currency, amount: r.charge_amount } },
  };
}

/** What OBP v2.1.0's createTransactionType answers: its internal model as is, camelCase keys and typed ids (Q12). */
export function transactionTypeJsonV210(t: TransactionType) {
  return {
    id: { value: t.transactionTypeId },
    bankId: { value: t.bankId },
    shortCode: t.shortCode,
    summary: t.summary,
    description: t.description,
    charge: { currency: t.chargeCurrency, amount: t.chargeAmount.toString() },
  };
}
