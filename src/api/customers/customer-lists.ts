import { obpError } from '../../errors/obp-error.js';
import { customerJsonV210 } from '../../json/v210.js';
import { endpoint } from '../endpoint.js';
import { exampleCustomer } from './customer-json.js';

export const getCustomersForCurrentUserAtBank = endpoint({
  operationId: 'OBPv2.1.0-getCustomersForCurrentUserAtBank',
  verb: 'GET',
  path: '/banks/BANK_ID/customers',
  summary: 'Get Customers for current User at Bank',
  description: [
    'Returns a list of the Customers of the bank specified by BANK_ID that are linked to the logged in User.',
    '',
    'Authentication is required.',
  ].join('\n'),
  tags: ['Customer'],
  style: 'new',
  auth: 'user',
  errors: ['OBP-30001', 'OBP-50000'],
  example: { response: { customers: [exampleCustomer] } },
  successStatus: 200,
  handler: async (ctx) => {
    const bankId = ctx.params.BANK_ID;
    const user = ctx.user();
    if (!(await ctx.store.banks.exists(bankId))) throw obpError('OBP-30001', ` Current BankId is ${bankId}`);
    const customers = await ctx.store.customers.forUserAtBank(user.userId, bankId);
    return { customers: customers.map(customerJsonV210) };
  },
});

export const getCustomersForUser = endpoint({
  operationId: 'OBPv2.1.0-getCustomersForUser',
  verb: 'GET',
  path: '/users/current/customers',
  summary: 'Get Customers for Current User',
  description: [
    'Gets all Customers that are linked to the logged in User, at every bank.',
    '',
    'Authentication is required.',
  ].join('\n'),
  tags: ['Customer', 'User', 'Old-Style'],
  style: 'old',
  auth: 'user',
  errors: ['OBP-50000'],
  // OBP's resource doc shows a single customer; its code answers this list
  example: { response: { customers: [exampleCustomer] } },
  successStatus: 200,
  handler: async (ctx) => {
    const customers = await ctx.store.customers.forUser(ctx.user().userId);
    return { customers: customers.map(customerJsonV210) };
  },
});
