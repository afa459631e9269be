import type { Endpoint } from '../endpoint.js';
import { elasticSearchMetrics, elasticSearchWarehouse } from './search.js';

export const searchEndpoints: readonly Endpoint[] = [elasticSearchWarehouse, elasticSearchMetrics];
