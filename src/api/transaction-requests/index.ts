import type { Endpoint } from '../endpoint.js';
import { answerTransactionRequestChallenge } from './answer.js';
import {
  createTransactionRequestCounterparty,
  createTransactionRequestFreeForm,
  createTransactionRequestSandboxTan,
  createTransactionRequestSepa,
} from './create.js';
import { getTransactionRequests, getTransactionRequestTypes, getTransactionRequestTypesSupportedByBank } from './lists.js';

export const transactionRequestsEndpoints: readonly Endpoint[] = [
  getTransactionRequestTypes,
  getTransactionRequestTypesSupportedByBank,
  createTransactionRequestSandboxTan,
  createTransactionRequestCounterparty,
  createTransactionRequestSepa,
  createTransactionRequestFreeForm,
  answerTransactionRequestChallenge,
  getTransactionRequests,
];
