/** The common steps of every metadata endpoint (SEMANTICS §9.3), in OBP's order. */
import { firehoseRoleCheck, requireView } from '../../domain/views/access.js';
import type { ViewDefinition } from '../../domain/views/definitions.js';
import { obpError } from '../../errors/obp-error.js';
import type { Ctx } from '../endpoint.js';

export const metadataPath = '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/transactions/TRANSACTION_ID/metadata';

export interface MetadataScope {
  userId: string;
  view: ViewDefinition;
  key: { bankId: string; accountId: string; transactionId: string };
}

/**
 * Logged-in user, bank, account, view access, transaction, then `can_see_transaction_metadata`
 * and the endpoint's own flag, each with OBP's error.
 */
export async function metadataScope(ctx: Ctx<string, unknown>, flag: string): Promise<MetadataScope> {
  const { store, config } = ctx;
  const params = ctx.params as Record<string, string>;
  const { userId } = ctx.user();
  const bankId = params.BANK_ID!;
  const accountId = params.ACCOUNT_ID!;
  if (!(await store.banks.exists(bankId))) throw obpError('OBP-30001');
  if (!(await store.accounts.get(bankId, accountId))) throw obpError('OBP-30018');
  const view = await requireView(
    store,
    config.props,
    userId,
    bankId,
    accountId,
    params.VIEW_ID!,
    firehoseRoleCheck(store, userId, bankId),
  );
  const tx = await store.transactions.get(bankId, accountId, params.TRANSACTION_ID!);
  if (!tx) throw obpError('OBP-30067');
  for (const f of ['can_see_transaction_metadata', flag]) {
    if (!view.permissions.has(f)) throw obpError('OBP-30022', ` ${f}`);
  }
  return { userId, view, key: { bankId, accountId, transactionId: tx.transactionId } };
}
