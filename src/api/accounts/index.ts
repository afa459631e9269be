import type { Endpoint } from '../endpoint.js';
import { accountById, getCoreAccountById } from './account-detail.js';
import {
  corePrivateAccountsAllBanks,
  getPrivateAccountsAllBanks,
  getPrivateAccountsAtOneBank,
  privateAccountsAtOneBank,
  publicAccountsAllBanks,
  publicAccountsAtOneBank,
} from './account-lists.js';
import { createAccount } from './create-account.js';
import { updateAccountLabel } from './update-account-label.js';

export const accountsEndpoints: readonly Endpoint[] = [
  createAccount,
  updateAccountLabel,
  accountById,
  getCoreAccountById,
  getPrivateAccountsAllBanks,
  corePrivateAccountsAllBanks,
  publicAccountsAllBanks,
  getPrivateAccountsAtOneBank,
  privateAccountsAtOneBank,
  publicAccountsAtOneBank,
];
