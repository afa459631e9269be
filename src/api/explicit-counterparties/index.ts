import type { Endpoint } from '../endpoint.js';
import {
  createCounterparty,
  getExplicitCounterpartiesForAccount,
  getExplicitCounterpartyById,
} from './explicit-counterparties.js';

export const explicitCounterpartiesEndpoints: readonly Endpoint[] = [
  createCounterparty,
  getExplicitCounterpartiesForAccount,
  getExplicitCounterpartyById,
];
