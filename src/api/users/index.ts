import type { Endpoint } from '../endpoint.js';

export const usersEndpoints: readonly Endpoint[] = [];
