/** Loads the bank, account and counterparty aliases a page of transactions needs, then moderates it. */
import { parseDetails } from '../../domain/counterparties/metadata.js';
import type { Account, Bank, Transaction } from '../../domain/model.js';
import { counterpartyIdOf, moderateTransaction, type ModeratedTransaction } from '../../domain/transactions/moderation.js';
import type { ViewDefinition } from '../../domain/views/definitions.js';
import type { Repositories } from '../../store/index.js';

export async function moderated(
  store: Repositories,
  view: ViewDefinition,
  bank: Bank,
  account: Account,
  txs: readonly Transaction[],
): Promise<ModeratedTransaction[]> {
  const ids = txs.map(counterpartyIdOf);
  const rows =
    view.alias === '' && !view.permissions.has('can_see_other_account_metadata')
      ? []
      : await store.counterparties.metadata(bank.bankId, account.accountId, ids);
  const aliases = new Map(
    rows.map((r) => [
      r.counterparty_id,
      { publicAlias: r.public_alias, privateAlias: r.private_alias, details: parseDetails(r.details) },
    ]),
  );
  return txs.map((t, i) => moderateTransaction(view, bank, account, t, aliases.get(ids[i]!)));
}
