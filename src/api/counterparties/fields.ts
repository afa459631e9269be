/**
 * The counterparty metadata fields that can be written (SEMANTICS §10.2): each row drives the GET (aliases
 * only), POST, PUT and DELETE declarations built in `metadata-endpoint.ts`.
 */
import { Type, type TObject } from '@sinclair/typebox';
import type { ApiVersion } from '../endpoint.js';

type OpId = `OBP${ApiVersion}-${string}`;

export type MetadataFieldKey =
  | 'publicAlias'
  | 'privateAlias'
  | 'moreInfo'
  | 'url'
  | 'imageUrl'
  | 'openCorporatesUrl'
  | 'corporateLocation'
  | 'physicalLocation';

export interface MetadataFieldSpec {
  key: MetadataFieldKey;
  /** path below `.../other_accounts/OTHER_ACCOUNT_ID/` */
  subPath: string;
  /** the body member (and, for aliases, the GET answer's member is `alias`) */
  bodyKey: string;
  kind: 'alias' | 'text' | 'url' | 'location';
  seeFlag: string;
  addFlag: string;
  deleteFlag: string;
  /** `<label> added` / `<label> updated` */
  label: string;
  get?: { operationId: OpId; summary: string };
  add: { operationId: OpId; summary: string };
  update: { operationId: OpId; summary: string };
  remove: { operationId: OpId; summary: string };
}

const text = Type.String({ maxLength: 255 });
const location = Type.Object({ latitude: Type.Number(), longitude: Type.Number() });

export function bodySchema(f: MetadataFieldSpec): TObject {
  return Type.Object({
    [f.bodyKey]: f.kind === 'location' ? location : f.kind === 'url' ? Type.String({ maxLength: 2000 }) : text,
  });
}

export function exampleBody(f: MetadataFieldSpec): Record<string, unknown> {
  return { [f.bodyKey]: f.kind === 'location' ? { latitude: 1.532, longitude: 1.535 } : 'String' };
}

const v = (name: string, summary: string) => ({ operationId: `OBPv1.2.1-${name}` as OpId, summary });

export const metadataFields: readonly MetadataFieldSpec[] = [
  {
    key: 'publicAlias',
    subPath: 'public_alias',
    bodyKey: 'alias',
    kind: 'alias',
    seeFlag: 'can_see_public_alias',
    addFlag: 'can_add_public_alias',
    deleteFlag: 'can_add_public_alias',
    label: 'public alias',
    get: v('getCounterpartyPublicAlias', 'Get public alias of other bank account'),
    add: v('addCounterpartyPublicAlias', 'Add public alias to other bank account'),
    update: v('updateCounterpartyPublicAlias', 'Update public alias of other bank account'),
    remove: v('deleteCounterpartyPublicAlias', 'Delete Counterparty Public Alias'),
  },
  {
    key: 'privateAlias',
    subPath: 'private_alias',
    bodyKey: 'alias',
    kind: 'alias',
    seeFlag: 'can_see_private_alias',
    addFlag: 'can_add_private_alias',
    deleteFlag: 'can_add_private_alias',
    label: 'private alias',
    get: v('getOtherAccountPrivateAlias', 'Get Other Account Private Alias'),
    add: v('addOtherAccountPrivateAlias', 'Create Other Account Private Alias'),
    update: v('updateCounterpartyPrivateAlias', 'Update Counterparty Private Alias'),
    remove: v('deleteCounterpartyPrivateAlias', 'Delete Counterparty Private Alias'),
  },
  {
    key: 'moreInfo',
    subPath: 'metadata/more_info',
    bodyKey: 'more_info',
    kind: 'text',
    seeFlag: 'can_see_more_info',
    addFlag: 'can_add_more_info',
    deleteFlag: 'can_add_more_info',
    label: 'more info',
    add: v('addCounterpartyMoreInfo', 'Add Counterparty More Info'),
    update: v('updateCounterpartyMoreInfo', 'Update Counterparty More Info'),
    remove: v('deleteCounterpartyMoreInfo', 'Delete more info of other bank account'),
  },
  {
    key: 'url',
    subPath: 'metadata/url',
    bodyKey: 'URL',
    kind: 'url',
    seeFlag: 'can_see_url',
    addFlag: 'can_add_url',
    deleteFlag: 'can_add_url',
    label: 'url',
    add: v('addCounterpartyUrl', 'Add url to other bank account'),
    update: v('updateCounterpartyUrl', 'Update url of other bank account'),
    remove: v('deleteCounterpartyUrl', 'Delete url of other bank account'),
  },
  {
    key: 'imageUrl',
    subPath: 'metadata/image_url',
    bodyKey: 'image_URL',
    kind: 'url',
    seeFlag: 'can_see_image_url',
    addFlag: 'can_add_image_url',
    deleteFlag: 'can_add_image_url',
    label: 'image url',
    add: v('addCounterpartyImageUrl', 'Add image url to other bank account'),
    update: v('updateCounterpartyImageUrl', 'Update Counterparty Image Url'),
    remove: v('deleteCounterpartyImageUrl', 'Delete Counterparty Image URL'),
  },
  {
    key: 'openCorporatesUrl',
    subPath: 'metadata/open_corporates_url',
    bodyKey: 'open_corporates_URL',
    kind: 'url',
    seeFlag: 'can_see_open_corporates_url',
    addFlag: 'can_add_open_corporates_url',
    deleteFlag: 'can_add_open_corporates_url',
    label: 'open corporate url',
    add: v('addCounterpartyOpenCorporatesUrl', 'Add Open Corporates URL to Counterparty'),
    update: v('updateCounterpartyOpenCorporatesUrl', 'Update Open Corporates Url of Counterparty'),
    remove: v('deleteCounterpartyOpenCorporatesUrl', 'Delete Counterparty Open Corporates URL'),
  },
  {
    key: 'corporateLocation',
    subPath: 'metadata/corporate_location',
    bodyKey: 'corporate_location',
    kind: 'location',
    seeFlag: 'can_see_corporate_location',
    addFlag: 'can_add_corporate_location',
    deleteFlag: 'can_delete_corporate_location',
    label: 'corporate location',
    add: v('addCounterpartyCorporateLocation', 'Add Corporate Location to Counterparty'),
    update: v('updateCounterpartyCorporateLocation', 'Update Counterparty Corporate Location'),
    remove: v('deleteCounterpartyCorporateLocation', 'Delete Counterparty Corporate Location'),
  },
  {
    key: 'physicalLocation',
    subPath: 'metadata/physical_location',
    bodyKey: 'physical_location',
    kind: 'location',
    seeFlag: 'can_see_physical_location',
    addFlag: 'can_add_physical_location',
    deleteFlag: 'can_delete_physical_location',
    label: 'physical location',
    add: v('addCounterpartyPhysicalLocation', 'Add physical location to other bank account'),
    update: v('updateCounterpartyPhysicalLocation', 'Update Counterparty Physical Location'),
    remove: v('deleteCounterpartyPhysicalLocation', 'Delete Counterparty Physical Location'),
  },
];
