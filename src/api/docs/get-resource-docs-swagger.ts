import { endpoint } from '../endpoint.js';
import { apiDocument } from './api-document.js';

export const getResourceDocsSwagger = endpoint({
  operationId: 'OBPv1.4.0-getResourceDocsSwagger',
  verb: 'GET',
  path: '/resource-docs/API_VERSION/swagger',
  summary: 'Get Swagger documentation',
  description: `Returns documentation about the RESTful resources on this server as a Swagger 2.0 document.

API_VERSION is the version you want documentation about, e.g. \`v2.1.0\`.

The same filters as the resource docs apply: \`tags\` (e.g. \`?tags=Account,Bank\`), \`functions\` (e.g. \`?functions=getBanks,bankById\`), \`content\` and \`locale\`.

The same document in OpenAPI 3.1, with the same filters, is at \`GET /resource-docs/API_VERSION/openapi\` (e.g. \`/obp/v2.1.0/resource-docs/v2.1.0/openapi\`): it adds the OAuth 1.0a security scheme and each endpoint's required roles (\`x-obp-roles\`).

See the Resource Docs endpoint for more information.`,
  tags: ['Documentation', 'API'],
  style: 'new',
  auth: 'none',
  errors: ['OBP-00027', 'OBP-00008', 'OBP-10041', 'OBP-50000'],
  example: {},
  successStatus: 200,
  // Nothing to wait for: the document comes from the declarations (and is cached).
  handler: (ctx) =>
    Promise.resolve(apiDocument('swagger', ctx.endpoints, ctx.params.API_VERSION, ctx.query, ctx.config.hostname)),
});
