import type { Endpoint } from '../endpoint.js';
import { createTransactionType, getTransactionTypes } from './transaction-types.js';

export const transactionTypesEndpoints: readonly Endpoint[] = [getTransactionTypes, createTransactionType];
