import type { Endpoint } from '../endpoint.js';
import {
  getOtherAccountByIdForBankAccount,
  getOtherAccountForTransaction,
  getOtherAccountMetadata,
  getOtherAccountsForBankAccount,
} from './other-accounts.js';

export const counterpartiesEndpoints: readonly Endpoint[] = [
  getOtherAccountsForBankAccount,
  getOtherAccountByIdForBankAccount,
  getOtherAccountForTransaction,
  getOtherAccountMetadata,
];
