import { Type } from '@sinclair/typebox';
import { heldViews, requireHeldPermission } from '../../domain/views/access.js';
import { requireChangeableViews, revokeAccess } from '../../domain/views/grants.js';
import { obpError } from '../../errors/obp-error.js';
import { viewJson } from '../../json/v121.js';
import type { Repositories } from '../../store/index.js';
import { exampleView } from '../accounts/account-detail.js';
import { endpoint } from '../endpoint.js';

const base = '/banks/BANK_ID/accounts/ACCOUNT_ID/permissions/PROVIDER/PROVIDER_ID';

async function requireAccount(store: Repositories, bankId: string, accountId: string, status?: number) {
  if (!(await store.banks.get(bankId))) throw obpError('OBP-30001', '', status);
  if (!(await store.accounts.get(bankId, accountId))) throw obpError('OBP-30003', '', status);
}

export const getPermissionsForBankAccount = endpoint({
  operationId: 'OBPv2.0.0-getPermissionsForBankAccount',
  verb: 'GET',
  path: '/banks/BANK_ID/accounts/ACCOUNT_ID/permissions',
  summary: 'Get access',
  description:
    'Returns every user with access to the account and the views each holds, sorted by email.\n\n' +
    'The user needs the `can_see_views_with_permissions_for_all_users` permission on one of their views of the account. Authentication is required.',
  tags: ['View-Custom', 'Account', 'User', 'Entitlement'],
  style: 'new',
  auth: 'user',
  errors: ['OBP-20001', 'OBP-30001', 'OBP-30003', 'OBP-20022', 'OBP-50000'],
  example: {
    response: {
      permissions: [
        {
          user: { id: '5995d6a2-01b3-423c-a173-5481df49bdaf', provider: 'http://127.0.0.1:8080', display_name: 'OBP' },
          views: [exampleView],
        },
      ],
    },
  },
  successStatus: 200,
  handler: async (ctx) => {
    const { store, params } = ctx;
    const { BANK_ID: bankId, ACCOUNT_ID: accountId } = params;
    await requireAccount(store, bankId, accountId, 404);
    await requireHeldPermission(store, ctx.user().userId, bankId, accountId, 'can_see_views_with_permissions_for_all_users');
    const rows = await store.access.accessRows(bankId, accountId);
    const userIds = [...new Set(rows.map((r) => r.userId))];
    const entries = [];
    for (const userId of userIds) {
      const user = await store.users.get(userId);
      if (!user) continue;
      const views = await heldViews(store, userId, bankId, accountId);
      entries.push({
        user: { id: user.providerId, provider: user.provider, display_name: user.email },
        views: views.map(viewJson),
      });
    }
    entries.sort((a, b) => (a.user.display_name < b.user.display_name ? -1 : a.user.display_name > b.user.display_name ? 1 : 0));
    return { permissions: entries };
  },
});

export const getPermissionForUserForBankAccount = endpoint({
  operationId: 'OBPv2.0.0-getPermissionForUserForBankAccount',
  verb: 'GET',
  path: base,
  summary: 'Get Account access for User',
  description:
    'Returns the views the user identified by PROVIDER and PROVIDER_ID holds on the account.\n\n' +
    'The caller needs the `can_see_views_with_permissions_for_one_user` permission on one of their views of the account. Authentication is required.',
  tags: ['View-Custom', 'Account', 'User'],
  style: 'old',
  auth: 'user',
  errors: ['OBP-20001', 'OBP-30001', 'OBP-30003', 'OBP-30259', 'OBP-20104', 'OBP-50000'],
  example: { response: { views: [exampleView] } },
  successStatus: 200,
  handler: async (ctx) => {
    const { store, params } = ctx;
    const { BANK_ID: bankId, ACCOUNT_ID: accountId } = params;
    await requireAccount(store, bankId, accountId);
    const permission = 'can_see_views_with_permissions_for_one_user';
    if (!(await heldViews(store, ctx.user().userId, bankId, accountId)).some((v) => v.permissions.has(permission))) {
      throw obpError('OBP-30259', ` You need the \`${permission}\` permission on any your views`);
    }
    const user = await store.users.getByProvider(params.PROVIDER, params.PROVIDER_ID);
    if (!user) throw obpError('OBP-20104');
    return { views: (await heldViews(store, user.userId, bankId, accountId)).map(viewJson) };
  },
});

/** The target user, or 403 like a refused grant (OBP answers both the same way). */
async function targetUser(store: Repositories, provider: string, providerId: string, code: 'OBP-20047' | 'OBP-20048') {
  const user = await store.users.getByProvider(provider, providerId);
  if (!user) throw obpError(code, '', 403);
  return user;
}

type PermissionParams = Record<'BANK_ID' | 'ACCOUNT_ID' | 'PROVIDER' | 'PROVIDER_ID', string>;

/** The steps every grant and revoke takes, in OBP's order: the account, the caller's right to change `viewIds`, the target user. */
async function permissionChange(
  store: Repositories,
  callerId: string,
  params: PermissionParams,
  viewIds: string[],
  kind: 'grant' | 'revoke',
) {
  const { BANK_ID: bankId, ACCOUNT_ID: accountId } = params;
  await requireAccount(store, bankId, accountId, 404);
  const views = await requireChangeableViews(store, callerId, bankId, accountId, viewIds, kind);
  const user = await targetUser(store, params.PROVIDER, params.PROVIDER_ID, kind === 'grant' ? 'OBP-20047' : 'OBP-20048');
  return { bankId, accountId, views, user };
}

