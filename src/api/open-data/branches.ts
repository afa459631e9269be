import { branchJson } from '../../json/v140.js';
import { endpoint } from '../endpoint.js';
import { licensedDocument, licensedDocuments, openDataAccessText, requireOpenDataAccess } from './access.js';
import { exampleBranch } from './examples.js';
import { pageOf } from '../paging.js';

const access = openDataAccessText('OBP_APIOPTIONS_GETBRANCHESISPUBLIC (apiOptions.getBranchesIsPublic)');

export const getBranches = endpoint({
  operationId: 'OBPv1.4.0-getBranches',
  verb: 'GET',
  path: '/banks/BANK_ID/branches',
  summary: 'Get Bank Branches',
  description: [
    'Returns information about branches for a single bank specified by BANK_ID including:',
    '',
    '* Name',
    '* Address',
    '* Geo Location',
    '* License the data under this endpoint is released under',
    '',
    'Branches whose license id or name is empty are not listed. Ordered by branch id.',
    '',
    'You can use the url query parameters *limit* (default 50) and *offset* (default 0) for pagination.',
    '',
    access,
  ].join('\n'),
  tags: ['Branch', 'Old-Style'],
  style: 'old',
  auth: 'optional',
  errors: ['OBP-20001', 'OBP-30001', 'OBP-10025', 'OBP-10024', 'No branches available. License may not be set.', 'OBP-50000'],
  example: { response: { branches: [exampleBranch] } },
  successStatus: 200,
  handler: async ({ caller, config, store, params, query }) => {
    requireOpenDataAccess(caller, config.props.getBranchesIsPublic);
    return { branches: pageOf(await licensedDocuments(store, 'branch', params.BANK_ID), query).map(branchJson) };
  },
});

export const getBranch = endpoint({
  operationId: 'OBPv2.1.0-getBranch',
  verb: 'GET',
  path: '/banks/BANK_ID/branches/BRANCH_ID',
  summary: 'Get Bank Branch',
  description: [
    'Returns information about a single Branch specified by BANK_ID and BRANCH_ID including:',
    '',
    '* Name',
    '* Address',
    '* Geo Location',
    '* License the data under this endpoint is released under',
    '',
    'A branch whose license id or name is empty is not found (OBP-300010).',
    '',
    access,
  ].join('\n'),
  tags: ['Branch', 'Old-Style'],
  style: 'old',
  auth: 'optional',
  errors: ['OBP-20001', 'OBP-30001', 'OBP-300010', 'OBP-50000'],
  example: { response: exampleBranch },
  successStatus: 200,
  handler: async ({ caller, config, store, params }) => {
    requireOpenDataAccess(caller, config.props.getBranchesIsPublic);
    return branchJson(await licensedDocument(store, 'branch', params.BANK_ID, params.BRANCH_ID, 'OBP-300010'));
  },
});
