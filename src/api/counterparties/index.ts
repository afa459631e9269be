import type { Endpoint } from '../endpoint.js';
import { metadataFields } from './fields.js';
import { metadataFieldEndpoints } from './metadata-endpoint.js';
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
  ...metadataFields.flatMap(metadataFieldEndpoints),
];
