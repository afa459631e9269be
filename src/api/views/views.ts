import { isCustomViewId, requireHeldPermission, viewOn } from '../../domain/views/access.js';
import { customViewFrom, systemViews, toStoredView } from '../../domain/views/definitions.js';
import { obpError } from '../../errors/obp-error.js';
import { viewJson } from '../../json/v121.js';
import { exampleView } from '../accounts/account-detail.js';
import { endpoint } from '../endpoint.js';
import { CreateViewBody, exampleCreateView, exampleUpdateView, UpdateViewBody } from './view-body.js';
import { parseStoredView } from '../../domain/views/access.js';

// a view id travels in paths: no separators, controls or spaces
const viewIdPattern = /^_[^\s/\\?#%\p{Cc}]*$/u;

export const getViewsForBankAccount = endpoint({
  operationId: 'OBPv1.2.1-getViewsForBankAccount',
  verb: 'GET',
  path: '/banks/BANK_ID/accounts/ACCOUNT_ID/views',
  summary: 'Get Views for Account',
  description:
    'Returns the custom views of the account and every system view of this instance.\n\n' +
    'The user needs the `can_see_available_views_for_bank_account` permission on one of their views of the account. Authentication is required.',
  tags: ['View-Custom', 'Account'],
  style: 'old',
  auth: 'user',
  errors: ['OBP-20001', 'OBP-30018', 'OBP-20022', 'OBP-50000'],
  example: { response: { views: [exampleView] } },
  successStatus: 200,
  handler: async (ctx) => {
    const { store, params } = ctx;
    const { BANK_ID: bankId, ACCOUNT_ID: accountId } = params;
    if (!(await store.accounts.get(bankId, accountId))) throw obpError('OBP-30018');
    await requireHeldPermission(store, ctx.user().userId, bankId, accountId, 'can_see_available_views_for_bank_account');
    const custom = (await store.access.customViews(bankId, accountId)).map((c) => parseStoredView(c.viewId, c.definition));
    return { views: [...custom, ...systemViews.values()].map(viewJson) };
  },
});

export const createViewForBankAccount = endpoint({
  operationId: 'OBPv1.2.1-createViewForBankAccount',
  verb: 'POST',
  path: '/banks/BANK_ID/accounts/ACCOUNT_ID/views',
  summary: 'Create View',
  description:
    'Create a custom view on the account. The name must start with `_` and becomes the view id; ' +
    '`allowed_actions` lists the permissions switched on (all others are off); `which_alias_to_use` is `public`, `private` or anything else for none.\n\n' +
    'The user needs the `can_create_custom_view` permission on one of their views of the account. Authentication is required.',
  tags: ['Account', 'View-Custom'],
  style: 'old',
  auth: 'user',
  errors: ['OBP-20001', 'OBP-10001', 'OBP-20020', 'OBP-30018', 'OBP-30259', 'OBP-00005', 'OBP-30266', 'OBP-50000'],
  body: CreateViewBody,
  example: { request: exampleCreateView, response: exampleView },
  successStatus: 201,
  handler: async (ctx) => {
    const { store, params, body, config } = ctx;
    const { BANK_ID: bankId, ACCOUNT_ID: accountId } = params;
    if (!viewIdPattern.test(body.name)) throw obpError('OBP-20020');
    if (!(await store.accounts.get(bankId, accountId))) throw obpError('OBP-30018');
    await requireManagement(store, ctx.user().userId, bankId, accountId, 'can_create_custom_view');
    if (body.is_public && !config.props.allowPublicViews) throw obpError('OBP-00005');
    const view = customViewFrom(body.name, body);
    const created = await store.access.createCustomView(bankId, accountId, view.viewId, JSON.stringify(toStoredView(view)));
    if (!created) throw obpError('OBP-30266');
    return viewJson(view);
  },
});

export const updateViewForBankAccount = endpoint({
  operationId: 'OBPv1.2.1-updateViewForBankAccount',
  verb: 'PUT',
  path: '/banks/BANK_ID/accounts/ACCOUNT_ID/views/VIEW_ID',
  summary: 'Update View',
  description:
    'Replace the definition of a custom view of the account (system views cannot be changed). Flags not listed in `allowed_actions` become false.\n\n' +
    'The user needs the `can_update_custom_view` permission on one of their views of the account. Authentication is required.',
  tags: ['Account', 'View-Custom'],
  style: 'old',
  auth: 'user',
  errors: ['OBP-10001', 'OBP-20001', 'OBP-20020', 'OBP-20021', 'OBP-30018', 'OBP-30005', 'OBP-20022', 'OBP-00005', 'OBP-50000'],
  body: UpdateViewBody,
  example: { request: exampleUpdateView, response: exampleView },
  successStatus: 200,
  handler: async (ctx) => {
    const { store, params, body, config } = ctx;
    const { BANK_ID: bankId, ACCOUNT_ID: accountId, VIEW_ID: viewId } = params;
    if (!(await store.accounts.get(bankId, accountId))) throw obpError('OBP-30018');
    if (!isCustomViewId(viewId)) throw obpError(systemViews.has(viewId) ? 'OBP-20021' : 'OBP-20020');
    if (!(await viewOn(store, bankId, accountId, viewId))) throw obpError('OBP-30005');
    await requireHeldPermission(store, ctx.user().userId, bankId, accountId, 'can_update_custom_view');
    if (body.is_public && !config.props.allowPublicViews) throw obpError('OBP-00005');
    const view = customViewFrom(viewId, body);
    await store.access.saveCustomView(bankId, accountId, viewId, JSON.stringify(toStoredView(view)));
    return viewJson(view);
  },
});

export const deleteViewForBankAccount = endpoint({
  operationId: 'OBPv1.2.1-deleteViewForBankAccount',
  verb: 'DELETE',
  path: '/banks/BANK_ID/accounts/ACCOUNT_ID/views/VIEW_ID',
  summary: 'Delete Custom View',
  description:
    'Delete a custom view of the account. A view someone still has access to is not deleted.\n\n' +
    'The user needs the `can_delete_custom_view` permission on one of their views of the account. Authentication is required.',
  tags: ['View-Custom', 'Account'],
  style: 'new',
  auth: 'user',
  errors: ['OBP-20001', 'OBP-30018', 'OBP-20020', 'OBP-30005', 'OBP-20022', 'OBP-50000'],
  example: {},
  successStatus: 204,
  handler: async (ctx) => {
    const { store, params } = ctx;
    const { BANK_ID: bankId, ACCOUNT_ID: accountId, VIEW_ID: viewId } = params;
    if (!(await store.accounts.get(bankId, accountId))) throw obpError('OBP-30018', '', 404);
    if (!isCustomViewId(viewId)) throw obpError('OBP-20020');
    if (!(await viewOn(store, bankId, accountId, viewId))) throw obpError('OBP-30005');
    await requireHeldPermission(store, ctx.user().userId, bankId, accountId, 'can_delete_custom_view');
    if (!(await store.access.deleteUnusedCustomView(bankId, accountId, viewId))) {
      throw obpError('OBP-20022', ' The view is still granted to users of the account');
    }
    return undefined;
  },
});

/** createView's refusal is OBP-30259 naming the missing permission (OBP's wording). */
async function requireManagement(
  store: Parameters<typeof requireHeldPermission>[0],
  userId: string,
  bankId: string,
  accountId: string,
  permission: string,
): Promise<void> {
  try {
    await requireHeldPermission(store, userId, bankId, accountId, permission);
  } catch {
    throw obpError('OBP-30259', ` You need the \`${permission}\` permission on any your views`);
  }
}
