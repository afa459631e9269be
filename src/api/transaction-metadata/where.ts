/** The where tag: one location per (transaction, view); POST and PUT both upsert (§9.3). */
import { Type } from '@sinclair/typebox';
import { coordinatesPossible, mayDelete } from '../../domain/transactions/metadata.js';
import { plainError } from '../../errors/obp-error.js';
import { whereTagJson } from '../../json/v121.js';
import { endpoint } from '../endpoint.js';
import { exampleWhere, exampleWhereRequest } from './examples.js';
import { metadataPath, metadataScope } from './scope.js';

const WhereBody = Type.Object({ where: Type.Object({ latitude: Type.Number(), longitude: Type.Number() }) });
const path = `${metadataPath}/where` as const;
const tags = ['Transaction-Metadata', 'Transaction'];
const common = ['OBP-20001', 'OBP-30001', 'OBP-30018', 'OBP-20017', 'OBP-30067', 'OBP-30022', 'OBP-50000'] as const;

export const getWhereTagForViewOnTransaction = endpoint({
  operationId: 'OBPv1.2.1-getWhereTagForViewOnTransaction',
  verb: 'GET',
  path,
  summary: 'Get a Transaction where Tag',
  description: 'Returns the where tag set through this view (`can_see_where_tag`), or null when none is set.',
  tags,
  style: 'new',
  auth: 'user',
  errors: [...common],
  example: { response: exampleWhere },
  successStatus: 200,
  handler: async (ctx) => {
    const { key, view } = await metadataScope(ctx, 'can_see_where_tag');
    return { where: whereTagJson(await ctx.store.transactionMetadata.where(key, view.viewId)) };
  },
});

function writeWhere(verb: 'POST' | 'PUT') {
  const add = verb === 'POST';
  return endpoint({
    operationId: add ? 'OBPv1.2.1-addWhereTagForViewOnTransaction' : 'OBPv1.2.1-updateWhereTagForViewOnTransaction',
    verb,
    path,
    summary: add ? 'Add a Transaction where Tag' : 'Update a Transaction where Tag',
    description:
      'Sets the where tag of the transaction for this view (`can_add_where_tag`). Latitude must be within ±90 ' +
      'and longitude within ±180.',
    tags,
    style: 'new',
    auth: 'user',
    errors: ['OBP-10001', ...common, 'Coordinates not possible'],
    body: WhereBody,
    example: { request: exampleWhereRequest, response: { success: 'Success' } },
    successStatus: add ? 201 : 200,
    handler: async (ctx) => {
      const { key, view, userId } = await metadataScope(ctx, 'can_add_where_tag');
      const { latitude, longitude } = ctx.body.where;
      if (!coordinatesPossible(latitude, longitude)) throw plainError(400, 'Coordinates not possible');
      const date = Math.floor(Date.now() / 1000) * 1000;
      await ctx.store.transactionMetadata.setWhere(key, view.viewId, userId, latitude, longitude, date);
      return { success: add ? 'where tag added' : 'where tag updated' };
    },
  });
}

export const addWhereTagForViewOnTransaction = writeWhere('POST');
export const updateWhereTagForViewOnTransaction = writeWhere('PUT');

export const deleteWhereTagForViewOnTransaction = endpoint({
  operationId: 'OBPv1.2.1-deleteWhereTagForViewOnTransaction',
  verb: 'DELETE',
  path,
  summary: 'Delete a Transaction Tag',
  description: 'Removes the where tag set through this view (`can_delete_where_tag`, or its poster).',
  tags,
  style: 'new',
  auth: 'user',
  errors: [...common, 'there is no tag to delete', 'Deleting tag is not permitted for this view'],
  example: {},
  successStatus: 204,
  handler: async (ctx) => {
    const { key, view, userId } = await metadataScope(ctx, 'can_see_where_tag');
    const repo = ctx.store.transactionMetadata;
    const where = await repo.where(key, view.viewId);
    if (!where) throw plainError(400, 'there is no tag to delete');
    if (!mayDelete(view, 'can_delete_where_tag', where.user.userId, userId)) {
      throw plainError(400, 'Deleting tag is not permitted for this view');
    }
    if (!(await repo.deleteWhere(key, view.viewId))) throw plainError(400, 'there is no tag to delete');
    return undefined;
  },
});
