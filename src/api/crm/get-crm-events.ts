import { obpError } from '../../errors/obp-error.js';
import { crmEventJson } from '../../json/v140.js';
import { endpoint } from '../endpoint.js';

const exampleCrmEvent = {
  id: '5995d6a2-01b3-423c-a173-5481df49bdaf',
  bank_id: 'gh.29.uk',
  customer_name: 'String',
  customer_number: '5987953',
  category: 'String',
  detail: 'String',
  channel: 'String',
  scheduled_date: '1100-01-01T00:00:00Z',
  actual_date: '1100-01-01T00:00:00Z',
  result: 'String',
};

export const getCrmEvents = endpoint({
  operationId: 'OBPv1.4.0-getCrmEvents',
  verb: 'GET',
  path: '/banks/BANK_ID/crm-events',
  summary: 'Get CRM Events',
  description: [
    'Returns the CRM events recorded for the bank specified by BANK_ID, ordered by id.',
    '',
    'Events loaded by the sandbox import have no scheduled date (`null`) and an empty result.',
    '',
    'Authentication is required; no role is needed.',
  ].join('\n'),
  tags: ['Customer'],
  style: 'new',
  auth: 'user',
  errors: ['OBP-30001', 'No CRM Events available.', 'OBP-50000'],
  example: { response: { crm_events: [exampleCrmEvent] } },
  successStatus: 200,
  handler: async ({ store, params }) => {
    if (!(await store.banks.exists(params.BANK_ID))) throw obpError('OBP-30001', ` Current BankId is ${params.BANK_ID}`);
    return { crm_events: (await store.documents.list('crm_event', params.BANK_ID)).map((d) => crmEventJson(d.document)) };
  },
});
