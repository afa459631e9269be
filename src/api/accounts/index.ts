import type { Endpoint } from '../endpoint.js';

export const accountsEndpoints: readonly Endpoint[] = [];
