/**
 * Access to an account through a view (OBP §7.4), in one place. Every `.../VIEW_ID/...` endpoint
 * asks `requireView`; failures never reveal whether the account or view exists beyond OBP's codes.
 */
import type { ObpProps } from '../../config.js';
import { obpError, ObpError } from '../../errors/obp-error.js';
import type { Repositories } from '../../store/index.js';
import type { AccountRef } from '../model.js';
import type { AccessibleAccount } from '../../store/repos/accounts.js';
import { fromStoredView, systemView, type StoredViewDefinition, type ViewDefinition } from './definitions.js';

export const ownerViewId = 'owner';

export function isCustomViewId(viewId: string): boolean {
  return viewId.startsWith('_');
}

export function parseStoredView(viewId: string, definition: string): ViewDefinition {
  return fromStoredView(viewId, JSON.parse(definition) as StoredViewDefinition);
}

/** The definition of one view as it applies to one account. */
export async function viewOn(
  store: Repositories,
  bankId: string,
  accountId: string,
  viewId: string,
): Promise<ViewDefinition | undefined> {
  if (!isCustomViewId(viewId)) return systemView(viewId);
  const stored = await store.access.customView(bankId, accountId, viewId);
  return stored === undefined ? undefined : parseStoredView(viewId, stored);
}

/** A view is usable by everyone when public views are allowed on this instance. */
export function isUsablePublic(view: ViewDefinition, props: ObpProps): boolean {
  return view.isPublic && props.allowPublicViews;
}

/**
 * The view the caller may use on the account, or OBP-20017 (the style of the endpoint decides
 * whether that renders as 403 or 400). A public view on an instance that forbids them → OBP-00005.
 */
export async function requireView(
  store: Repositories,
  props: ObpProps,
  userId: string | undefined,
  bankId: string,
  accountId: string,
  viewId: string,
  firehoseRoleHeld: () => Promise<boolean> = () => Promise.resolve(false),
): Promise<ViewDefinition> {
  const view = await viewOn(store, bankId, accountId, viewId);
  if (view) {
    if (view.isPublic) {
      if (!props.allowPublicViews) throw obpError('OBP-00005');
      return view;
    }
    if (userId !== undefined) {
      const held = await store.access.viewsOf(userId, bankId, accountId);
      if (held.includes(viewId)) return view;
      if (view.isFirehose && view.isSystem && props.allowAccountFirehose && (await firehoseRoleHeld())) return view;
    }
  }
  throw obpError('OBP-20017');
}

/** Every view the user holds on one account (AccountAccess rows), public or not, in view id order. */
export async function heldViews(
  store: Repositories,
  userId: string,
  bankId: string,
  accountId: string,
): Promise<ViewDefinition[]> {
  const ids = await store.access.viewsOf(userId, bankId, accountId);
  const views = await Promise.all(ids.map((id) => viewOn(store, bankId, accountId, id)));
  return views.filter((v): v is ViewDefinition => v !== undefined).sort(byViewId);
}

/** Every view assigned on one account, to anyone (OBP's assignedViewsForAccount), in view id order. */
export async function assignedViews(store: Repositories, bankId: string, accountId: string): Promise<ViewDefinition[]> {
  const ids = await store.access.assignedViewIds(bankId, accountId);
  const views = await Promise.all(ids.map((id) => viewOn(store, bankId, accountId, id)));
  return views.filter((v): v is ViewDefinition => v !== undefined).sort(byViewId);
}

/**
 * The caller's private views on one account, sorted by short name as OBP's ModeratedAccountJSON
 * does (UTF-16 order like Scala's `sortBy` on strings; view id breaks ties).
 */
export async function privateViewsOf(
  store: Repositories,
  userId: string,
  bankId: string,
  accountId: string,
): Promise<ViewDefinition[]> {
  const views = await heldViews(store, userId, bankId, accountId);
  return views.filter((v) => !v.isPublic).sort((a, b) => compareUtf16(a.shortName, b.shortName) || byViewId(a, b));
}

/** True when one of `views` carries `permission` (OBP's "on any of your views" management checks). */
export function anyViewPermits(views: readonly ViewDefinition[], permission: string): boolean {
  return views.some((v) => v.permissions.has(permission));
}

/**
 * Management actions on an account (update label, list views, ...) need the permission on ANY view
 * the caller holds there; OBP answers OBP-20022 naming the missing permission otherwise.
 */
