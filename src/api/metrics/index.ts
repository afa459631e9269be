import type { Endpoint } from '../endpoint.js';
import { getMetrics } from './get-metrics.js';

export const metricsEndpoints: readonly Endpoint[] = [getMetrics];
