/**
 * The bank's transaction type catalogue (SEMANTICS §11.8): listed by OBP v2.0.0, written by v2.1.0's
 * upsert. The id is unique across banks and the short code within the bank; the unique indexes, not
 * a read before the write, decide which of two concurrent writes wins.
 */
import { Type } from '@sinclair/typebox';
import type { TransactionType } from '../../domain/transactions/transaction-type.js';
import { isIsoCurrency } from '../../domain/money.js';
import { obpError } from '../../errors/obp-error.js';
import { transactionTypeJsonV200 } from '../../json/v200.js';
import { transactionTypeJsonV210 } from '../../json/v210.js';
import { text } from '../body-fields.js';
import { endpoint } from '../endpoint.js';

const TransactionTypeBody = Type.Object({
  id: Type.Object({ value: Type.String({ minLength: 1, maxLength: 255 }) }),
  bank_id: text,
  short_code: Type.String({ maxLength: 20 }),
  summary: Type.String({ maxLength: 64 }),
  description: Type.String({ maxLength: 2000 }),
  charge: Type.Object({
    currency: text,
    amount: Type.String({ pattern: '^-?[0-9]{1,18}$', description: 'minor units, an integer' }),
  }),
});

const exampleRequest = {
  id: { value: '123' },
  bank_id: 'gh.29.uk',
  short_code: 'PlaceholderString',
  summary: 'PlaceholderString',
  description: 'PlaceholderString',
  charge: { currency: 'EUR', amount: '0' },
};

const access =
  'Authentication is optional: the list is public unless the server sets OBP_APIOPTIONS_GETTRANSACTIONTYPESISPUBLIC ' +
  '(apiOptions.getTransactionTypesIsPublic) to false, in which case login is required.';

export const getTransactionTypes = endpoint({
  operationId: 'OBPv2.0.0-getTransactionTypes',
  verb: 'GET',
  path: '/banks/BANK_ID/transaction-types',
  summary: 'Get Transaction Types at Bank',
  description: [
    'The transaction types the bank BANK_ID offers: what a transaction on a statement is (e.g. a bill payment or an',
    'ATM withdrawal), with the fee charged to the customer each time, in the minor units of its currency.',
    '',
    access,
  ].join('\n'),
  tags: ['Bank', 'Account Information Service (AIS)', 'PSD2'],
  style: 'new',
  auth: 'optional',
  errors: ['OBP-30001', 'OBP-50000'],
  example: { response: { transaction_types: [exampleRequest] } },
  successStatus: 200,
  handler: async ({ store, config, caller, params }) => {
    if (!config.props.getTransactionTypesIsPublic && !caller.user) throw obpError('OBP-20001');
    if (!(await store.banks.exists(params.BANK_ID))) throw obpError('OBP-30001');
    return { transaction_types: (await store.transactionTypes.forBank(params.BANK_ID)).map(transactionTypeJsonV200) };
  },
});

export const createTransactionType = endpoint({
  operationId: 'OBPv2.1.0-createTransactionType',
  verb: 'PUT',
  path: '/banks/BANK_ID/transaction-types',
  summary: 'Create Transaction Type at bank',
  description: [
    'Create or update a transaction type of the bank BANK_ID: a type with the id `id.value` at this bank is updated,',
    'else one is created. The short code is unique at the bank: a new type with a short code in use is refused with',
    'OBP-40006, an update to one in use with OBP-40007. An id in use at another bank is refused as a new type.',
    '',
    '`charge.amount` is an integer in the minor units of `charge.currency` (an ISO 4217 code). The body `bank_id` must',
    'equal BANK_ID (else OBP-10035). At most 20 characters for `short_code`, 64 for `summary`, 2000 for `description`.',
    '',
    'The answer is the stored transaction type, with camelCase keys (`bankId`, `shortCode`) and ids as `{"value": …}`,',
    'as OBP answers it.',
    '',
    'Authentication is required; the CanCreateTransactionType entitlement at BANK_ID is required (else OBP-40005).',
  ].join('\n'),
  tags: ['Bank'],
  style: 'new',
  auth: 'user',
  roles: { anyOf: [['CanCreateTransactionType']], check: 'handler', refusal: 'OBP-40005' },
  errors: ['OBP-30001', 'OBP-10001', 'OBP-40005', 'OBP-10035', 'OBP-10003', 'OBP-40006', 'OBP-40007', 'OBP-50000'],
  body: TransactionTypeBody,
  example: {
    request: exampleRequest,
    response: {
      id: { value: '123' },
      bankId: { value: 'gh.uk.9j' },
      shortCode: '80080',
      summary: 'SANDBOX_TAN',
      description: 'This is the sandbox mode, charging litter money.',
      charge: { currency: 'EUR', amount: '100' },
    },
  },
  successStatus: 200,
  handler: async (ctx) => {
    const { store, body, params } = ctx;
    ctx.user();
    if (!(await store.banks.exists(params.BANK_ID))) throw obpError('OBP-30001');
    await ctx.requireRoles();
    if (body.bank_id !== params.BANK_ID) throw obpError('OBP-10035', ' BANK_ID has to be the same in the URL and Body');
    if (!isIsoCurrency(body.charge.currency)) throw obpError('OBP-10003');
    const type: TransactionType = {
      transactionTypeId: body.id.value,
      bankId: params.BANK_ID,
      shortCode: body.short_code,
      summary: body.summary,
      description: body.description,
      chargeCurrency: body.charge.currency,
      chargeAmount: BigInt(body.charge.amount),
    };
    const result = await store.transactionTypes.upsert(type);
    if (result.kind === 'short-code-taken') throw obpError(result.on === 'insert' ? 'OBP-40006' : 'OBP-40007');
    return transactionTypeJsonV210(type);
  },
});
