/** Customer records (OBP's Customer, UserCustomerLink and KYC records): dates are epoch milliseconds. */

export interface Customer {
  customerId: string;
  bankId: string;
  customerNumber: string;
  legalName: string;
  mobilePhoneNumber: string;
  email: string;
  faceImage: { url: string; date: number };
  dateOfBirth: number;
  relationshipStatus: string;
  dependants: number;
  dobOfDependants: number[];
  creditRating: { rating: string; source: string };
  /** `amount` is an exact decimal string (never a float), kept as posted */
  creditLimit: { currency: string; amount: string };
  highestEducationAttained: string;
  employmentStatus: string;
  kycStatus: boolean;
  lastOkDate: number;
}

export interface UserCustomerLink {
  userCustomerLinkId: string;
  userId: string;
  customerId: string;
  dateInserted: number;
  isActive: boolean;
}

export type KycKind = 'check' | 'document' | 'media' | 'status';

export interface KycRecord {
  kind: KycKind;
  bankId: string;
  customerId: string;
  recordId: string;
  customerNumber: string;
  /** the kind's own fields (dates as epoch milliseconds) */
  details: Record<string, unknown>;
}

export interface SocialMediaHandle {
  bankId: string;
  customerNumber: string;
  type: string;
  handle: string;
  dateAdded: number;
  dateActivated: number;
}

export interface CustomerMessage {
  messageId: string;
  bankId: string;
  customerId: string;
  message: string;
  fromDepartment: string;
  fromPerson: string;
  date: number;
}
