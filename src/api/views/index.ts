import type { Endpoint } from '../endpoint.js';
import {
  addPermissionForUserForBankAccountForMultipleViews,
  addPermissionForUserForBankAccountForOneView,
  getPermissionForUserForBankAccount,
  getPermissionsForBankAccount,
  removePermissionForUserForBankAccountForAllViews,
  removePermissionForUserForBankAccountForOneView,
} from './permissions.js';
import { createViewForBankAccount, deleteViewForBankAccount, getViewsForBankAccount, updateViewForBankAccount } from './views.js';

export const viewsEndpoints: readonly Endpoint[] = [
  getViewsForBankAccount,
  createViewForBankAccount,
  updateViewForBankAccount,
  deleteViewForBankAccount,
  getPermissionsForBankAccount,
  getPermissionForUserForBankAccount,
  addPermissionForUserForBankAccountForOneView,
  addPermissionForUserForBankAccountForMultipleViews,
  removePermissionForUserForBankAccountForOneView,
  removePermissionForUserForBankAccountForAllViews,
];
