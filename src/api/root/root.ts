import { endpoint, type Endpoint } from '../endpoint.js';

export const gitCommit = process.env.OBP_GIT_COMMIT ?? 'unknown';

/** Every OBP version implements its own root, which names that version; the rest is the same. */
function rootOf(version: 'v2.1.0' | 'v2.2.0'): Endpoint {
  return endpoint({
    operationId: `OBP${version}-root`,
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
        version,
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
        version,
        version_status: 'STABLE',
        git_commit: gitCommit,
        connector: 'mapped',
        hosted_by: config.props.hostedBy,
      }),
  });
}

export const root = rootOf('v2.1.0');
export const rootV220 = rootOf('v2.2.0');
