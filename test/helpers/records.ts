/** Minimal store records for store-level tests: every field set, nothing that matters to the test. */
import { randomUUID } from 'node:crypto';
import type { Customer } from '../../src/domain/customers/model.js';
import type { Account, Bank } from '../../src/domain/model.js';

export const bankRecord = (bankId: string, shortName = 's'): Bank => ({
  bankId,
  shortName,
  fullName: 'f',
  logo: '',
  website: '',
  nationalIdentifier: '',
  swiftBic: '',
  bankRoutingScheme: '',
  bankRoutingAddress: '',
});

export const accountRecord = (bankId: string, accountId: string, balance = 0n, label = 'label'): Account => ({
  bankId,
  accountId,
  number: accountId,
  kind: 'CURRENT',
  label,
  currency: 'EUR',
  balance,
  holderName: 'h',
  iban: '',
  swiftBic: '',
  routingScheme: '',
  routingAddress: '',
});

/** a local user of provider `p` with the given username */
export const userRecord = (username: string) => ({
  userId: randomUUID(),
  provider: 'p',
  providerId: username,
  username,
  email: `${username}@example.com`,
  firstName: 'f',
  lastName: 'l',
  passwordHash: 'x',
  validated: true,
  badLoginAttempts: 0,
  locked: false,
});

/** an enabled consumer with this key (also its app name) */
export const consumerRecord = (key: string) => ({
  key,
  secret: 's',
  appName: key,
  appType: 'Web',
  description: '',
  developerEmail: '',
  redirectUrl: '',
  company: '',
  createdByUserId: '',
  enabled: true,
});

export const customerRecord = (customerId: string, bankId: string, legalName: string, customerNumber: string): Customer => ({
  customerId,
  bankId,
  customerNumber,
  legalName,
  mobilePhoneNumber: '',
  email: '',
  faceImage: { url: '', date: 0 },
  dateOfBirth: 0,
  relationshipStatus: '',
  dependants: 0,
  dobOfDependants: [],
  creditRating: { rating: '', source: '' },
  creditLimit: { currency: 'EUR', amount: '0' },
  highestEducationAttained: '',
  employmentStatus: '',
  kycStatus: false,
  lastOkDate: 0,
});
