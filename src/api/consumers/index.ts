import type { Endpoint } from '../endpoint.js';

export const consumersEndpoints: readonly Endpoint[] = [];
