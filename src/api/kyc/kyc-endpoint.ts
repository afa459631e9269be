/**
 * The four KYC kinds (checks, documents, media, statuses) behave alike: a PUT at a bank stores one
 * record of a customer, a GET lists a customer's records. One declaration of each, built from the
 * kind's table entry in `kinds.ts`, keeps their rules in one place.
 */
import { randomUUID } from 'node:crypto';
import type { TObject } from '@sinclair/typebox';
import { isValidObpId } from '../../domain/accounts/ids.js';
import type { KycKind, KycRecord } from '../../domain/customers/model.js';
import type { RoleName } from '../../domain/roles.js';
import { obpError } from '../../errors/obp-error.js';
import { kycRecordJson } from '../../json/v200.js';
import { bodyDate } from '../body-fields.js';
import { customerAtBank } from '../customers/customer-at-bank.js';
import { endpoint, type ApiVersion, type Endpoint } from '../endpoint.js';

export interface KycKindSpec {
  kind: KycKind;
  body: TObject;
  /** the body's date members */
  dates: string[];
  exampleRequest: Record<string, unknown>;
  exampleResponse: Record<string, unknown>;
  add: {
    operationId: `OBP${ApiVersion}-${string}`;
    /** ends with the id placeholder, except for statuses, which are appended */
    path: string;
    idParam?: 'KYC_CHECK_ID' | 'KYC_DOCUMENT_ID' | 'KYC_MEDIA_ID';
    summary: string;
    description: string;
    role: RoleName;
  };
  list: {
    operationId: `OBP${ApiVersion}-${string}`;
    path: string;
    summary: string;
    description: string;
    role: RoleName;
    key: string;
  };
}

const ownFields = (spec: KycKindSpec) => Object.keys(spec.body.properties).filter((f) => f !== 'customer_number');

export function addKycEndpoint(spec: KycKindSpec): Endpoint {
  const fields = ownFields(spec);
  return endpoint({
    operationId: spec.add.operationId,
    verb: 'PUT',
    path: spec.add.path,
    summary: spec.add.summary,
    description: spec.add.description,
    tags: ['KYC', 'Customer'],
    style: 'new',
    auth: 'user',
    // OBP checks the role before it looks the bank up
    roles: { anyOf: [[spec.add.role]], check: 'auto' },
    errors: ['OBP-10001', 'OBP-30111', 'OBP-30001', 'OBP-30046', 'OBP-50000'],
    body: spec.body,
    example: { request: spec.exampleRequest, response: spec.exampleResponse },
    successStatus: 201,
    handler: async (ctx) => {
      const params = ctx.params as Record<string, string>;
      const body = ctx.body as Record<string, unknown>;
      const bankId = params.BANK_ID!;
      const recordId = spec.add.idParam ? params[spec.add.idParam]! : randomUUID();
      // ids are kept as keys: the same rule as for client-chosen BANK_ID and ACCOUNT_ID
      if (!isValidObpId(recordId)) throw obpError('OBP-10001', ` ${spec.add.idParam} must match [A-Za-z0-9-_.]{1,255}.`);
      if (!isValidObpId(bankId)) throw obpError('OBP-30111');
      if (!(await ctx.store.banks.exists(bankId))) throw obpError('OBP-30001', ` Current BankId is ${bankId}`);
      const customer = await customerAtBank(ctx.store, bankId, params.CUSTOMER_ID!);
      const details = Object.fromEntries(
        fields.map((f) => [f, spec.dates.includes(f) ? bodyDate(f, body[f] as string) : body[f]]),
      );
      const record: KycRecord = {
        kind: spec.kind,
        bankId,
        customerId: customer.customerId,
        recordId,
        customerNumber: body.customer_number as string,
        details,
      };
      await ctx.store.kyc.upsert(record);
      return kycRecordJson(record, fields, spec.dates);
    },
  });
}

export function listKycEndpoint(spec: KycKindSpec): Endpoint {
  const fields = ownFields(spec);
  return endpoint({
    operationId: spec.list.operationId,
    verb: 'GET',
    path: spec.list.path,
    summary: spec.list.summary,
    description: spec.list.description,
    tags: ['KYC', 'Customer'],
    style: 'new',
    auth: 'user',
    roles: { anyOf: [[spec.list.role]], check: 'auto' },
    errors: ['OBP-30046', 'OBP-50000'],
    example: { response: { [spec.list.key]: [spec.exampleResponse] } },
    successStatus: 200,
    handler: async (ctx) => {
      const customerId = (ctx.params as Record<string, string>).CUSTOMER_ID!;
      if (!(await ctx.store.customers.get(customerId))) throw obpError('OBP-30046');
      const records = await ctx.store.kyc.list(spec.kind, customerId);
      return { [spec.list.key]: records.map((r) => kycRecordJson(r, fields, spec.dates)) };
    },
  });
}
