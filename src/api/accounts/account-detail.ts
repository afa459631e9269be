/** One account, moderated by a view: the full v1.2.1 shape through VIEW_ID, and the core shape through owner. */
import { firehoseRoleCheck, privateViewsOf, requireOwnerView, requireView } from '../../domain/views/access.js';
import { viewJsonFlags } from '../../domain/views/definitions.js';
import { obpError } from '../../errors/obp-error.js';
import { endpoint } from '../endpoint.js';
import { moderatedAccountWithViews, moderatedCoreAccount } from './moderated-account.js';

const exampleCoreAccount = {
  id: '8ca8a7e4-6d02-48e3-a029-0b2bf89de9f0',
  label: 'NoneLabel',
  number: '123',
  owners: [{ id: '5995d6a2-01b3-423c-a173-5481df49bdaf', provider: 'http://127.0.0.1:8080', display_name: 'OBP' }],
  type: 'OBP',
  balance: { currency: 'EUR', amount: '0' },
  IBAN: 'GR1301720530005053000582373',
  swift_bic: 'UKTF3049auf',
  bank_id: 'gh.29.uk',
  account_routing: { scheme: 'AccountNumber', address: '4930396' },
};

export const exampleView = {
  id: '123',
  short_name: 'short_name',
  description: 'description',
  is_public: true,
  alias: 'None',
  hide_metadata_if_alias_used: true,
  ...Object.fromEntries(viewJsonFlags.map((flag) => [flag, true])),
};

export const accountById = endpoint({
  operationId: 'OBPv2.0.0-accountById',
  verb: 'GET',
  path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/account',
  summary: 'Get Account by Id (Full)',
  description:
    'Information returned about an account specified by ACCOUNT_ID as moderated by the view (VIEW_ID):\n\n' +
    '* Number\n* Owners\n* Type\n* Balance\n* IBAN\n* Available views (sorted by short_name)\n\n' +
    'Fields the view may not see are null. Authentication is required.',
  tags: ['Account', 'Old-Style'],
  style: 'old',
  auth: 'user',
  errors: ['OBP-30001', 'OBP-30003', 'OBP-30005', 'OBP-20017', 'OBP-00005', 'OBP-50000'],
  example: {
    response: {
      id: '5995d6a2-01b3-423c-a173-5481df49bdaf',
      label: 'NoneLabel',
      number: '123',
      owners: exampleCoreAccount.owners,
      type: 'OBP',
      balance: { currency: 'EUR', amount: '0' },
      IBAN: 'DE89 3704 0044 0532 0130 00',
      swift_bic: 'OKOYFIHH',
      views_available: [exampleView],
      bank_id: 'gh.29.uk',
      account_routing: exampleCoreAccount.account_routing,
    },
  },
  successStatus: 200,
  handler: async (ctx) => {
    const { store, config, params } = ctx;
    const { userId } = ctx.user();
    const { BANK_ID: bankId, ACCOUNT_ID: accountId } = params;
    if (!(await store.banks.exists(bankId))) throw obpError('OBP-30001');
    const account = await store.accounts.get(bankId, accountId);
    if (!account) throw obpError('OBP-30003');
    const firehose = firehoseRoleCheck(store, userId, bankId);
    const view = await requireView(store, config.props, userId, bankId, accountId, params.VIEW_ID, firehose);
    const available = await privateViewsOf(store, userId, bankId, accountId);
    return moderatedAccountWithViews(store, account, view, available);
  },
});

export const getCoreAccountById = endpoint({
  operationId: 'OBPv2.0.0-getCoreAccountById',
  verb: 'GET',
  path: '/my/banks/BANK_ID/accounts/ACCOUNT_ID/account',
  summary: 'Get Account by Id (Core)',
  description:
    'Information returned about the account specified by ACCOUNT_ID:\n\n* Number\n* Owners\n* Type\n* Balance\n* IBAN\n\n' +
    'This call returns the owner view and requires access to that view. Authentication is required.',
  tags: ['Account', 'PSD2', 'Old-Style'],
  style: 'old',
  auth: 'user',
  errors: ['OBP-30018', 'OBP-20019', 'OBP-50000'],
  example: { response: exampleCoreAccount },
  successStatus: 200,
  handler: async (ctx) => {
    const { store, config, params } = ctx;
    const { BANK_ID: bankId, ACCOUNT_ID: accountId } = params;
    const account = await store.accounts.get(bankId, accountId);
    if (!account) throw obpError('OBP-30018');
    const view = await requireOwnerView(store, config.props, ctx.user().userId, bankId, accountId);
    return moderatedCoreAccount(store, account, view);
  },
});
