import { endpoint } from '../endpoint.js';

export const gitCommit = process.env.OBP_GIT_COMMIT ?? 'unknown';

export const root = endpoint({
  operationId: 'OBPv2.1.0-root',
  verb: 'GET',
  path: '/root',
  summary: 'Get API Info (root)',
  description:
    'Returns information about this API instance: version, version status, git commit, connector and who hosts it. Also served on the bare version prefix.',
  tags: ['API'],
  style: 'new',
  auth: 'none',
  errors: ['OBP-50000'],
  example: {
    response: {
      version: 'v2.1.0',
      version_status: 'STABLE',
      git_commit: '59623811dd7c9b5b4d2e9cb6ad7a7e7cd4ac8f9f',
      connector: 'mapped',
      hosted_by: {
        organisation: 'TESOBE',
        email: 'contact@tesobe.com',
        phone: '+49 (0)30 8145 3994',
        organisation_website: 'https://www.tesobe.com',
      },
    },
  },
  successStatus: 200,
  handler: ({ config }) =>
    Promise.resolve({
      version: 'v2.1.0',
      version_status: 'STABLE',
      git_commit: gitCommit,
      connector: 'mapped',
      hosted_by: config.props.hostedBy,
    }),
});
