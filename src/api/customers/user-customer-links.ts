import { Type } from '@sinclair/typebox';
import { isValidObpId } from '../../domain/accounts/ids.js';
import { linkUserToCustomer } from '../../domain/customers/create.js';
import { obpError } from '../../errors/obp-error.js';
import { userCustomerLinkJson } from '../../json/v200.js';
import { text } from '../body-fields.js';
import { endpoint } from '../endpoint.js';
import { customerAtBank } from './customer-at-bank.js';

export const createUserCustomerLinks = endpoint({
  operationId: 'OBPv2.0.0-createUserCustomerLinks',
  verb: 'POST',
  path: '/banks/BANK_ID/user_customer_links',
  summary: 'Create User Customer Link',
  description: [
    'Link a User to a Customer of the bank specified by BANK_ID. The user and the customer must exist, the',
    'customer must belong to BANK_ID and the link must not exist yet.',
    '',
    'Authentication is required, and CanCreateUserCustomerLink at the bank or CanCreateUserCustomerLinkAtAnyBank',
    '(OBP documents both but checks neither).',
  ].join('\n'),
  tags: ['Customer', 'User', 'Old-Style'],
  style: 'old',
  auth: 'user',
  roles: { anyOf: [['CanCreateUserCustomerLink'], ['CanCreateUserCustomerLinkAtAnyBank']], check: 'auto' },
  errors: ['OBP-30111', 'OBP-30001', 'OBP-10001', 'OBP-20057', 'OBP-30046', 'OBP-30007', 'OBP-50000'],
  body: Type.Object({ user_id: text, customer_id: text }),
  example: {
    request: { user_id: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1', customer_id: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh' },
    response: {
      user_customer_link_id: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1',
      customer_id: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh',
      user_id: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1',
      date_inserted: '1100-01-01T00:00:00Z',
      is_active: true,
    },
  },
  successStatus: 200,
  handler: async (ctx) => {
    const { store, body } = ctx;
    const bankId = ctx.params.BANK_ID;
    if (!isValidObpId(bankId)) throw obpError('OBP-30111');
    if (!(await store.banks.exists(bankId))) throw obpError('OBP-30001');
    if (!(await store.users.get(body.user_id))) throw obpError('OBP-20057');
    const customer = await customerAtBank(store, bankId, body.customer_id);
    return userCustomerLinkJson(await linkUserToCustomer(store, body.user_id, customer.customerId));
  },
});
