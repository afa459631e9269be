import { obpError } from '../../errors/obp-error.js';
import { endpoint } from '../endpoint.js';
import { checkLocale, parseDocsQuery, requestedVersion } from './docs-query.js';

export const getBankLevelDynamicResourceDocsObp = endpoint({
  operationId: 'OBPv1.4.0-getBankLevelDynamicResourceDocsObp',
  verb: 'GET',
  path: '/banks/BANK_ID/resource-docs/API_VERSION/obp',
  summary: 'Get Bank Level Dynamic Resource Docs.',
  description: `Get the resource docs of the dynamic endpoints defined at the bank BANK_ID, in the same format as the resource docs.

This server defines no dynamic endpoints, so the list is empty for every existing bank.

API_VERSION is the version you want documentation about, e.g. \`v2.1.0\`. The \`tags\`, \`functions\`, \`content\` and \`locale\` filters of the resource docs are accepted.

When the property resource_docs_requires_role is set, the caller must be logged in and hold **CanReadDynamicResourceDocsAtOneBank** at BANK_ID.`,
  tags: ['Documentation', 'API'],
  style: 'new',
  // Login is only needed when resource_docs_requires_role is set; the handler checks it.
  auth: 'none',
  roles: {
    anyOf: [['CanReadDynamicResourceDocsAtOneBank']],
    check: 'handler',
    condition: 'only when props resource_docs_requires_role=true',
  },
  errors: ['OBP-20001', 'OBP-10041', 'OBP-30001', 'OBP-20006', 'OBP-00027', 'OBP-00008', 'OBP-50000'],
  example: {},
  successStatus: 200,
  // OBP's order: login, locale, bank, role at the bank, then the version.
  handler: async (ctx) => {
    const requiresRole = ctx.config.props.resourceDocsRequiresRole;
    if (requiresRole) ctx.user();
    checkLocale(parseDocsQuery(ctx.query).locale);
    if (!(await ctx.store.banks.get(ctx.params.BANK_ID))) throw obpError('OBP-30001');
    if (requiresRole) await ctx.requireRoles();
    requestedVersion(ctx.params.API_VERSION, ` ${ctx.params.API_VERSION}`);
    return { resource_docs: [] };
  },
});
