/**
 * JSON shapes of OBP v1.4.0 still served by v2.1.0: branches, ATMs, CRM events. They read the stored
 * documents (src/domain/open-data/documents.ts) defensively, since an imported document is kept as sent.
 */
import type { StoredAddress, StoredAtm, StoredBranch, StoredCrmEvent, StoredLicense } from '../domain/open-data/documents.js';
import { obpDate, parseObpFilterDate } from './dates.js';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const number = (value: unknown): number => (typeof value === 'number' ? value : 0);

function addressJson(a: Partial<StoredAddress> | undefined) {
  return {
    line_1: text(a?.line_1),
    line_2: text(a?.line_2),
    line_3: text(a?.line_3),
    city: text(a?.city),
    state: text(a?.state),
    postcode: text(a?.post_code),
    country: text(a?.country_code),
  };
}

function locationJson(l: { latitude?: unknown; longitude?: unknown } | undefined) {
  return { latitude: number(l?.latitude), longitude: number(l?.longitude) };
}

export function metaJson(doc: Partial<StoredLicense>) {
  return { license: { id: text(doc.meta?.license?.id), name: text(doc.meta?.license?.name) } };
}

function hours(value: { hours?: unknown } | null | undefined) {
  return { hours: text(value?.hours) };
}

/** BranchJson: `branch_routing` is empty unless the document names one (the bodies carry none). */
export function branchJson(document: unknown) {
  const b = document as Partial<StoredBranch> & { branch_routing?: { scheme?: unknown; address?: unknown } };
  return {
    id: text(b.id),
    name: text(b.name),
    address: addressJson(b.address),
    location: locationJson(b.location),
    lobby: hours(b.lobby),
    drive_up: hours(b.driveUp ?? b.drive_up),
    meta: metaJson(b),
    branch_routing: { scheme: text(b.branch_routing?.scheme), address: text(b.branch_routing?.address) },
  };
}

export function atmJson(document: unknown) {
  const a = document as Partial<StoredAtm>;
  return {
    id: text(a.id),
    name: text(a.name),
    address: addressJson(a.address),
    location: locationJson(a.location),
    meta: metaJson(a),
  };
}

/** The import carries no scheduled date or result: `null` and "" as OBP renders unset values. */
export function crmEventJson(document: unknown) {
  const e = document as Partial<StoredCrmEvent> & { scheduled_date?: unknown; result?: unknown };
  const date = (value: unknown) => {
    const ms = typeof value === 'string' ? parseObpFilterDate(value) : undefined;
    return ms === undefined ? null : obpDate(ms);
  };
  return {
    id: text(e.id),
    bank_id: text(e.bank_id),
    customer_name: text(e.customer?.name),
    customer_number: text(e.customer?.number),
    category: text(e.category),
    detail: text(e.detail),
    channel: text(e.channel),
    scheduled_date: date(e.scheduled_date),
    actual_date: date(e.actual_date),
    result: text(e.result),
  };
}
