/**
 * The steps every payment endpoint takes first, in OBP's order (§11.2, §11.5): enabled, id formats,
 * bank, account, then the authorisation — CanCreateAnyTransactionRequest at the bank, or access to
 * VIEW_ID through a view that may add transaction requests (OBP-40002 otherwise).
 */
import type { ObpProps } from '../../config.js';
import { isValidObpId } from '../../domain/accounts/ids.js';
import type { Account, Bank } from '../../domain/model.js';
import { satisfiesRoles } from '../../domain/roles.js';
import { requireView } from '../../domain/views/access.js';
import { obpError, ObpError } from '../../errors/obp-error.js';
import type { Repositories } from '../../store/index.js';

export function requireEnabled(props: ObpProps): void {
  if (!props.transactionRequestsEnabled) throw obpError('OBP-40018');
}

/** The view permissions that let a view's holder pay from the account. */
export const requestPermissions = [
  'can_add_transaction_request_to_any_account',
  'can_add_transaction_request_to_beneficiary',
] as const;

export async function authorisedSource(
  store: Repositories,
  props: ObpProps,
  userId: string,
  params: { BANK_ID: string; ACCOUNT_ID: string; VIEW_ID: string },
): Promise<{ bank: Bank; account: Account }> {
  requireEnabled(props);
  const { BANK_ID: bankId, ACCOUNT_ID: accountId, VIEW_ID: viewId } = params;
  if (!isValidObpId(accountId)) throw obpError('OBP-30110');
  if (!isValidObpId(bankId)) throw obpError('OBP-30111');
  const bank = await store.banks.get(bankId);
  if (!bank) throw obpError('OBP-30001');
  const account = await store.accounts.get(bankId, accountId);
  if (!account) throw obpError('OBP-30018');
  const held = (await store.entitlements.forUser(userId)).map((e) => ({ role_name: e.roleName, bank_id: e.bankId }));
  if (satisfiesRoles(held, [['CanCreateAnyTransactionRequest']], bankId)) return { bank, account };
  try {
    const view = await requireView(store, props, userId, bankId, accountId, viewId);
    if (requestPermissions.some((p) => view.permissions.has(p))) return { bank, account };
  } catch (e) {
    if (!(e instanceof ObpError)) throw e;
  }
  throw obpError('OBP-40002');
}
