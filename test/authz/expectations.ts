/**
 * The expected answer of a cell, derived from the endpoint declaration (auth, roles, style, declared
 * errors) and a few rules about who holds which view — never from a table per endpoint. Each rule is a
 * failure the cell's caller and ids cause; the first in OBP's order of checks decides the answer:
 * login, roles checked before the handler, the addressed account or customer not found there, roles
 * the handler checks, view access, the child (transaction, counterparty, note…) not found under its
 * parent, then the view's own permission flags. No failure: the declared success status.
 */
import type { Endpoint } from '../../src/api/endpoint.js';
import { catalogueMessage, isErrorCode } from '../../src/errors/obp-error.js';
import { customViewId, type CallerName } from './fixture.js';
import { deepestChild, type Addressed } from './variants.js';

export type Expected =
  | { outcome: 'success'; status: number; rule: string }
  | { outcome: 'refused'; status: number; code: string; rule: string };

/** Views each caller holds on the account of each subject (X is the owner's, Y the foreigner's). */
export function heldViews(caller: CallerName, subject: 'x' | 'y'): string[] {
  if (subject === 'x' && caller === 'owner') return ['owner', customViewId];
  if (subject === 'x' && caller === 'viewer') return [customViewId];
  if (subject === 'y' && caller === 'foreigner') return ['owner'];
  return [];
}

/** What the child placeholders' "not found under this parent" failures are called. */
const childNotFound: Record<string, readonly string[]> = {
  TRANSACTION_ID: ['OBP-30067'],
  OTHER_ACCOUNT_ID: ['OBP-30017'],
  COMMENT_ID: ['Comment not found for this transaction'],
  TAG_ID: ['Tag not found for this transaction'],
  IMAGE_ID: ['Image not found for this transaction'],
  BRANCH_ID: ['OBP-300010'],
  ATM_ID: ['OBP-30009'],
  PRODUCT_CODE: ['OBP-30011'],
};

/** Codes of "the caller may not use this account" when the path names no view. */
const managementCodes = ['OBP-20022', 'OBP-20047', 'OBP-20048', 'OBP-30208'];
const viewFlagCodes = ['OBP-30022', 'Deleting comments not permitted for this view', 'Deleting tags not permitted for this view', 'Deleting images not permitted for this view'];

const firstDeclared = (endpoint: Endpoint, candidates: readonly string[]) => candidates.find((c) => endpoint.errors.includes(c as never));

/** A role rule the handler applies always, not only under a declared condition. */
function unconditionalRule(endpoint: Endpoint): boolean {
  const condition = endpoint.roles?.condition ?? '';
  return endpoint.roles !== undefined && !/^(only when|not checked when|CanEnable)/i.test(condition);
}

/** The declared code of a missing role when the handler names one (OBP-30209 for branches), else OBP-20006. */
function missingRoleCode(endpoint: Endpoint): string {
  const own = endpoint.errors.find((e) => isErrorCode(e) && /do not have the role/i.test(catalogueMessage(e)));
  return own ?? 'OBP-20006';
}

export function expectedStatus(endpoint: Endpoint, code: string): number {
  if (code === 'OBP-20001') return 401;
  if (code === 'OBP-20006') return 403;
  if (endpoint.style === 'old') return 400;
  if (['OBP-20017', 'OBP-20047', 'OBP-20048'].includes(code)) return 403;
  if (isErrorCode(code)) return catalogueStatus(code);
  return 400;
}

function catalogueStatus(code: string): number {
  // the catalogue's status, read through a fresh error so the rule stays the server's data
  return errorStatus(code);
}

import { obpError } from '../../src/errors/obp-error.js';
function errorStatus(code: string): number {
  return obpError(code as never).status;
}

export function expectedOf(endpoint: Endpoint, caller: CallerName, a: Addressed): Expected {
  const path = endpoint.path.split('/');
  const has = (p: string) => path.includes(p);
  const refused = (code: string, rule: string): Expected => ({
    outcome: 'refused',
    status: expectedStatus(endpoint, code),
    code,
    rule,
  });
  const anonymous = caller === 'anonymous';
  if (anonymous && endpoint.auth === 'user') return refused('OBP-20001', 'login required');
  if (endpoint.roles?.check === 'auto') return refused('OBP-20006', 'role checked before the handler');

  if (has('ACCOUNT_ID') && !a.accountAtBank) {
    const code = firstDeclared(endpoint, ['OBP-30018', 'OBP-30003']);
    if (code) return refused(code, 'account of the other bank');
  }
  if (has('CUSTOMER_ID') && has('BANK_ID') && !a.customerAtBank) return refused('OBP-30046', 'customer of the other bank');
  if (unconditionalRule(endpoint)) return refused(missingRoleCode(endpoint), 'role checked by the handler');

  const held = anonymous ? [] : heldViews(caller, a.subject);
  const accountExists = a.accountAtBank;
  if (has('VIEW_ID') && accountExists && !held.includes(a.viewId)) {
    return refused('OBP-20017', `view ${a.viewId} not held`);
  }
  if (has('ACCOUNT_ID') && !has('VIEW_ID') && accountExists) {
    if (path[1] === 'my' && !held.includes('owner')) return refused('OBP-20019', 'owner view not held');
    const code = firstDeclared(endpoint, managementCodes);
    // management rights come with the owner view only; the custom view permits nothing
    if (code && !held.includes('owner')) return refused(code, 'no view permitting it');
  }
  const child = deepestChild(endpoint);
  if (child && !a.childOfParent) {
    const code = firstDeclared(endpoint, childNotFound[child] ?? []);
    if (code) return refused(code, `${child} of the other account`);
  }
  if (has('VIEW_ID') && a.viewId === customViewId) {
    const code = firstDeclared(endpoint, viewFlagCodes);
    if (code) return refused(code, 'the custom view permits nothing');
  }
  return { outcome: 'success', status: endpoint.successStatus, rule: 'allowed' };
}
