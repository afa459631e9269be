/**
 * Loads the counterparty metadata (aliases and details) and the transaction metadata a page of
 * transactions needs (one query each for the whole page), then moderates it. A page read by
 * `transactions.page` carries the metadata of its stored counterparties already (only derived
 * counterparty ids are looked up here) and which transactions have any metadata (only those are). The core JSON shows no transaction metadata: `withMetadata`
 * false skips reading it.
 */
import { parseDetails } from '../../domain/counterparties/metadata.js';
import type { AccountDescription, Bank, Transaction } from '../../domain/model.js';
import {
  counterpartyIdOf,
  moderateTransaction,
  type CounterpartyAliases,
  type ModeratedTransaction,
} from '../../domain/transactions/moderation.js';
import type { ViewDefinition } from '../../domain/views/definitions.js';
import type { Repositories } from '../../store/index.js';
import type { PageCounterpartyMetadata, PagedTransaction } from '../../store/repos/transactions.js';

export async function moderated(
  store: Repositories,
  view: ViewDefinition,
  bank: Bank,
  account: AccountDescription,
  txs: readonly (Transaction | PagedTransaction)[],
  withMetadata = true,
): Promise<ModeratedTransaction[]> {
  const ids = txs.map(counterpartyIdOf);
  let rows: PageCounterpartyMetadata[] = [];
  if (view.alias !== '' || view.permissions.has('can_see_other_account_metadata')) {
    const missing: string[] = [];
    txs.forEach((t, i) => {
      const known = 'counterpartyMetadata' in t ? t.counterpartyMetadata : undefined;
      if (known) rows.push(known);
      else if (known === undefined) missing.push(ids[i]!);
    });
    if (missing.length > 0) rows = rows.concat(await store.counterparties.metadata(bank.bankId, account.accountId, missing));
  }
  // a page read through this view says which transactions have metadata at all
  const withAny = txs.filter((t) => !('hasMetadata' in t) || t.hasMetadata);
  const metadata =
    withMetadata && view.permissions.has('can_see_transaction_metadata') && withAny.length > 0
      ? await store.transactionMetadata.forPage(
          bank.bankId,
          account.accountId,
          view.viewId,
          withAny.map((t) => t.transactionId),
        )
      : undefined;
  const aliases = new Map<string, CounterpartyAliases>();
  for (const r of rows) {
    if (aliases.has(r.counterparty_id)) continue;
    aliases.set(r.counterparty_id, {
      publicAlias: r.public_alias,
      privateAlias: r.private_alias,
      details: parseDetails(r.details),
    });
  }
  return txs.map((t, i) =>
    moderateTransaction(view, bank, account, t, aliases.get(ids[i]!), {
      narrative: metadata?.narratives.get(t.transactionId) ?? '',
      notes: metadata?.notes.get(t.transactionId) ?? [],
      where: metadata?.wheres.get(t.transactionId),
    }),
  );
}