export async function requireHeldPermission(
  store: Repositories,
  userId: string,
  bankId: string,
  accountId: string,
  permission: string,
): Promise<void> {
  const views = await heldViews(store, userId, bankId, accountId);
  if (!anyViewPermits(views, permission)) {
    throw obpError('OBP-20022', ` You need the \`${permission}\` permission on any your views`);
  }
}

/** The `owner` view, for the `/my/...` core endpoints that imply it; OBP-20019 without owner access. */
export async function requireOwnerView(
  store: Repositories,
  props: ObpProps,
  userId: string,
  bankId: string,
  accountId: string,
): Promise<ViewDefinition> {
  try {
    return await requireView(store, props, userId, bankId, accountId, ownerViewId);
  } catch (e) {
    if (e instanceof ObpError && e.code === 'OBP-20017') throw obpError('OBP-20019');
    throw e;
  }
}

/** Firehose views are usable with CanUseAccountFirehoseAtAnyBank, or CanUseAccountFirehose at the bank. */
export function firehoseRoleCheck(store: Repositories, userId: string, bankId: string): () => Promise<boolean> {
  return async () => {
    const held = await store.entitlements.forUser(userId);
    return held.some(
      (e) =>
        (e.roleName === 'CanUseAccountFirehoseAtAnyBank' && e.bankId === '') ||
        (e.roleName === 'CanUseAccountFirehose' && e.bankId === bankId),
    );
  };
}

/** Java's String.compareTo order: the same on every store, whatever the database collation. */
function compareUtf16(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byViewId(a: ViewDefinition, b: ViewDefinition): number {
  return compareUtf16(a.viewId, b.viewId);
}

export interface AccountWithViews {
  bankId: string;
  accountId: string;
  label: string;
  views: ViewDefinition[];
}

/** Groups access rows (ordered by bank, account) into accounts with the caller's private views. */
export function groupPrivateAccounts(rows: readonly AccessibleAccount[]): AccountWithViews[] {
  const out: AccountWithViews[] = [];
  for (const row of rows) {
    const view = row.customDefinition === undefined ? systemView(row.viewId) : parseStoredView(row.viewId, row.customDefinition);
    if (!view || view.isPublic) continue;
    const last = out.at(-1);
    if (last && last.bankId === row.bankId && last.accountId === row.accountId) last.views.push(view);
    else out.push({ bankId: row.bankId, accountId: row.accountId, label: row.label, views: [view] });
  }
  return inStableOrder(out);
}

/** The caller's private accounts without their views (the core list), in the same stable order. */
export function inSummaryOrder(rows: readonly (AccountRef & { label: string })[]): (AccountRef & { label: string })[] {
  return [...rows].sort((a, b) => compareUtf16(a.bankId, b.bankId) || compareUtf16(a.accountId, b.accountId));
}

/** Accounts that have at least one public view (empty unless public views are allowed). */
export async function publicAccounts(store: Repositories, props: ObpProps, bankId?: string): Promise<AccountWithViews[]> {
  if (!props.allowPublicViews) return [];
  const rows = await store.access.publicCustomViews(bankId);
  const accounts = await store.accounts.getMany(rows);
  const labels = new Map(accounts.map((a) => [`${a.bankId}\u0000${a.accountId}`, a.label]));
  const out: AccountWithViews[] = [];
  for (const row of rows) {
    const label = labels.get(`${row.bankId}\u0000${row.accountId}`);
    const view = parseStoredView(row.viewId, row.definition);
    if (label === undefined || !view.isPublic) continue;
    const last = out.at(-1);
    if (last && last.bankId === row.bankId && last.accountId === row.accountId) last.views.push(view);
    else out.push({ bankId: row.bankId, accountId: row.accountId, label, views: [view] });
  }
  return inStableOrder(out);
}

/**
 * SQL ordering follows the database collation, which differs between SQLite and PostgreSQL; lists
 * are re-sorted here (by bank, account, then view id) so every store answers in the same order.
 */
function inStableOrder(accounts: AccountWithViews[]): AccountWithViews[] {
  for (const a of accounts) a.views.sort(byViewId);
  return accounts.sort((a, b) => compareUtf16(a.bankId, b.bankId) || compareUtf16(a.accountId, b.accountId));
}
