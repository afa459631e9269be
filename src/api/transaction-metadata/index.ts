import type { Endpoint } from '../endpoint.js';
import {
  addTransactionNarrative,
  deleteTransactionNarrative,
  getTransactionNarrative,
  updateTransactionNarrative,
} from './narrative.js';
import { noteEndpoints } from './notes.js';
import {
  addWhereTagForViewOnTransaction,
  deleteWhereTagForViewOnTransaction,
  getWhereTagForViewOnTransaction,
  updateWhereTagForViewOnTransaction,
} from './where.js';

export const transactionMetadataEndpoints: readonly Endpoint[] = [
  getTransactionNarrative,
  addTransactionNarrative,
  updateTransactionNarrative,
  deleteTransactionNarrative,
  ...noteEndpoints,
  getWhereTagForViewOnTransaction,
  addWhereTagForViewOnTransaction,
  updateWhereTagForViewOnTransaction,
  deleteWhereTagForViewOnTransaction,
];
