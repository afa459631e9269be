import type { Endpoint } from '../endpoint.js';

export const entitlementsEndpoints: readonly Endpoint[] = [];
