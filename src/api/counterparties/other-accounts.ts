/** The counterparties ("other accounts") of an account as a view shows them (SEMANTICS §10.2, §8.3). */
import { moderateOtherAccount } from '../../domain/transactions/moderation.js';
import { obpError } from '../../errors/obp-error.js';
import { otherAccountJson, otherAccountMetadataJson } from '../../json/v121.js';
import { endpoint } from '../endpoint.js';
import { exampleOtherAccount, exampleOtherAccountMetadata } from './examples.js';
import { accountThroughView, counterpartiesOf, requireCounterparty, withMetadata, type Counterparty } from './load.js';
import type { ViewDefinition } from '../../domain/views/definitions.js';

/** One counterparty through a view; a view that hides the other account answers OBP-30022, as OBP does. */
function visibleOtherAccountJson(view: ViewDefinition, c: Counterparty) {
  const o = moderateOtherAccount(view, c.fields, c.metadata);
  if (o === null) throw obpError('OBP-30022', ' can_see_transaction_other_bank_account');
  return otherAccountJson(o);
}

export const getOtherAccountsForBankAccount = endpoint({
  operationId: 'OBPv1.2.1-getOtherAccountsForBankAccount',
  verb: 'GET',
  path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/other_accounts',
  summary: 'Get Other Accounts of one Account',
  description:
    'Returns the counterparties (other accounts) of the account ACCOUNT_ID, moderated by the view VIEW_ID. ' +
    'Authentication is required unless the view is public.',
  tags: ['Counterparty', 'Account', 'PSD2', 'Old-Style'],
  style: 'old',
  auth: 'optional',
  errors: ['OBP-30001', 'OBP-30018', 'OBP-20017', 'OBP-00005', 'OBP-50000'],
  example: { response: { other_accounts: [exampleOtherAccount] } },
  successStatus: 200,
  handler: async ({ store, config, params, caller }) => {
    const { view } = await accountThroughView(store, config.props, caller.user?.userId, params);
    const all = await counterpartiesOf(store, params.BANK_ID, params.ACCOUNT_ID);
    return {
      other_accounts: all
        .map((c) => moderateOtherAccount(view, c.fields, c.metadata))
        .filter((o) => o !== null)
        .map(otherAccountJson),
    };
  },
});

export const getOtherAccountByIdForBankAccount = endpoint({
  operationId: 'OBPv1.2.1-getOtherAccountByIdForBankAccount',
  verb: 'GET',
  path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/other_accounts/OTHER_ACCOUNT_ID',
  summary: 'Get Other Account by Id',
  description:
    'Returns one counterparty (OTHER_ACCOUNT_ID) of the account ACCOUNT_ID, moderated by the view VIEW_ID. ' +
    'Authentication is required unless the view is public.',
  tags: ['Counterparty', 'Account', 'Old-Style'],
  style: 'old',
  auth: 'optional',
  errors: ['OBP-30001', 'OBP-30018', 'OBP-20017', 'OBP-00005', 'OBP-30017', 'OBP-30022', 'OBP-50000'],
  example: { response: exampleOtherAccount },
  successStatus: 200,
  handler: async ({ store, config, params, caller }) => {
    const { view } = await accountThroughView(store, config.props, caller.user?.userId, params);
    const c = await requireCounterparty(store, params.BANK_ID, params.ACCOUNT_ID, params.OTHER_ACCOUNT_ID);
    return visibleOtherAccountJson(view, c);
  },
});

export const getOtherAccountForTransaction = endpoint({
  operationId: 'OBPv1.2.1-getOtherAccountForTransaction',
  verb: 'GET',
  path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/transactions/TRANSACTION_ID/other_account',
  summary: 'Get Other Account of Transaction',
  description:
    'Returns the counterparty of the transaction TRANSACTION_ID, moderated by the view VIEW_ID. ' + 'Authentication is required.',
  tags: ['Transaction', 'Counterparty'],
  style: 'new',
  auth: 'user',
  errors: ['OBP-20001', 'OBP-30001', 'OBP-30018', 'OBP-20017', 'OBP-30067', 'OBP-30022', 'OBP-50000'],
  example: { response: exampleOtherAccount },
  successStatus: 200,
  handler: async (ctx) => {
    const { store, config, params } = ctx;
    const { view } = await accountThroughView(store, config.props, ctx.user().userId, params);
    const tx = await store.transactions.get(params.BANK_ID, params.ACCOUNT_ID, params.TRANSACTION_ID);
    if (!tx) throw obpError('OBP-30067');
    const [c] = await withMetadata(store, params.BANK_ID, params.ACCOUNT_ID, [tx]);
    return visibleOtherAccountJson(view, c!);
  },
});

export const getOtherAccountMetadata = endpoint({
  operationId: 'OBPv1.2.1-getOtherAccountMetadata',
  verb: 'GET',
  path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/other_accounts/OTHER_ACCOUNT_ID/metadata',
  summary: 'Get Other Account Metadata',
  description:
    'Returns the metadata (aliases, more info, URLs, locations) of the counterparty OTHER_ACCOUNT_ID through ' +
    'the view VIEW_ID, which must show counterparty metadata. Authentication is required.',
  tags: ['Counterparty-Metadata', 'Counterparty'],
  style: 'new',
  auth: 'user',
  errors: ['OBP-20001', 'OBP-30001', 'OBP-30018', 'OBP-20017', 'OBP-30017', 'OBP-30022', 'OBP-50000'],
  example: { response: exampleOtherAccountMetadata },
  successStatus: 200,
  handler: async (ctx) => {
    const { store, config, params } = ctx;
    const { view } = await accountThroughView(store, config.props, ctx.user().userId, params);
    const c = await requireCounterparty(store, params.BANK_ID, params.ACCOUNT_ID, params.OTHER_ACCOUNT_ID);
    const o = moderateOtherAccount(view, c.fields, c.metadata);
    if (o === null || o.metadata === null) throw obpError('OBP-30022', ' can_see_other_account_metadata');
    return otherAccountMetadataJson(o.metadata);
  },
});
