/** Domain records as the rest of the code sees them: plain data, exact money (bigint minor units). */

export interface Bank {
  bankId: string;
  shortName: string;
  fullName: string;
  logo: string;
  website: string;
  nationalIdentifier: string;
  swiftBic: string;
  bankRoutingScheme: string;
  bankRoutingAddress: string;
}

export interface User {
  userId: string;
  provider: string;
  providerId: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  validated: boolean;
  badLoginAttempts: number;
  locked: boolean;
}

export interface UserWithPassword extends User {
  passwordHash: string;
}

export interface Consumer {
  consumerId: number;
  key: string;
  secret: string;
  appName: string;
  appType: string;
  description: string;
  developerEmail: string;
  redirectUrl: string;
  company: string;
  createdByUserId: string;
  enabled: boolean;
  createdAt: number;
}

export interface Entitlement {
  entitlementId: string;
  userId: string;
  bankId: string;
  roleName: string;
}

export interface Account {
  bankId: string;
  accountId: string;
  number: string;
  kind: string;
  label: string;
  currency: string;
  /** minor units of `currency` */
  balance: bigint;
  holderName: string;
  iban: string;
  swiftBic: string;
  routingScheme: string;
  routingAddress: string;
}

/** An account without what payments change: what a transaction or a counterparty shows of it. */
export type AccountDescription = Omit<Account, 'balance'>;

export interface AccountRef {
  bankId: string;
  accountId: string;
}

export interface Transaction {
  bankId: string;
  accountId: string;
  transactionId: string;
  kind: string;
  description: string;
  currency: string;
  amount: bigint;
  newBalance: bigint;
  postedAt: number;
  completedAt: number;
  counterpartyId: string;
  counterpartyName: string;
  counterpartyAccountNumber: string;
  counterpartyIban: string;
  counterpartyBankName: string;
  counterpartyKind: string;
}

export interface Metric {
  date: number;
  userId: string;
  userName: string;
  developerEmail: string;
  appName: string;
  consumerId: string;
  url: string;
  verb: string;
  implementedByPartialFunction: string;
  implementedInVersion: string;
  correlationId: string;
  duration: number;
  status: number;
}
