import type { Endpoint } from '../endpoint.js';

export const docsEndpoints: readonly Endpoint[] = [];
