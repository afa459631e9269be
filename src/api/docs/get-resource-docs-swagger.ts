import { filterEndpoints } from '../../docs/resource-docs.js';
import { swaggerDocument } from '../../docs/swagger.js';
import { endpoint } from '../endpoint.js';
import { cached, servedEndpoints } from './docs-source.js';
import { checkLocale, parseDocsQuery, requestedVersion } from './docs-query.js';

export const getResourceDocsSwagger = endpoint({
  operationId: 'OBPv1.4.0-getResourceDocsSwagger',
  verb: 'GET',
  path: '/resource-docs/API_VERSION/swagger',
  summary: 'Get Swagger documentation',
  description: `Returns documentation about the RESTful resources on this server as a Swagger 2.0 document.

API_VERSION is the version you want documentation about, e.g. \`v2.1.0\`.

The same filters as the resource docs apply: \`tags\` (e.g. \`?tags=Account,Bank\`), \`functions\` (e.g. \`?functions=getBanks,bankById\`), \`content\` and \`locale\`.

See the Resource Docs endpoint for more information.`,
  tags: ['Documentation', 'API'],
  style: 'new',
  auth: 'none',
  errors: ['OBP-00027', 'OBP-00008', 'OBP-10041', 'OBP-50000'],
  example: {},
  successStatus: 200,
  // Nothing to wait for: the document comes from the declarations (and is cached).
  handler: (ctx) => {
    const version = requestedVersion(ctx.params.API_VERSION, ` Current Version is ${ctx.params.API_VERSION}`);
    const query = parseDocsQuery(ctx.query);
    checkLocale(query.locale);
    const served = query.apiCollectionId === undefined ? servedEndpoints(ctx.endpoints, version) : [];
    const hostname = ctx.config.hostname;
    return Promise.resolve(
      cached(ctx.endpoints, ['swagger', version, hostname, query.apiCollectionId !== undefined, query.filters], () =>
        swaggerDocument(filterEndpoints(served, query.filters), { version, hostname }),
      ),
    );
  },
});
