/** The four KYC kinds: their bodies, examples, paths and roles, as OBP v2.0.0 declares them. */
import { Type } from '@sinclair/typebox';
import { obpDateText, text } from '../body-fields.js';
import type { KycKindSpec } from './kyc-endpoint.js';

const customer = { bank_id: 'gh.29.uk', customer_id: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh' };
const upsertNote = 'An existing record with this id of this customer is replaced.';
const listNote = (role: string) => `Authentication is required, and the ${role} entitlement (system level).`;
const addNote = (role: string) => `Authentication is required, and the ${role} entitlement at the bank.`;

export const kycCheck: KycKindSpec = {
  kind: 'check',
  body: Type.Object({
    customer_number: text,
    date: obpDateText,
    how: text,
    staff_user_id: text,
    staff_name: text,
    satisfied: Type.Boolean(),
    comments: text,
  }),
  dates: ['date'],
  exampleRequest: {
    customer_number: '5987953',
    date: '1100-01-01T00:00:00Z',
    how: 'online_meeting',
    staff_user_id: '67876',
    staff_name: 'Simon',
    satisfied: true,
    comments: 'String',
  },
  exampleResponse: {
    ...customer,
    id: 'PlaceholderString',
    customer_number: '5987953',
    date: '1100-01-01T00:00:00Z',
    how: 'PlaceholderString',
    staff_user_id: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1',
    staff_name: 'PlaceholderString',
    satisfied: true,
    comments: 'PlaceholderString',
  },
  add: {
    operationId: 'OBPv2.0.0-addKycCheck',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/kyc_check/KYC_CHECK_ID',
    idParam: 'KYC_CHECK_ID',
    summary: 'Add KYC Check',
    description: `Add a KYC check for the customer specified by CUSTOMER_ID. ${upsertNote}\n\n${addNote('CanAddKycCheck')}`,
    role: 'CanAddKycCheck',
  },
  list: {
    operationId: 'OBPv2.0.0-getKycChecks',
    path: '/customers/CUSTOMER_ID/kyc_checks',
    summary: 'Get Customer KYC Checks',
    description: `Get the KYC checks of the customer specified by CUSTOMER_ID.\n\n${listNote('CanGetAnyKycChecks')}`,
    role: 'CanGetAnyKycChecks',
    key: 'checks',
  },
};

export const kycDocument: KycKindSpec = {
  kind: 'document',
  body: Type.Object({
    customer_number: text,
    type: text,
    number: text,
    issue_date: obpDateText,
    issue_place: text,
    expiry_date: obpDateText,
  }),
  dates: ['issue_date', 'expiry_date'],
  exampleRequest: {
    customer_number: '5987953',
    type: 'passport',
    number: '12345',
    issue_date: '1100-01-01T00:00:00Z',
    issue_place: 'Berlin',
    expiry_date: '1100-01-01T00:00:00Z',
  },
  exampleResponse: {
    ...customer,
    id: 'PlaceholderString',
    customer_number: '5987953',
    type: 'PlaceholderString',
    number: 'PlaceholderString',
    issue_date: '1100-01-01T00:00:00Z',
    issue_place: 'PlaceholderString',
    expiry_date: '1100-01-01T00:00:00Z',
  },
  add: {
    operationId: 'OBPv2.0.0-addKycDocument',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/kyc_documents/KYC_DOCUMENT_ID',
    idParam: 'KYC_DOCUMENT_ID',
    summary: 'Add KYC Document',
    description: `Add a KYC document for the customer specified by CUSTOMER_ID. ${upsertNote}\n\n${addNote('CanAddKycDocument')}`,
    role: 'CanAddKycDocument',
  },
  list: {
    operationId: 'OBPv2.0.0-getKycDocuments',
    path: '/customers/CUSTOMER_ID/kyc_documents',
    summary: 'Get Customer KYC Documents',
    description: `Get the KYC documents of the customer specified by CUSTOMER_ID.\n\n${listNote('CanGetAnyKycDocuments')}`,
    role: 'CanGetAnyKycDocuments',
    key: 'documents',
  },
};

export const kycMedia: KycKindSpec = {
  kind: 'media',
  body: Type.Object({
    customer_number: text,
    type: text,
    url: text,
    date: obpDateText,
    relates_to_kyc_document_id: text,
    relates_to_kyc_check_id: text,
  }),
  dates: ['date'],
  exampleRequest: {
    customer_number: '5987953',
    type: 'image',
    url: 'http://www.example.com/id-docs/123/image.png',
    date: '1100-01-01T00:00:00Z',
    relates_to_kyc_document_id: '123',
    relates_to_kyc_check_id: '123',
  },
  exampleResponse: {
    bank_id: 'gh.29.uk',
    customer_id: 'PlaceholderString',
    id: 'PlaceholderString',
    customer_number: '5987953',
    type: 'PlaceholderString',
    url: 'PlaceholderString',
    date: '1100-01-01T00:00:00Z',
    relates_to_kyc_document_id: 'PlaceholderString',
    relates_to_kyc_check_id: 'PlaceholderString',
  },
  add: {
    operationId: 'OBPv2.0.0-addKycMedia',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/kyc_media/KYC_MEDIA_ID',
    idParam: 'KYC_MEDIA_ID',
    summary: 'Add KYC Media',
    description: `Add KYC media (e.g. an image of a document) for the customer specified by CUSTOMER_ID. ${upsertNote}\n\n${addNote('CanAddKycMedia')}`,
    role: 'CanAddKycMedia',
  },
  list: {
    operationId: 'OBPv2.0.0-getKycMedia',
    path: '/customers/CUSTOMER_ID/kyc_media',
    summary: 'Get KYC Media for a customer',
    description: `Get the KYC media of the customer specified by CUSTOMER_ID.\n\n${listNote('CanGetAnyKycMedia')}`,
    role: 'CanGetAnyKycMedia',
    key: 'medias',
  },
};

export const kycStatus: KycKindSpec = {
  kind: 'status',
  body: Type.Object({ customer_number: text, ok: Type.Boolean(), date: obpDateText }),
  dates: ['date'],
  exampleRequest: { customer_number: '5987953', ok: true, date: '1100-01-01T00:00:00Z' },
  exampleResponse: {
    customer_id: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh',
    customer_number: '5987953',
    ok: true,
    date: '1100-01-01T00:00:00Z',
  },
  add: {
    operationId: 'OBPv2.0.0-addKycStatus',
    path: '/banks/BANK_ID/customers/CUSTOMER_ID/kyc_statuses',
    summary: 'Add KYC Status',
    description: `Add a KYC status for the customer specified by CUSTOMER_ID: each call appends to the customer's status timeline.\n\n${addNote('CanAddKycStatus')}`,
    role: 'CanAddKycStatus',
  },
  list: {
    operationId: 'OBPv2.0.0-getKycStatuses',
    path: '/customers/CUSTOMER_ID/kyc_statuses',
    summary: 'Get Customer KYC statuses',
    description: `Get the KYC statuses of the customer specified by CUSTOMER_ID, oldest first.\n\n${listNote('CanGetAnyKycStatuses')}`,
    role: 'CanGetAnyKycStatuses',
    key: 'statuses',
  },
};
