/**
 * The steps every payment endpoint takes first, in OBP's order (§11.2, §11.5): enabled, id formats,
 * bank, account, then the authorisation — CanCreateAnyTransactionRequest at the bank, or access to
 * VIEW_ID through a view that may add transaction requests (OBP-40002 otherwise).
 */
import type { ObpProps } from '../../config.js';
import type { RoleRule } from '../endpoint.js';
import { isValidObpId } from '../../domain/accounts/ids.js';
import type { Account, AccountRef, Bank } from '../../domain/model.js';
import { requiresBankId, type RoleName } from '../../domain/roles.js';
import { requireView } from '../../domain/views/access.js';
import { obpError, ObpError } from '../../errors/obp-error.js';
import type { Repositories } from '../../store/index.js';

export function requireEnabled(props: ObpProps): void {
  if (!props.transactionRequestsEnabled) throw obpError('OBP-40018');
}

const anyRequest: RoleName = 'CanCreateAnyTransactionRequest';

/** The view permissions that let a view's holder pay from the account. */
export const requestPermissions = [
  'can_add_transaction_request_to_any_account',
  'can_add_transaction_request_to_beneficiary',
] as const;

/** Who may create or answer a payment: the role at the bank, or a view that may pay (400 OBP-40002 otherwise). */
export const paymentAuthorisation: RoleRule = {
  anyOf: [[anyRequest]],
  check: 'handler',
  orViewPermissions: requestPermissions,
  refusal: 'OBP-40002',
};

/**
 * The source account once the caller may pay from it. `alsoRead` (a payment's destination) is read
 * in the same statement as the source and answered as `also`; the caller's entitlements (kept per
 * process) are looked up at the same time, but the checks still run in their documented order.
 */
export async function authorisedSource(
  store: Repositories,
  props: ObpProps,
  userId: string,
  params: { BANK_ID: string; ACCOUNT_ID: string; VIEW_ID: string },
  alsoRead?: AccountRef,
): Promise<{ bank: Bank; account: Account; also?: Account | undefined }> {
  requireEnabled(props);
  const { BANK_ID: bankId, ACCOUNT_ID: accountId, VIEW_ID: viewId } = params;
  if (!isValidObpId(accountId)) throw obpError('OBP-30110');
  if (!isValidObpId(bankId)) throw obpError('OBP-30111');
  const ref = { bankId, accountId };
  const [bank, [account, also], entitled] = await Promise.all([
    store.banks.get(bankId),
    alsoRead ? store.accounts.getPair(ref, alsoRead) : store.accounts.get(bankId, accountId).then((a) => [a, undefined] as const),
    store.entitlements.forUser(userId),
  ]);
  if (!bank) throw obpError('OBP-30001');
  if (!account) throw obpError('OBP-30018');
  const roleBankId = requiresBankId(anyRequest) ? bankId : '';
  if (entitled.some((e) => e.roleName === anyRequest && e.bankId === roleBankId)) return { bank, account, also };
  try {
    const view = await requireView(store, props, userId, bankId, accountId, viewId);
    if (requestPermissions.some((p) => view.permissions.has(p))) return { bank, account, also };
  } catch (e) {
    if (!(e instanceof ObpError)) throw e;
  }
  throw obpError('OBP-40002');
}
