import type { Endpoint } from '../endpoint.js';

export const metricsEndpoints: readonly Endpoint[] = [];
