import { resourceDocsJson, filterEndpoints } from '../../docs/resource-docs.js';
import { endpoint } from '../endpoint.js';
import { cached, servedEndpoints } from './docs-source.js';
import { checkLocale, parseDocsQuery, requestedVersion } from './docs-query.js';

export const getResourceDocsObp = endpoint({
  operationId: 'OBPv1.4.0-getResourceDocsObp',
  verb: 'GET',
  path: '/resource-docs/API_VERSION/obp',
  summary: 'Get Resource Docs.',
  description: `Get documentation about the RESTful resources on this server, including example bodies, typed (JSON schema) bodies, possible errors and required roles.

API_VERSION is the version you want documentation about, e.g. \`v2.1.0\` (also \`OBPv2.1.0\`). The docs of a version list every endpoint that version serves.

You may filter the docs:

* \`tags\`: keep endpoints having any of the tags, e.g. \`?tags=Account,Bank\`
* \`functions\`: keep endpoints implemented by these functions, e.g. \`?functions=getBanks,bankById\` (see \`implemented_by.function\`)
* \`content\`: \`static\`, \`dynamic\` or \`all\`
* \`locale\` (or \`language\`): \`en_GB\` or \`es_ES\`

Empty filters are ignored. When the property resource_docs_requires_role is set, the caller must be logged in and hold **CanReadResourceDoc**.`,
  tags: ['Documentation', 'API'],
  style: 'new',
  // Login is only needed when resource_docs_requires_role is set; the handler checks it.
  auth: 'none',
  roles: { anyOf: [['CanReadResourceDoc']], check: 'handler', condition: 'only when props resource_docs_requires_role=true' },
  errors: ['OBP-20001', 'OBP-20006', 'OBP-00027', 'OBP-00008', 'OBP-10041', 'OBP-50000'],
  example: {},
  successStatus: 200,
  handler: async (ctx) => {
    if (ctx.config.props.resourceDocsRequiresRole) {
      ctx.user();
      await ctx.requireRoles();
    }
    const version = requestedVersion(ctx.params.API_VERSION, ` ${ctx.params.API_VERSION}`);
    const query = parseDocsQuery(ctx.query);
    checkLocale(query.locale);
    if (query.apiCollectionId !== undefined) return { resource_docs: [] };
    const served = servedEndpoints(ctx.endpoints, version);
    return cached(ctx.endpoints, ['obp', version, query.filters], () =>
      resourceDocsJson(filterEndpoints(served, query.filters), version),
    );
  },
});
