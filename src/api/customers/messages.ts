import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { CustomerMessage } from '../../domain/customers/model.js';
import { obpError } from '../../errors/obp-error.js';
import { obpDate } from '../../json/dates.js';
import { text } from '../body-fields.js';
import { endpoint } from '../endpoint.js';
import { customerAtBank } from './customer-at-bank.js';

/** CustomerMessageJson (v1.4.0), used only here. */
function customerMessageJson(m: CustomerMessage) {
  return {
    id: m.messageId,
    date: obpDate(m.date),
    message: m.message,
    from_department: m.fromDepartment,
    from_person: m.fromPerson,
  };
}

export const getCustomersMessages = endpoint({
  operationId: 'OBPv1.4.0-getCustomersMessages',
  verb: 'GET',
  path: '/banks/BANK_ID/customer/messages',
  summary: 'Get Customer Messages for all Customers',
  description: [
    'Get the messages sent to the customers of the bank specified by BANK_ID that are linked to the logged in',
    'User, oldest first.',
    '',
    'Authentication is required.',
  ].join('\n'),
  tags: ['Customer-Message', 'Customer'],
  style: 'new',
  auth: 'user',
  errors: ['OBP-30001', 'OBP-50000'],
  example: {
    response: {
      messages: [
        {
          id: '5995d6a2-01b3-423c-a173-5481df49bdaf',
          date: '1100-01-01T00:00:00Z',
          message: 'String',
          from_department: 'String',
          from_person: 'String',
        },
      ],
    },
  },
  successStatus: 200,
  handler: async (ctx) => {
    const bankId = ctx.params.BANK_ID;
    const user = ctx.user();
    if (!(await ctx.store.banks.exists(bankId))) throw obpError('OBP-30001', ` Current BankId is ${bankId}`);
    const messages = await ctx.store.customerMessages.forUserAtBank(user.userId, bankId);
    return { messages: messages.map(customerMessageJson) };
  },
});

export const addCustomerMessage = endpoint({
  operationId: 'OBPv1.4.0-addCustomerMessage',
  verb: 'POST',
  path: '/banks/BANK_ID/customer/CUSTOMER_ID/messages',
  summary: 'Create Customer Message',
  description: [
    'Send a message to the customer specified by CUSTOMER_ID at the bank specified by BANK_ID. The customer must be',
    'linked to a user (OBP-30008 otherwise); the users linked to the customer read it with Get Customer Messages.',
    '',
    'Authentication is required; no entitlement is needed, as in OBP.',
  ].join('\n'),
  tags: ['Customer-Message', 'Customer', 'Person'],
  style: 'new',
  auth: 'user',
  errors: ['OBP-10001', 'OBP-30001', 'OBP-30046', 'OBP-30008', 'OBP-50000'],
  body: Type.Object({ message: Type.String({ maxLength: 1024 }), from_department: text, from_person: text }),
  example: {
    request: { message: 'String', from_department: 'String', from_person: 'String' },
    response: { success: 'Success' },
  },
  successStatus: 201,
  handler: async (ctx) => {
    const { body, store } = ctx;
    const bankId = ctx.params.BANK_ID;
    if (!(await store.banks.exists(bankId))) throw obpError('OBP-30001', ` Current BankId is ${bankId}`);
    const customer = await customerAtBank(store, bankId, ctx.params.CUSTOMER_ID);
    if ((await store.customers.linksOf(customer.customerId)).length === 0) throw obpError('OBP-30008');
    await store.customerMessages.insert({
      messageId: randomUUID(),
      bankId,
      customerId: customer.customerId,
      message: body.message,
      fromDepartment: body.from_department,
      fromPerson: body.from_person,
      date: Date.now(),
    });
    return { success: 'Success' };
  },
});
