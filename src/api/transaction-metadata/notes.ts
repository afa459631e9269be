/**
 * Comments, tags and images: items with server-generated ids, kept per (transaction, view). They
 * behave alike, so one declaration of each operation is built from the kind's entry below.
 */
import { randomUUID } from 'node:crypto';
import { Type, type TObject } from '@sinclair/typebox';
import { isAbsoluteUrl, mayDelete, type NoteKind, type TransactionNote } from '../../domain/transactions/metadata.js';
import { obpError, plainError } from '../../errors/obp-error.js';
import { transactionImageJson, transactionNoteJson } from '../../json/v121.js';
import { text } from '../body-fields.js';
import { endpoint, type Endpoint } from '../endpoint.js';
import { exampleImage, exampleNote } from './examples.js';
import { metadataPath, metadataScope } from './scope.js';

interface NoteSpec {
  kind: NoteKind;
  /** path segment and list key */
  plural: 'comments' | 'tags' | 'images';
  idParam: 'COMMENT_ID' | 'TAG_ID' | 'IMAGE_ID';
  title: 'Comment' | 'Tag' | 'Image';
  opName: 'Comment' | 'Tag' | 'Image';
  body: TObject;
  exampleRequest: Record<string, string>;
  example: Record<string, unknown>;
  json: (n: TransactionNote) => Record<string, unknown>;
}

const specs: NoteSpec[] = [
  {
    kind: 'comment',
    plural: 'comments',
    idParam: 'COMMENT_ID',
    title: 'Comment',
    opName: 'Comment',
    body: Type.Object({ value: text }),
    exampleRequest: { value: 'String' },
    example: exampleNote,
    json: transactionNoteJson,
  },
  {
    kind: 'tag',
    plural: 'tags',
    idParam: 'TAG_ID',
    title: 'Tag',
    opName: 'Tag',
    body: Type.Object({ value: text }),
    exampleRequest: { value: 'String' },
    example: exampleNote,
    json: transactionNoteJson,
  },
  {
    kind: 'image',
    plural: 'images',
    idParam: 'IMAGE_ID',
    title: 'Image',
    opName: 'Image',
    body: Type.Object({ label: text, URL: Type.String({ maxLength: 2048 }) }),
    exampleRequest: { label: 'String', URL: 'String' },
    example: exampleImage,
    json: transactionImageJson,
  },
];

const tags = ['Transaction-Metadata', 'Transaction'];
const common = ['OBP-20001', 'OBP-30001', 'OBP-30018', 'OBP-20017', 'OBP-30067', 'OBP-30022', 'OBP-50000'] as const;

function list(s: NoteSpec): Endpoint {
  return endpoint({
    operationId: `OBPv1.2.1-get${s.opName}sForViewOnTransaction`,
    verb: 'GET',
    path: `${metadataPath}/${s.plural}`,
    summary: `Get Transaction ${s.title}s`,
    description: `Returns the ${s.plural} written on the transaction through this view (\`can_see_${s.plural}\`).`,
    tags,
    style: 'new',
    auth: 'user',
    errors: [...common],
    example: { response: { [s.plural]: [s.example] } },
    successStatus: 200,
    handler: async (ctx) => {
      const { key, view } = await metadataScope(ctx, `can_see_${s.plural}`);
      const notes = await ctx.store.transactionMetadata.notes(key, view.viewId, s.kind);
      return { [s.plural]: notes.map(s.json) };
    },
  });
}

function add(s: NoteSpec): Endpoint {
  return endpoint({
    operationId: `OBPv1.2.1-add${s.opName}ForViewOnTransaction`,
    verb: 'POST',
    path: `${metadataPath}/${s.plural}`,
    summary: `Add a Transaction ${s.title}`,
    description:
      `Adds a ${s.kind} to the transaction through this view (\`can_add_${s.kind}\`); it is seen only through this view.` +
      (s.kind === 'image' ? ' The URL must be an absolute URL.' : ''),
    tags,
    style: 'new',
    auth: 'user',
    errors: ['OBP-10001', ...common, ...(s.kind === 'image' ? (['OBP-10017'] as const) : [])],
    body: s.body,
    example: { request: s.exampleRequest, response: s.example },
    successStatus: 201,
    handler: async (ctx) => {
      const body = ctx.body as Record<string, string>;
      const { key, view, userId } = await metadataScope(ctx, `can_add_${s.kind}`);
      if (s.kind === 'image' && !isAbsoluteUrl(body.URL!)) throw obpError('OBP-10017');
      const note = {
        noteId: randomUUID(),
        kind: s.kind,
        viewId: view.viewId,
        userId,
        value: s.kind === 'image' ? body.label! : body.value!,
        url: s.kind === 'image' ? body.URL! : '',
        date: Math.floor(Date.now() / 1000) * 1000,
      };
      await ctx.store.transactionMetadata.addNote(key, note);
      const stored = await ctx.store.transactionMetadata.note(key, view.viewId, s.kind, note.noteId);
      return s.json(stored!);
    },
  });
}

function remove(s: NoteSpec): Endpoint {
  return endpoint({
    operationId: `OBPv1.2.1-delete${s.opName}ForViewOnTransaction`,
    verb: 'DELETE',
    path: `${metadataPath}/${s.plural}/${s.idParam}`,
    summary: `Delete a Transaction ${s.title}`,
    description:
      `Deletes a ${s.kind} seen through this view. Its poster may delete it; anyone else needs ` +
      `\`can_delete_${s.kind}\` on the view.`,
    tags,
    style: 'new',
    auth: 'user',
    errors: [...common, `${s.title} not found for this transaction`, `Deleting ${s.plural} not permitted for this view`],
    example: {},
    successStatus: 204,
    handler: async (ctx) => {
      const { key, view, userId } = await metadataScope(ctx, `can_see_${s.plural}`);
      const id = (ctx.params as Record<string, string>)[s.idParam]!;
      const repo = ctx.store.transactionMetadata;
      const note = await repo.note(key, view.viewId, s.kind, id);
      if (!note) throw plainError(400, `${s.title} not found for this transaction`);
      if (!mayDelete(view, `can_delete_${s.kind}`, note.user.userId, userId)) {
        throw plainError(400, `Deleting ${s.plural} not permitted for this view`);
      }
      if (!(await repo.deleteNote(key, view.viewId, s.kind, id)))
        throw plainError(400, `${s.title} not found for this transaction`);
      return undefined;
    },
  });
}

export const noteEndpoints: readonly Endpoint[] = specs.flatMap((s) => [list(s), add(s), remove(s)]);
