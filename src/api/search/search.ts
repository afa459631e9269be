/**
 * OBP's Elasticsearch proxies. This server has no Elasticsearch: it answers as OBP does with its
 * `allow_elasticsearch` prop false (the default), after the login and role checks OBP makes first.
 * OBP matches one more path segment than its docs show (`/search/warehouse/QUERY`); so do the routes.
 */
import { obpAnswer } from '../../errors/obp-error.js';
import { endpoint } from '../endpoint.js';

const disabledNote = [
  '',
  'Elasticsearch is not available on this server (OBP with `allow_elasticsearch=false`): after the login and',
  'role checks every query is answered 404 `OBP-20056: Elasticsearch is disabled for this API instance.`',
  'The query is one more path segment, e.g. `GET /search/warehouse/q=findThis`.',
].join('\n');

const disabled = () => Promise.reject(obpAnswer('OBP-20056', 404));

export const elasticSearchWarehouse = endpoint({
  operationId: 'OBPv2.0.0-elasticSearchWarehouse',
  verb: 'GET',
  path: '/search/warehouse',
  route: '/search/warehouse/QUERY',
  summary: 'Search Warehouse Data Via Elasticsearch',
  description: [
    'Search warehouse data via Elastic Search.',
    '',
    'Login is required. CanSearchWarehouse entitlement is required to search warehouse data!',
    disabledNote,
  ].join('\n'),
  tags: ['Data-Warehouse', 'Old-Style'],
  style: 'old',
  auth: 'user',
  roles: { anyOf: [['CanSearchWarehouse']], check: 'auto' },
  errors: ['OBP-30001', 'OBP-20056', 'OBP-50000'],
  example: { response: {} },
  successStatus: 200,
  handler: disabled,
});

export const elasticSearchMetrics = endpoint({
  operationId: 'OBPv2.0.0-elasticSearchMetrics',
  verb: 'GET',
  path: '/search/metrics',
  route: '/search/metrics/QUERY',
  summary: 'Search API Metrics via Elasticsearch',
  description: [
    'Search the API calls made to this API instance via Elastic Search.',
    '',
    'Login is required. CanSearchMetrics entitlement is required to search metrics data.',
    disabledNote,
  ].join('\n'),
  tags: ['Metric', 'API', 'Old-Style'],
  style: 'old',
  auth: 'user',
  roles: { anyOf: [['CanSearchMetrics']], check: 'auto' },
  errors: ['OBP-20056', 'OBP-50000'],
  example: { response: {} },
  successStatus: 200,
  handler: disabled,
});
