/** The read endpoints of payments (§11.8): an account's transaction requests and the request types. */
import { requireView } from '../../domain/views/access.js';
import { isIsoCurrency } from '../../domain/money.js';
import { obpError } from '../../errors/obp-error.js';
import { transactionRequestJson } from '../../json/v210.js';
import { endpoint } from '../endpoint.js';
import { requireEnabled } from './access.js';
import { exampleInitiatedRequest, exampleTransactionRequest } from './examples.js';

export const getTransactionRequests = endpoint({
  operationId: 'OBPv2.1.0-getTransactionRequests',
  verb: 'GET',
  path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/transaction-requests',
  summary: 'Get Transaction Requests.',
  description:
    'Returns every transaction request made from ACCOUNT_ID, oldest first, with its status, challenge and charge. ' +
    'The view VIEW_ID must allow `can_see_transaction_requests` (`OBP-20022`). Authentication is required.',
  tags: ['Transaction-Request', 'PSD2', 'Old-Style'],
  style: 'old',
  auth: 'user',
  errors: ['OBP-40018', 'OBP-30001', 'OBP-30018', 'OBP-20017', 'OBP-20022', 'OBP-50000'],
  example: { response: { transaction_requests_with_charges: [exampleTransactionRequest, exampleInitiatedRequest] } },
  successStatus: 200,
  handler: async (ctx) => {
    const { store, config, params } = ctx;
    const user = ctx.user();
    requireEnabled(config.props);
    const { BANK_ID: bankId, ACCOUNT_ID: accountId } = params;
    if (!(await store.banks.get(bankId))) throw obpError('OBP-30001');
    if (!(await store.accounts.get(bankId, accountId))) throw obpError('OBP-30018');
    const view = await requireView(store, config.props, user.userId, bankId, accountId, params.VIEW_ID);
    if (!view.permissions.has('can_see_transaction_requests')) {
      throw obpError('OBP-20022', ' The view needs the `can_see_transaction_requests` permission.');
    }
    const rows = await store.transactionRequests.forAccount(bankId, accountId);
    return { transaction_requests_with_charges: rows.map(transactionRequestJson) };
  },
});

export const getTransactionRequestTypes = endpoint({
  operationId: 'OBPv1.4.0-getTransactionRequestTypes',
  verb: 'GET',
  path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/transaction-request-types',
  summary: 'Get Transaction Request Types for Account',
  description:
    'Returns the transaction request types (`transactionRequests_supported_types`) ACCOUNT_ID can make, each with ' +
    'its charge. No per-bank charges are stored, so each shows the default: "Warning! Default value!", 0.00 in the ' +
    "account's currency. The view VIEW_ID must allow `can_see_transaction_request_types` (`OBP-30022`). " +
    'Authentication is required.',
  tags: ['Transaction-Request', 'Payment Initiation Service (PIS)', 'PSD2'],
  style: 'new',
  auth: 'user',
  errors: ['OBP-40018', 'OBP-30001', 'OBP-30018', 'OBP-10003', 'OBP-20017', 'OBP-30022', 'OBP-50000'],
  example: {
    response: {
      transaction_request_types: [
        { value: 'SANDBOX_TAN', charge: { summary: 'Warning! Default value!', value: { currency: 'EUR', amount: '0.00' } } },
      ],
    },
  },
  successStatus: 200,
  handler: async (ctx) => {
    const { store, config, params } = ctx;
    const user = ctx.user();
    requireEnabled(config.props);
    const { BANK_ID: bankId, ACCOUNT_ID: accountId } = params;
    if (!(await store.banks.get(bankId))) throw obpError('OBP-30001');
    const account = await store.accounts.get(bankId, accountId);
    if (!account) throw obpError('OBP-30018');
    if (!isIsoCurrency(account.currency)) throw obpError('OBP-10003', ` Current input is: '${account.currency}'`);
    const view = await requireView(store, config.props, user.userId, bankId, accountId, params.VIEW_ID);
    if (!view.permissions.has('can_see_transaction_request_types')) {
      throw obpError('OBP-30022', ' can_see_transaction_request_types');
    }
    return {
      transaction_request_types: config.props.transactionRequestsSupportedTypes.map((value) => ({
        value,
        charge: { summary: 'Warning! Default value!', value: { currency: account.currency, amount: '0.00' } },
      })),
    };
  },
});

export const getTransactionRequestTypesSupportedByBank = endpoint({
  operationId: 'OBPv2.1.0-getTransactionRequestTypesSupportedByBank',
  verb: 'GET',
  path: '/banks/BANK_ID/transaction-request-types',
  summary: 'Get Transaction Request Types at Bank',
  description:
    'Returns the transaction request types this server supports (`transactionRequests_supported_types`) for an ' +
    'existing bank; none configured gives an empty list. No authentication is needed.',
  tags: ['Transaction-Request', 'Bank'],
  style: 'new',
  auth: 'none',
  errors: ['OBP-30001', 'OBP-50000'],
  example: { response: { transaction_request_types: [{ transaction_request_type: 'SANDBOX_TAN' }] } },
  successStatus: 200,
  handler: async ({ store, config, params }) => {
    if (!(await store.banks.get(params.BANK_ID))) throw obpError('OBP-30001');
    return {
      transaction_request_types: config.props.transactionRequestsSupportedTypes.map((t) => ({ transaction_request_type: t })),
    };
  },
});
