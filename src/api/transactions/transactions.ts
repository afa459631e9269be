/** Transaction lists and one transaction, moderated by a view (v1.2.1) or through owner (v2.0.0 core). */
import { firehoseRoleCheck, requireOwnerView, requireView } from '../../domain/views/access.js';
import { obpError } from '../../errors/obp-error.js';
import { coreTransactionJson, transactionJson } from '../../json/v121.js';
import type { Store } from '../../store/index.js';
import { endpoint } from '../endpoint.js';
import { exampleCoreTransactions, exampleTransaction, exampleTransactions } from './examples.js';
import { moderated } from './moderated-transactions.js';
import type { Rendering } from './rendered-transactions.js';
import { maxTransactionPage, transactionPageQuery } from './transaction-params.js';

const paramsDoc =
  'Optional request headers (also accepted as query parameters; the un-prefixed name wins):\n\n' +
  `* \`obp_limit\` / \`limit\` (default 50, at most ${maxTransactionPage})\n* \`obp_offset\` / \`offset\` (default 0)\n` +
  "* `obp_from_date` / `from_date`, `obp_to_date` / `to_date` (format `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`)\n" +
  '* `obp_sort_direction` / `sort_direction`: `ASC` or `DESC` (default), by completed date';

const full: Rendering = { shape: 'v1.2.1', json: transactionJson, withMetadata: true };
const core: Rendering = { shape: 'v2.0.0-core', json: coreTransactionJson, withMetadata: false };

async function bankAndAccount(store: Store, bankId: string, accountId: string, missingAccount: 'OBP-30018') {
  const bank = await store.banks.get(bankId);
  if (!bank) throw obpError('OBP-30001');
  const account = await store.accounts.describe(bankId, accountId);
  if (!account) throw obpError(missingAccount);
  return { bank, account };
}

export const getTransactionsForBankAccount = endpoint({
  operationId: 'OBPv1.2.1-getTransactionsForBankAccount',
  verb: 'GET',
  path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/transactions',
  summary: 'Get Transactions for Account (Full)',
  description:
    'Returns transactions of the account specified by ACCOUNT_ID, moderated by the view (VIEW_ID): fields the ' +
    'view may not see are null. Authentication is required unless the view is public.\n\n' +
    paramsDoc,
  tags: ['Transaction', 'Account', 'PSD2', 'Old-Style'],
  style: 'old',
  auth: 'optional',
  errors: ['OBP-30001', 'OBP-30018', 'OBP-20017', 'OBP-00005', 'OBP-10023', 'OBP-10024', 'OBP-10025', 'OBP-10026', 'OBP-50000'],
  example: { response: exampleTransactions },
  successStatus: 200,
  handler: async ({ store, config, params, headers, query, caller, services }) => {
    const { BANK_ID: bankId, ACCOUNT_ID: accountId } = params;
    const userId = caller.user?.userId;
    const { bank, account } = await bankAndAccount(store, bankId, accountId, 'OBP-30018');
    const firehose = userId === undefined ? undefined : firehoseRoleCheck(store, userId, bankId);
    const view = await requireView(store, config.props, userId, bankId, accountId, params.VIEW_ID, firehose);
    const page = await store.transactions.page(bankId, accountId, transactionPageQuery(headers, query), view.viewId);
    return services.renderedTransactions.page(store, full, view, bank, account, page);
  },
});

export const getTransactionByIdForBankAccount = endpoint({
  operationId: 'OBPv1.2.1-getTransactionByIdForBankAccount',
  verb: 'GET',
  path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/transactions/TRANSACTION_ID/transaction',
  summary: 'Get Transaction by Id',
  description:
    'Returns one transaction specified by TRANSACTION_ID of the account ACCOUNT_ID, moderated by the view ' +
    '(VIEW_ID). Authentication is required unless the view is public.',
  tags: ['Transaction', 'PSD2', 'Old-Style'],
  style: 'old',
  auth: 'optional',
  errors: ['OBP-30001', 'OBP-30018', 'OBP-20017', 'OBP-00005', 'OBP-30067', 'OBP-50000'],
  example: { response: exampleTransaction },
  successStatus: 200,
  handler: async ({ store, config, params, caller }) => {
    const { BANK_ID: bankId, ACCOUNT_ID: accountId } = params;
    const userId = caller.user?.userId;
    const { bank, account } = await bankAndAccount(store, bankId, accountId, 'OBP-30018');
    const firehose = userId === undefined ? undefined : firehoseRoleCheck(store, userId, bankId);
    const view = await requireView(store, config.props, userId, bankId, accountId, params.VIEW_ID, firehose);
    const tx = await store.transactions.get(bankId, accountId, params.TRANSACTION_ID);
    if (!tx) throw obpError('OBP-30067');
    return transactionJson((await moderated(store, view, bank, account, [tx]))[0]!);
  },
});

export const getCoreTransactionsForBankAccount = endpoint({
  operationId: 'OBPv2.0.0-getCoreTransactionsForBankAccount',
  verb: 'GET',
  path: '/my/banks/BANK_ID/accounts/ACCOUNT_ID/transactions',
  summary: 'Get Transactions for Account (Core)',
  description:
    'Returns transactions of one of the caller’s accounts through the owner view (which the caller must ' +
    'hold). Authentication is required.\n\n' +
    paramsDoc,
  tags: ['Transaction', 'Account', 'PSD2', 'Old-Style'],
  style: 'old',
  auth: 'user',
  errors: ['OBP-30001', 'OBP-30018', 'OBP-20019', 'OBP-10023', 'OBP-10024', 'OBP-10025', 'OBP-10026', 'OBP-50000'],
  example: { response: exampleCoreTransactions },
  successStatus: 200,
  handler: async (ctx) => {
    const { store, config, params, headers, query } = ctx;
    const { BANK_ID: bankId, ACCOUNT_ID: accountId } = params;
    const { userId } = ctx.user();
    const { bank, account } = await bankAndAccount(store, bankId, accountId, 'OBP-30018');
    const view = await requireOwnerView(store, config.props, userId, bankId, accountId);
    const page = await store.transactions.page(bankId, accountId, transactionPageQuery(headers, query), view.viewId);
    return ctx.services.renderedTransactions.page(store, core, view, bank, account, page);
  },
});