export const addPermissionForUserForBankAccountForOneView = endpoint({
  operationId: 'OBPv1.2.1-addPermissionForUserForBankAccountForOneView',
  verb: 'POST',
  path: `${base}/views/VIEW_ID`,
  summary: 'Grant User access to View',
  description:
    'Grants the user identified by PROVIDER and PROVIDER_ID access to VIEW_ID on the account. A system view needs to be listed in ' +
    "`can_grant_access_to_views` of one of the caller's views; a custom view needs `can_grant_access_to_custom_views`. Granting twice is harmless. Authentication is required.",
  tags: ['View-Custom', 'Account', 'User', 'OwnerViewRequired'],
  style: 'new',
  auth: 'user',
  errors: ['OBP-20001', 'OBP-30001', 'OBP-30003', 'OBP-20047', 'OBP-50000'],
  example: { response: exampleView },
  successStatus: 201,
  handler: async (ctx) => {
    const { store, params } = ctx;
    const change = await permissionChange(store, ctx.user().userId, params, [params.VIEW_ID], 'grant');
    const [view] = change.views;
    await store.access.grant(change.user.userId, change.bankId, change.accountId, view!.viewId);
    return viewJson(view!);
  },
});

const ViewsBody = Type.Object({ views: Type.Array(Type.String({ maxLength: 255 }), { maxItems: 100 }) });

export const addPermissionForUserForBankAccountForMultipleViews = endpoint({
  operationId: 'OBPv1.2.1-addPermissionForUserForBankAccountForMultipleViews',
  verb: 'POST',
  path: `${base}/views`,
  summary: 'Grant User access to a list of views',
  description:
    'Grants the user identified by PROVIDER and PROVIDER_ID access to each listed view of the account; all of them must exist and be grantable by the caller, ' +
    'otherwise nothing is granted. Authentication is required.',
  tags: ['View-Custom', 'Account', 'User', 'OwnerViewRequired'],
  style: 'new',
  auth: 'user',
  errors: ['OBP-20001', 'OBP-30001', 'OBP-30003', 'OBP-20047', 'wrong format JSON', 'OBP-50000'],
  body: ViewsBody,
  example: { request: { views: ['_family', '_work'] }, response: { views: [exampleView] } },
  successStatus: 201,
  handler: async (ctx) => {
    const { store, params, body } = ctx;
    const { bankId, accountId, views, user } = await permissionChange(
      store,
      ctx.user().userId,
      params,
      [...new Set(body.views)],
      'grant',
    );
    await store.transaction(async (tx) => {
      for (const v of views) await tx.access.grant(user.userId, bankId, accountId, v.viewId);
    });
    return { views: views.map(viewJson) };
  },
});

export const removePermissionForUserForBankAccountForOneView = endpoint({
  operationId: 'OBPv1.2.1-removePermissionForUserForBankAccountForOneView',
  verb: 'DELETE',
  path: `${base}/views/VIEW_ID`,
  summary: 'Revoke access to one View',
  description:
    'Revokes VIEW_ID on the account from the user identified by PROVIDER and PROVIDER_ID (the caller needs the matching revoke right). ' +
    'The last owner access to an account is never revoked. Authentication is required.',
  tags: ['View-Custom', 'Account', 'User', 'Entitlement', 'OwnerViewRequired'],
  style: 'new',
  auth: 'user',
  errors: ['OBP-20001', 'OBP-30001', 'OBP-30003', 'OBP-20048', 'OBP-50000'],
  example: {},
  successStatus: 204,
  handler: async (ctx) => {
    const { store, params } = ctx;
    const { bankId, accountId, user } = await permissionChange(store, ctx.user().userId, params, [params.VIEW_ID], 'revoke');
    await revokeAccess(store, user.userId, bankId, accountId, [params.VIEW_ID]);
    return undefined;
  },
});

export const removePermissionForUserForBankAccountForAllViews = endpoint({
  operationId: 'OBPv1.2.1-removePermissionForUserForBankAccountForAllViews',
  verb: 'DELETE',
  path: `${base}/views`,
  summary: 'Revoke access to all Views on Account',
  description:
    'Revokes every view the user identified by PROVIDER and PROVIDER_ID holds on the account, except an owner access nobody else has. ' +
    'The caller must be able to revoke every view they hold themselves. Authentication is required.',
  tags: ['View-Custom', 'Account', 'User', 'OwnerViewRequired'],
  style: 'new',
  auth: 'user',
  errors: ['OBP-20001', 'OBP-30001', 'OBP-30003', 'OBP-20048', 'OBP-50000'],
  example: {},
  successStatus: 204,
  handler: async (ctx) => {
    const { store, params } = ctx;
    const { BANK_ID: bankId, ACCOUNT_ID: accountId } = params;
    await requireAccount(store, bankId, accountId, 404);
    const callerId = ctx.user().userId;
    const own = await store.access.viewsOf(callerId, bankId, accountId);
    if (own.length === 0) throw obpError('OBP-20048', '', 403);
    await requireChangeableViews(store, callerId, bankId, accountId, own, 'revoke');
    const user = await targetUser(store, params.PROVIDER, params.PROVIDER_ID, 'OBP-20048');
    await revokeAccess(store, user.userId, bankId, accountId, 'all');
    return undefined;
  },
});
