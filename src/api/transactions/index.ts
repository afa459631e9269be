import type { Endpoint } from '../endpoint.js';
import {
  getCoreTransactionsForBankAccount,
  getTransactionByIdForBankAccount,
  getTransactionsForBankAccount,
} from './transactions.js';

export const transactionsEndpoints: readonly Endpoint[] = [
  getTransactionsForBankAccount,
  getTransactionByIdForBankAccount,
  getCoreTransactionsForBankAccount,
];
