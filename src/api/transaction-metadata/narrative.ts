/** The narrative (owner comment): one per transaction, shared by every view (§9.3). */
import { Type } from '@sinclair/typebox';
import { stringOrNull } from '../../json/v121.js';
import { text } from '../body-fields.js';
import { endpoint } from '../endpoint.js';
import { metadataPath, metadataScope } from './scope.js';

const NarrativeBody = Type.Object({ narrative: text });
const path = `${metadataPath}/narrative` as const;
const tags = ['Transaction-Metadata', 'Transaction'];
const readErrors = ['OBP-20001', 'OBP-30001', 'OBP-30018', 'OBP-20017', 'OBP-30067', 'OBP-30022', 'OBP-50000'] as const;

export const getTransactionNarrative = endpoint({
  operationId: 'OBPv1.2.1-getTransactionNarrative',
  verb: 'GET',
  path,
  summary: 'Get a Transaction Narrative',
  description:
    'Returns the narrative (owner comment) of the transaction, through a view that can see it. Never set or deleted → null.',
  tags,
  style: 'new',
  auth: 'user',
  errors: [...readErrors],
  example: { response: { narrative: 'narative' } },
  successStatus: 200,
  handler: async (ctx) => {
    const { key } = await metadataScope(ctx, 'can_see_owner_comment');
    return { narrative: stringOrNull(await ctx.store.transactionMetadata.narrative(key)) };
  },
});

function writeNarrative(verb: 'POST' | 'PUT') {
  const add = verb === 'POST';
  return endpoint({
    operationId: add ? 'OBPv1.2.1-addTransactionNarrative' : 'OBPv1.2.1-updateTransactionNarrative',
    verb,
    path,
    summary: add ? 'Add a Transaction Narrative' : 'Update a Transaction Narrative',
    description: `${add ? 'Sets' : 'Overwrites'} the narrative of the transaction, through a view with \`can_edit_owner_comment\`.`,
    tags,
    style: 'new',
    auth: 'user',
    errors: ['OBP-10001', ...readErrors],
    body: NarrativeBody,
    example: { request: { narrative: 'narative' }, response: { success: 'Success' } },
    successStatus: add ? 201 : 200,
    handler: async (ctx) => {
      const { key } = await metadataScope(ctx, 'can_edit_owner_comment');
      await ctx.store.transactionMetadata.setNarrative(key, ctx.body.narrative);
      return { success: add ? 'narrative added' : 'narrative updated' };
    },
  });
}

export const addTransactionNarrative = writeNarrative('POST');
export const updateTransactionNarrative = writeNarrative('PUT');

export const deleteTransactionNarrative = endpoint({
  operationId: 'OBPv1.2.1-deleteTransactionNarrative',
  verb: 'DELETE',
  path,
  summary: 'Delete a Transaction Narrative',
  description: 'Clears the narrative of the transaction, through a view with `can_edit_owner_comment`.',
  tags,
  style: 'new',
  auth: 'user',
  errors: [...readErrors],
  example: {},
  successStatus: 204,
  handler: async (ctx) => {
    const { key } = await metadataScope(ctx, 'can_edit_owner_comment');
    await ctx.store.transactionMetadata.setNarrative(key, '');
    return undefined;
  },
});
