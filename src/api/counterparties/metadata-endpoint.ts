/**
 * The GET (aliases), POST, PUT and DELETE of one counterparty metadata field, built from its row in
 * `fields.ts` so that every field follows the same rules: login, view access (403), the counterparty
 * (400 OBP-30017), metadata visible through the view and the field's flag (400 OBP-30022), then the body.
 */
import { coordinatesPossible } from '../../domain/transactions/metadata.js';
import { parseDetails, type CounterpartyDetails, type StoredLocation } from '../../domain/counterparties/metadata.js';
import { moderateOtherAccount } from '../../domain/transactions/moderation.js';
import type { ViewDefinition } from '../../domain/views/definitions.js';
import { obpError } from '../../errors/obp-error.js';
import type { Repositories } from '../../store/index.js';
import { endpoint, type Endpoint } from '../endpoint.js';
import { bodySchema, exampleBody, type MetadataFieldSpec } from './fields.js';
import { accountThroughView, requireCounterparty, type Counterparty } from './load.js';

const base = '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/other_accounts/OTHER_ACCOUNT_ID/';
const tags = ['Counterparty-Metadata', 'Counterparty'];
const readErrors = ['OBP-20001', 'OBP-30001', 'OBP-30018', 'OBP-20017', 'OBP-30017', 'OBP-30022', 'OBP-50000'] as const;

type Params = Record<'BANK_ID' | 'ACCOUNT_ID' | 'VIEW_ID' | 'OTHER_ACCOUNT_ID', string>;

/** The counterparty, once the view shows its metadata (an alias may hide it, §8.3) and has `flag`. */
async function counterpartyWithFlag(
  store: Repositories,
  props: Parameters<typeof accountThroughView>[1],
  userId: string,
  params: Params,
  flag: string,
): Promise<{ view: ViewDefinition; counterparty: Counterparty }> {
  const { view } = await accountThroughView(store, props, userId, params);
  const counterparty = await requireCounterparty(store, params.BANK_ID, params.ACCOUNT_ID, params.OTHER_ACCOUNT_ID);
  const o = moderateOtherAccount(view, counterparty.fields, counterparty.metadata);
  if (o === null || o.metadata === null) throw obpError('OBP-30022', ' can_see_other_account_metadata');
  if (!view.permissions.has(flag)) throw obpError('OBP-30022', ` ${flag}`);
  return { view, counterparty };
}

function validUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function validText(value: string): boolean {
  return !value.includes('\u0000');
}

async function write(
  store: Repositories,
  params: Params,
  f: MetadataFieldSpec,
  value: string | StoredLocation | undefined,
): Promise<void> {
  const { BANK_ID: bankId, ACCOUNT_ID: accountId, OTHER_ACCOUNT_ID: id } = params;
  if (f.key === 'publicAlias' || f.key === 'privateAlias') {
    await store.counterparties.setAlias(
      bankId,
      accountId,
      id,
      f.key === 'publicAlias' ? 'public' : 'private',
      (value as string | undefined) ?? '',
    );
    return;
  }
  // compare-and-set on the whole JSON, re-read on a concurrent change to another field
  for (let attempt = 0; attempt < 10; attempt++) {
    const [row] = await store.counterparties.metadata(bankId, accountId, [id]);
    if (!row) throw obpError('OBP-30017');
    const details: CounterpartyDetails = parseDetails(row.details);
    if (value === undefined) delete details[f.key];
    else (details as Record<string, unknown>)[f.key] = value;
    if (await store.counterparties.replaceDetails(bankId, accountId, id, row.details, JSON.stringify(details))) return;
  }
  throw obpError('OBP-50000');
}

