import { Type } from '@sinclair/typebox';
import { isValidObpId } from '../../domain/accounts/ids.js';
import { obpError } from '../../errors/obp-error.js';
import { socialMediaHandleJson } from '../../json/v200.js';
import type { Ctx } from '../endpoint.js';
import { bodyDate, obpDateText, text } from '../body-fields.js';
import { endpoint } from '../endpoint.js';
import { customerAtBank } from './customer-at-bank.js';

const path = '/banks/BANK_ID/customers/CUSTOMER_ID/social_media_handles';

const exampleHandle = {
  customer_number: '5987953',
  type: 'PlaceholderString',
  handle: 'PlaceholderString',
  date_added: '1100-01-01T00:00:00Z',
  date_activated: '1100-01-01T00:00:00Z',
};

/** Bank id format, bank, then the customer of that bank. */
async function bankCustomer(ctx: Ctx<typeof path, unknown>) {
  const { BANK_ID: bankId, CUSTOMER_ID: customerId } = ctx.params;
  if (!isValidObpId(bankId)) throw obpError('OBP-30111');
  if (!(await ctx.store.banks.exists(bankId))) throw obpError('OBP-30001', ` Current BankId is ${bankId}`);
  return customerAtBank(ctx.store, bankId, customerId);
}

export const addSocialMediaHandle = endpoint({
  operationId: 'OBPv2.0.0-addSocialMediaHandle',
  verb: 'POST',
  path,
  summary: 'Create Customer Social Media Handle',
  description: [
    'Add a social media handle for the customer specified by CUSTOMER_ID. As in OBP, the handle is kept under',
    'the customer_number of the body (within the bank).',
    '',
    'Authentication is required, and the CanAddSocialMediaHandle entitlement at the bank.',
  ].join('\n'),
  tags: ['Customer'],
  style: 'new',
  auth: 'user',
  roles: { anyOf: [['CanAddSocialMediaHandle']], check: 'auto' },
  errors: ['OBP-10001', 'OBP-30111', 'OBP-30001', 'OBP-30046', 'OBP-50000'],
  body: Type.Object({
    customer_number: text,
    type: text,
    handle: text,
    date_added: obpDateText,
    date_activated: obpDateText,
  }),
  example: { request: exampleHandle, response: { success: 'Success' } },
  successStatus: 201,
  handler: async (ctx) => {
    const { body } = ctx;
    const customer = await bankCustomer(ctx);
    await ctx.store.socialMedia.insert({
      bankId: customer.bankId,
      customerNumber: body.customer_number,
      type: body.type,
      handle: body.handle,
      dateAdded: bodyDate('date_added', body.date_added),
      dateActivated: bodyDate('date_activated', body.date_activated),
    });
    return { success: 'Success' };
  },
});

export const getSocialMediaHandles = endpoint({
  operationId: 'OBPv2.0.0-getSocialMediaHandles',
  verb: 'GET',
  path,
  summary: 'Get Customer Social Media Handles',
  description: [
    "Get the social media handles kept under the customer number of the customer specified by CUSTOMER_ID. The list's",
    'key is `checks`, as in OBP.',
    '',
    'Authentication is required, and the CanGetSocialMediaHandles entitlement at the bank.',
  ].join('\n'),
  tags: ['Customer'],
  style: 'new',
  auth: 'user',
  roles: { anyOf: [['CanGetSocialMediaHandles']], check: 'auto' },
  errors: ['OBP-30111', 'OBP-30001', 'OBP-30046', 'OBP-50000'],
  example: { response: { checks: [exampleHandle] } },
  successStatus: 200,
  handler: async (ctx) => {
    const customer = await bankCustomer(ctx);
    const handles = await ctx.store.socialMedia.list(customer.bankId, customer.customerNumber);
    return { checks: handles.map(socialMediaHandleJson) };
  },
});
