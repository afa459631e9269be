import { metricJson } from '../../json/v210.js';
import { endpoint } from '../endpoint.js';
import { rawQueryParams } from './raw-query.js';
import { durationFormatError, parseMetricFilters } from './metric-filters.js';

const description = `Get the metrics recorded for API calls, newest first. Requires the role CanReadMetrics.

Filters are URL query parameters (exact matches, no wildcards):

1. from_date, e.g. from_date=2017-09-19T02:31:05.000Z (format yyyy-MM-dd'T'HH:mm:ss.SSS'Z'; +0000 style offsets also accepted)
2. to_date, e.g. to_date=2017-09-19T02:31:05.000Z
3. limit (for pagination, default 50), e.g. limit=200
4. offset (for pagination, zero-based, default 0), e.g. offset=10
5. sort_direction (or direction): ASC or DESC by date, default DESC
6. consumer_id
7. user_id
8. anon: true (calls without a user) or false (calls with a user)
9. url (the path and query string of the call)
10. app_name
11. implemented_by_partial_function, e.g. getBanks
12. implemented_in_version, e.g. v1.2.1
13. verb, e.g. GET
14. correlation_id
15. duration (milliseconds)

e.g. /management/metrics?from_date=2017-09-19T02:31:05.000Z&to_date=2017-09-19T02:31:05.000Z&limit=50&offset=2&anon=false&verb=GET`;

export const getMetrics = endpoint({
  operationId: 'OBPv2.1.0-getMetrics',
  verb: 'GET',
  path: '/management/metrics',
  summary: 'Get Metrics',
  description,
  tags: ['Metric', 'API'],
  style: 'new',
  auth: 'user',
  roles: { anyOf: [['CanReadMetrics']], check: 'auto' },
  errors: ['OBP-10023', 'OBP-10026', 'OBP-10025', 'OBP-10024', 'OBP-10028', durationFormatError, 'OBP-50000'],
  example: {
    response: {
      metrics: [
        {
          user_id: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1',
          url: 'www.openbankproject.com',
          date: '1100-01-01T00:00:00Z',
          user_name: 'OBP',
          app_name: 'SOFI',
          developer_email: 'felixsmith@example.com',
          implemented_by_partial_function: 'getBanks',
          implemented_in_version: 'v210',
          consumer_id: '123',
          verb: 'get',
          correlation_id: 'v8ho6h5ivel3uq7a5zcnv0w1',
          duration: 39,
        },
      ],
    },
  },
  successStatus: 200,
  handler: async ({ store, request }) => {
    const { query, matchesNothing } = parseMetricFilters(rawQueryParams(request.url));
    if (matchesNothing) return { metrics: [] };
    return { metrics: (await store.metrics.query(query)).map(metricJson) };
  },
});