function writeEndpoint(f: MetadataFieldSpec, mode: 'add' | 'update'): Endpoint {
  const op = mode === 'add' ? f.add : f.update;
  return endpoint({
    operationId: op.operationId,
    verb: mode === 'add' ? 'POST' : 'PUT',
    path: `${base}${f.subPath}`,
    summary: op.summary,
    description:
      `${mode === 'add' ? 'Adds' : 'Updates'} the ${f.label} of the counterparty OTHER_ACCOUNT_ID through the view ` +
      `VIEW_ID, which must show counterparty metadata and have \`${f.addFlag}\`. Authentication is required.`,
    tags,
    style: 'new',
    auth: 'user',
    errors: [...readErrors, 'OBP-10001', ...(f.kind === 'url' ? (['OBP-10017'] as const) : [])],
    body: bodySchema(f),
    example: { request: exampleBody(f), response: { success: 'Success' } },
    successStatus: mode === 'add' ? 201 : 200,
    handler: async (ctx) => {
      const { store, config } = ctx;
      const user = ctx.user();
      const params = ctx.params as Params;
      await counterpartyWithFlag(store, config.props, user.userId, params, f.addFlag);
      const raw = (ctx.body as Record<string, unknown>)[f.bodyKey];
      let value: string | StoredLocation;
      if (f.kind === 'location') {
        const { latitude, longitude } = raw as { latitude: number; longitude: number };
        if (!coordinatesPossible(latitude, longitude)) throw obpError('OBP-10001', ' Coordinates not possible');
        value = { latitude, longitude, date: Date.now(), userId: user.userId, provider: user.provider, displayName: user.email };
      } else {
        const text = raw as string;
        if (!validText(text)) throw obpError('OBP-10001');
        if (f.kind === 'url' && !validUrl(text)) throw obpError('OBP-10017');
        value = text;
      }
      await write(store, params, f, value);
      return { success: `${f.label} ${mode === 'add' ? 'added' : 'updated'}` };
    },
  });
}

function deleteEndpoint(f: MetadataFieldSpec): Endpoint {
  return endpoint({
    operationId: f.remove.operationId,
    verb: 'DELETE',
    path: `${base}${f.subPath}`,
    summary: f.remove.summary,
    description:
      `Deletes the ${f.label} of the counterparty OTHER_ACCOUNT_ID through the view VIEW_ID, which must show ` +
      `counterparty metadata and have \`${f.deleteFlag}\`; afterwards it reads as null. Authentication is required.`,
    tags,
    style: 'new',
    auth: 'user',
    errors: [...readErrors],
    example: {},
    successStatus: 204,
    handler: async (ctx) => {
      const { store, config } = ctx;
      const params = ctx.params as Params;
      const { counterparty } = await counterpartyWithFlag(store, config.props, ctx.user().userId, params, f.deleteFlag);
      if (f.key === 'corporateLocation' && counterparty.metadata.details.corporateLocation === undefined) {
        throw obpError('OBP-30022', ' nothing to delete');
      }
      await write(store, params, f, undefined);
      return undefined;
    },
  });
}

function getAliasEndpoint(f: MetadataFieldSpec, op: NonNullable<MetadataFieldSpec['get']>): Endpoint {
  return endpoint({
    operationId: op.operationId,
    verb: 'GET',
    path: `${base}${f.subPath}`,
    summary: op.summary,
    description:
      `Returns the ${f.label} of the counterparty OTHER_ACCOUNT_ID through the view VIEW_ID, which must have ` +
      `\`${f.seeFlag}\`; null when never set or deleted. Authentication is required.`,
    tags,
    style: 'new',
    auth: 'user',
    errors: [...readErrors],
    example: { response: { alias: 'String' } },
    successStatus: 200,
    handler: async (ctx) => {
      const { store, config } = ctx;
      const params = ctx.params as Params;
      const { counterparty } = await counterpartyWithFlag(store, config.props, ctx.user().userId, params, f.seeFlag);
      const alias = f.key === 'publicAlias' ? counterparty.metadata.publicAlias : counterparty.metadata.privateAlias;
      return { alias: alias === '' ? null : alias };
    },
  });
}

export function metadataFieldEndpoints(f: MetadataFieldSpec): Endpoint[] {
  return [...(f.get ? [getAliasEndpoint(f, f.get)] : []), writeEndpoint(f, 'add'), writeEndpoint(f, 'update'), deleteEndpoint(f)];
}
