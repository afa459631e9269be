/**
 * The six account lists. Their wrappers differ on purpose (SEMANTICS §6.2, quirk Q15): some answer
 * `{accounts:[...]}`, others a bare array, and clients depend on each exactly as OBP sends it.
 */
import { groupPrivateAccounts, inSummaryOrder, publicAccounts, type AccountWithViews } from '../../domain/views/access.js';
import { obpError } from '../../errors/obp-error.js';
import { basicAccountJson, coreAccountJson } from '../../json/v200.js';
import type { Repositories } from '../../store/index.js';
import { endpoint } from '../endpoint.js';
import { serializedPer } from '../../json/serialized.js';
import type { AccountRef } from '../../domain/model.js';

// OBP's examples; for the two bare-array endpoints OBP documents the wrapped shape, and so do we
const exampleBasicAccount = {
  id: '8ca8a7e4-6d02-48e3-a029-0b2bf89de9f0',
  label: 'NoneLabel',
  bank_id: 'gh.29.uk',
  views_available: [{ id: '1', short_name: 'HHH', is_public: true }],
};
const exampleBasicAccounts = { accounts: [exampleBasicAccount] };

const coreAccountsJson = serializedPer((rows: readonly (AccountRef & { label: string })[]) =>
  inSummaryOrder(rows).map(coreAccountJson),
);

async function privateAccounts(store: Repositories, userId: string, bankId?: string): Promise<AccountWithViews[]> {
  return groupPrivateAccounts(await store.access.accessibleAccounts(userId, bankId));
}

async function requireBank(store: Repositories, bankId: string): Promise<void> {
  if (!(await store.banks.exists(bankId))) throw obpError('OBP-30001');
}

export const getPrivateAccountsAllBanks = endpoint({
  operationId: 'OBPv2.0.0-getPrivateAccountsAllBanks',
  verb: 'GET',
  path: '/accounts',
  summary: 'Get all Accounts at all Banks',
  description:
    'Get all accounts at all banks the User has access to. Returns the list of accounts that the user has access to at all banks. ' +
    'For each account the API returns the account ID and the available views (the private views the user holds on it).\n\n' +
    'Authentication is required.',
  tags: ['Account', 'PrivateData', 'PublicData', 'Old-Style'],
  style: 'old',
  auth: 'user',
  errors: ['OBP-50000'],
  example: { response: exampleBasicAccounts },
  successStatus: 200,
  handler: async (ctx) => ({ accounts: (await privateAccounts(ctx.store, ctx.user().userId)).map(basicAccountJson) }),
});

export const corePrivateAccountsAllBanks = endpoint({
  operationId: 'OBPv2.0.0-corePrivateAccountsAllBanks',
  verb: 'GET',
  path: '/my/accounts',
  summary: 'Get Accounts at all Banks (Private)',
  description:
    'Get private accounts at all banks (Authenticated access). Returns the list of accounts containing private views for the user at all banks. ' +
    'For each account the API returns the ID, the label, the bank and links to the account detail. The body is a JSON array.\n\n' +
    'Authentication is required.',
  tags: ['Account', 'PrivateData', 'PSD2', 'Old-Style'],
  style: 'old',
  auth: 'user',
  errors: ['OBP-50000'],
  example: {
    response: {
      accounts: [
        { id: '8ca8a7e4-6d02-48e3-a029-0b2bf89de9f0', label: 'NoneLabel', bank_id: 'gh.29.uk', _links: { jsonString: '{}' } },
      ],
    },
  },
  successStatus: 200,
  // the hottest call of an app: the token and the list usually come from this process's caches, and
  // the JSON text is built once per cached list
  handler: async (ctx) => coreAccountsJson(await ctx.store.access.privateAccountSummaries(ctx.user().userId)),
});

export const publicAccountsAllBanks = endpoint({
  operationId: 'OBPv2.0.0-publicAccountsAllBanks',
  verb: 'GET',
  path: '/accounts/public',
  summary: 'Get Public Accounts at all Banks',
  description:
    'Get public accounts at all banks (Anonymous access). Returns accounts that contain at least one public view (a view where is_public is true). ' +
    'For each account the API returns the ID and the available public views. Empty unless public views are allowed on this instance.\n\n' +
    'Authentication is not required.',
  tags: ['Account-Public', 'Account', 'PublicData'],
  style: 'new',
  auth: 'none',
  errors: ['OBP-30066', 'OBP-50000'],
  example: { response: exampleBasicAccounts },
  successStatus: 200,
  handler: async ({ store, config }) => ({ accounts: (await publicAccounts(store, config.props)).map(basicAccountJson) }),
});

export const getPrivateAccountsAtOneBank = endpoint({
  operationId: 'OBPv2.0.0-getPrivateAccountsAtOneBank',
  verb: 'GET',
  path: '/banks/BANK_ID/accounts',
  summary: 'Get Accounts at Bank',
  description:
    'Returns the list of accounts at BANK_ID that the user has access to. For each account the API returns the account ID and the views available to the user. ' +
    'Each account must have at least one private View. The body is a JSON array.\n\n' +
    'Authentication is required.',
  tags: ['Account', 'PrivateData', 'PublicData'],
  style: 'new',
  auth: 'user',
  errors: ['OBP-30001', 'OBP-50000'],
  example: { response: exampleBasicAccounts },
  successStatus: 200,
  handler: async (ctx) => {
    const { store, params } = ctx;
    await requireBank(store, params.BANK_ID);
    return (await privateAccounts(store, ctx.user().userId, params.BANK_ID)).map(basicAccountJson);
  },
});

export const privateAccountsAtOneBank = endpoint({
  operationId: 'OBPv2.0.0-privateAccountsAtOneBank',
  verb: 'GET',
  path: '/banks/BANK_ID/accounts/private',
  summary: 'Get private accounts at one bank',
  description:
    'Returns the list of private accounts at BANK_ID that the user has access to. For each account the API returns the ID and the available views.\n\n' +
    'If you want to see more information on the Views, use the Account Detail call. If you want less information about the account, use the /my accounts call.\n\n' +
    'Authentication is required.',
  tags: ['Account', 'PSD2'],
  style: 'new',
  auth: 'user',
  errors: ['OBP-30001', 'OBP-50000'],
  example: { response: exampleBasicAccounts },
  successStatus: 200,
  handler: async (ctx) => {
    const { store, params } = ctx;
    await requireBank(store, params.BANK_ID);
    return { accounts: (await privateAccounts(store, ctx.user().userId, params.BANK_ID)).map(basicAccountJson) };
  },
});

export const publicAccountsAtOneBank = endpoint({
  operationId: 'OBPv2.0.0-publicAccountsAtOneBank',
  verb: 'GET',
  path: '/banks/BANK_ID/accounts/public',
  summary: 'Get Public Accounts at Bank',
  description:
    'Returns a list of the public accounts (Anonymous access) at BANK_ID. For each account the API returns the ID and the available public views. ' +
    'The body is a JSON array.\n\n' +
    'Authentication is not required.',
  tags: ['Account-Public', 'Account', 'PublicData'],
  style: 'new',
  auth: 'none',
  errors: ['OBP-30001', 'OBP-50000'],
  example: { response: exampleBasicAccounts },
  successStatus: 200,
  handler: async ({ store, config, params }) => {
    await requireBank(store, params.BANK_ID);
    return (await publicAccounts(store, config.props, params.BANK_ID)).map(basicAccountJson);
  },
});
