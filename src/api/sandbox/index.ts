import type { Endpoint } from '../endpoint.js';

export const sandboxEndpoints: readonly Endpoint[] = [];
