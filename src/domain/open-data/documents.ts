/**
 * Branches, ATMs, products and CRM events as the store keeps them: in the sandbox import's format
 * (`address.post_code`, `address.country_code`, `driveUp`), whether imported or written through the
 * API, so one mapper serves both. An imported document may carry keys of its own beyond these.
 */

export interface StoredAddress {
  line_1: string;
  line_2: string;
  line_3: string;
  city: string;
  county: string;
  state: string;
  post_code: string;
  country_code: string;
}

export interface StoredLicense {
  meta: { license: { id: string; name: string } };
}

export interface StoredBranch extends StoredLicense {
  id: string;
  bank_id: string;
  name: string;
  address: StoredAddress;
  location: { latitude: number; longitude: number };
  lobby?: { hours: string } | null;
  driveUp?: { hours: string } | null;
  /** OBP's own example import file spells it this way; read when `driveUp` is absent */
  drive_up?: { hours: string } | null;
}

export interface StoredAtm extends StoredLicense {
  id: string;
  bank_id: string;
  name: string;
  address: StoredAddress;
  location: { latitude: number; longitude: number };
}

export interface StoredProduct extends StoredLicense {
  bank_id: string;
  code: string;
  name: string;
  category: string;
  family: string;
  super_family: string;
  more_info_url: string;
  details?: string;
  description?: string;
}

export interface StoredCrmEvent {
  id: string;
  bank_id: string;
  customer: { name: string; number: string };
  category: string;
  detail: string;
  channel: string;
  /** yyyy-MM-dd'T'HH:mm:ss.SSS'Z', as imported */
  actual_date: string;
}

/** The branch (and address) as the v2.1.0 create and update bodies carry them. */
export interface BranchInput {
  name: string;
  address: { line_1: string; line_2: string; line_3: string; city: string; state: string; postcode: string; country: string };
  location: { latitude: number; longitude: number };
  meta: { license: { id: string; name: string } };
  lobby: { hours: string };
  drive_up: { hours: string };
}

/** The stored document of a branch written through the API; the bank is always the path's. */
export function branchDocument(bankId: string, branchId: string, input: BranchInput): StoredBranch {
  const a = input.address;
  return {
    id: branchId,
    bank_id: bankId,
    name: input.name,
    address: {
      line_1: a.line_1,
      line_2: a.line_2,
      line_3: a.line_3,
      city: a.city,
      county: '',
      state: a.state,
      post_code: a.postcode,
      country_code: a.country,
    },
    location: { latitude: input.location.latitude, longitude: input.location.longitude },
    meta: { license: { id: input.meta.license.id, name: input.meta.license.name } },
    lobby: { hours: input.lobby.hours },
    driveUp: { hours: input.drive_up.hours },
  };
}

/**
 * OBP serves open data only under a licence: a branch, ATM or product whose licence id or name is
 * empty is left out of lists and answered as not found ("License may not be set").
 */
export function hasLicense(doc: unknown): boolean {
  const license = (doc as Partial<StoredLicense> | null)?.meta?.license;
  return typeof license?.id === 'string' && license.id !== '' && typeof license.name === 'string' && license.name !== '';
}
