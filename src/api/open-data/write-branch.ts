/**
 * createBranch and updateBranch: upserts of one branch at the path's bank. OBP stores the branch
 * under the body's bank_id (quirk Q13), which would let a role at one bank write branches at another;
 * here a body bank_id other than BANK_ID is refused.
 */
import { Type, type Static } from '@sinclair/typebox';
import { branchDocument, type BranchInput } from '../../domain/open-data/documents.js';
import { ObpError, obpError } from '../../errors/obp-error.js';
import { branchJson } from '../../json/v140.js';
import type { Store } from '../../store/index.js';
import { endpoint } from '../endpoint.js';
import { exampleBranch, exampleBranchPost, exampleBranchPut } from './examples.js';

// OBP keeps these in 255-character columns; longer values are refused rather than truncated
const text = Type.String({ maxLength: 255 });
const hours = Type.Object({ hours: Type.String({ maxLength: 2000 }) });

const branchFields = {
  bank_id: text,
  name: text,
  address: Type.Object({
    line_1: text,
    line_2: text,
    line_3: text,
    city: text,
    state: text,
    postcode: text,
    country: text,
  }),
  location: Type.Object({ latitude: Type.Number(), longitude: Type.Number() }),
  meta: Type.Object({ license: Type.Object({ id: text, name: text }) }),
  lobby: hours,
  drive_up: hours,
};

const BranchPutBody = Type.Object(branchFields);
const BranchPostBody = Type.Object({ id: text, ...branchFields });

const sameBank = ' BANK_ID has to be the same in the URL and Body';

async function saveBranch(store: Store, bankId: string, branchId: string, body: Static<typeof BranchPutBody>) {
  if (body.bank_id !== bankId) throw obpError('OBP-10035', sameBank);
  const document = branchDocument(bankId, branchId, body satisfies BranchInput);
  await store.documents.upsert('branch', bankId, branchId, document);
  return branchJson(document);
}

const bodyRules = [
  '',
  'The body bank_id must equal BANK_ID (else OBP-10035); the branch is always stored at BANK_ID.',
  'Text fields take at most 255 characters, opening hours at most 2000.',
  'Branches whose license id or name is empty are stored but not served by the GET endpoints.',
];

export const createBranch = endpoint({
  operationId: 'OBPv2.1.0-createBranch',
  verb: 'POST',
  path: '/banks/BANK_ID/branches',
  summary: 'Create Branch',
  description: [
    'Create a branch for the bank specified by BANK_ID, or replace the branch with the body id there.',
    'The id must not be empty.',
    ...bodyRules,
    '',
    'Authentication is required; the CanCreateBranch entitlement at BANK_ID is required (else OBP-30209).',
  ].join('\n'),
  tags: ['Branch', 'Open-Data', 'Old-Style'],
  style: 'old',
  auth: 'user',
  roles: { anyOf: [['CanCreateBranch']], check: 'handler', condition: 'missing: 400 OBP-30209, as OBP answers' },
  errors: ['OBP-10001', 'OBP-30001', 'OBP-30209', 'OBP-10035', 'OBP-50000'],
  body: BranchPostBody,
  example: { request: exampleBranchPost, response: exampleBranch },
  successStatus: 201,
  handler: async (ctx) => {
    const { store, body, params } = ctx;
    ctx.user();
    if (body.id === '') throw obpError('OBP-10001', ' id must not be empty');
    if (!(await store.banks.exists(params.BANK_ID))) throw obpError('OBP-30001');
    try {
      await ctx.requireRoles();
    } catch (err) {
      if (err instanceof ObpError && err.code === 'OBP-20006') throw obpError('OBP-30209');
      throw err;
    }
    return saveBranch(store, params.BANK_ID, body.id, body);
  },
});

export const updateBranch = endpoint({
  operationId: 'OBPv2.1.0-updateBranch',
  verb: 'PUT',
  path: '/banks/BANK_ID/branches/BRANCH_ID',
  summary: 'Update Branch',
  description: [
    'Update the branch specified by BANK_ID and BRANCH_ID with the posted data, or create it if missing.',
    ...bodyRules,
    '',
    'Authentication is required; the CanUpdateBranch entitlement at BANK_ID is required.',
  ].join('\n'),
  tags: ['Branch', 'Old-Style'],
  style: 'old',
  auth: 'user',
  roles: { anyOf: [['CanUpdateBranch']], check: 'handler', condition: 'checked after the bank is found' },
  errors: ['OBP-10001', 'OBP-30001', 'OBP-10035', 'OBP-50000'],
  body: BranchPutBody,
  example: { request: exampleBranchPut, response: exampleBranch },
  successStatus: 201,
  handler: async (ctx) => {
    const { store, body, params } = ctx;
    ctx.user();
    if (params.BRANCH_ID.length > 255) throw obpError('OBP-10001', ' BRANCH_ID is longer than 255 characters');
    if (!(await store.banks.exists(params.BANK_ID))) throw obpError('OBP-30001');
    await ctx.requireRoles();
    return saveBranch(store, params.BANK_ID, params.BRANCH_ID, body);
  },
});
