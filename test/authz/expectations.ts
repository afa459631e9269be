/**
 * The expected answer of a cell, derived from the endpoint declaration (auth, roles, style, declared
 * errors) and a few rules about who holds which view — never from a table per endpoint. Each rule is a
 * failure the cell's caller and ids cause; the first in OBP's order of checks decides the answer:
 * login, roles checked before the handler, the addressed account or customer not found there, roles
 * the handler checks, view access (or a system view named for management), the child (transaction,
 * counterparty, note…) not found under its parent, then the view's own permission flags. Which code a
 * failure answers is the first of its candidates the endpoint declares. No failure: the declared
 * success status.
 */
import type { Endpoint } from '../../src/api/endpoint.js';
import { errorCatalogue } from '../../src/errors/catalogue-data.js';
import { catalogueMessage, isErrorCode } from '../../src/errors/obp-error.js';
import { customViewId, partialViewId, publicViewId, readOnlyViewId, type CallerName } from './fixture.js';
import { deepestChild, readsThroughView, type Addressed } from './variants.js';

export type Expected =
  { outcome: 'success'; status: number; rule: string } | { outcome: 'refused'; status: number; code: string; rule: string };

/**
 * Views each caller may use on the account of each subject: X and Z are the owner's, Y the
 * foreigner's; the viewer holds the custom and the partial view of X, the reader its read-only view; Z's public view
 * is anyone's (the matrix's server allows public views).
 */
export function usableViews(caller: CallerName, subject: 'x' | 'y' | 'z'): string[] {
  const held: Partial<Record<CallerName, Record<string, string[]>>> = {
    owner: { x: ['owner', customViewId], z: ['owner'] },
    viewer: { x: [customViewId, partialViewId] },
    reader: { x: [readOnlyViewId] },
    foreigner: { y: ['owner'] },
  };
  const own = held[caller]?.[subject] ?? [];
  return subject === 'z' ? [...own, publicViewId] : own;
}

/** Views that permit nothing: the custom view of X and the public view of Z. */
const viewsPermittingNothing = [customViewId, publicViewId];

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
const managementCodes = ['OBP-20022', 'OBP-20047', 'OBP-20048', 'OBP-30208', 'OBP-30259'];
/** Refusals of a view's permission flags: to see (checked first), then to act (deleting notes: after the note is found). */
const deleteRefusals = [
  'Deleting comments not permitted for this view',
  'Deleting tags not permitted for this view',
  'Deleting images not permitted for this view',
  'Deleting tag is not permitted for this view',
];
// OBP-20022: views refused by an old-style handler (transaction requests)
const seeRefusals = ['OBP-30022', ...deleteRefusals, 'OBP-20022'];
const actRefusals = [...deleteRefusals, 'OBP-30022'];

/** The owner view permits every action; the fixture's custom views carry only `can_see_…` permissions. */
const grants = (viewId: string, permissions: readonly string[]) =>
  viewId === 'owner' || permissions.every((p) => p.startsWith('can_see_'));

const firstDeclared = (endpoint: Endpoint, candidates: readonly string[]) =>
  candidates.find((c) => endpoint.errors.includes(c as never));

/** A role rule the handler applies always, not only under a declared condition. */
function unconditionalRule(endpoint: Endpoint): boolean {
  const condition = endpoint.roles?.condition ?? '';
  return endpoint.roles !== undefined && !/^(only when|not checked when)/i.test(condition);
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
  return isErrorCode(code) ? errorCatalogue[code].status : 400;
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
  const usable = usableViews(caller, a.subject);
  const rule = endpoint.roles;
  if (rule && unconditionalRule(endpoint)) {
    // no caller holds the role at bank A, and the admin has no cell at bank B (see cells.ts)
    const byView =
      rule.orViewPermissions && a.accountAtBank && usable.includes(a.viewId) && grants(a.viewId, rule.orViewPermissions);
    if (!byView) return refused(rule.refusal ?? missingRoleCode(endpoint), 'role (or view) checked by the handler');
  }

  const accountExists = a.accountAtBank;
  const throughView = readsThroughView(endpoint);
  if (throughView && accountExists && !usable.includes(a.viewId)) {
    return refused('OBP-20017', `view ${a.viewId} not usable`);
  }
  if (has('ACCOUNT_ID') && !throughView && accountExists) {
    if (path[1] === 'my' && !usable.includes('owner')) return refused('OBP-20019', 'owner view not held');
    // a system view cannot be changed or deleted, whoever asks
    const systemTarget = has('VIEW_ID') && !a.targetViewId.startsWith('_');
    const targetCode = systemTarget ? firstDeclared(endpoint, ['OBP-20021', 'OBP-20020']) : undefined;
    if (targetCode) return refused(targetCode, 'system view named');
    const code = firstDeclared(endpoint, managementCodes);
    // managing comes with the owner view only; the read-only view sees who has access, the custom view nothing
    const reads = endpoint.verb === 'GET' && usable.includes(readOnlyViewId);
    if (code && !usable.includes('owner') && !reads) return refused(code, 'no view permitting it');
  }
  const child = deepestChild(endpoint);
  if (child && !a.childOfParent) {
    const code = firstDeclared(endpoint, childNotFound[child] ?? []);
    if (code) return refused(code, `${child} of the other account`);
  }
  if (throughView && viewsPermittingNothing.includes(a.viewId)) {
    const code = firstDeclared(endpoint, seeRefusals);
    if (code) return refused(code, `view ${a.viewId} permits nothing`);
  }
  // the read-only view sees everything and does nothing
  if (throughView && a.viewId === readOnlyViewId && endpoint.verb !== 'GET') {
    const code = firstDeclared(endpoint, actRefusals);
    if (code) return refused(code, `view ${a.viewId} permits no writes`);
  }
  return { outcome: 'success', status: endpoint.successStatus, rule: 'allowed' };
}
