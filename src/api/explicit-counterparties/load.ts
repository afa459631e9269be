/** What the explicit counterparty endpoints share: the account through a view, and a counterparty's metadata. */
import type { ExplicitCounterparty } from '../../domain/counterparties/explicit.js';
import type { CounterpartyMetadata } from '../../domain/counterparties/metadata.js';
import { firehoseRoleCheck, requireView } from '../../domain/views/access.js';
import type { ViewDefinition } from '../../domain/views/definitions.js';
import type { ObpProps } from '../../config.js';
import { obpError } from '../../errors/obp-error.js';
import type { Repositories } from '../../store/index.js';
import { withMetadata } from '../counterparties/load.js';

/**
 * OBP v2.2.0's checkBankAccountExists then checkViewAccessAndReturnView: an unknown bank is an unknown
 * account (OBP-30018, 404), a view the caller does not hold OBP-20017 (403).
 */
export async function viewOnAccount(
  store: Repositories,
  props: ObpProps,
  userId: string,
  bankId: string,
  accountId: string,
  viewId: string,
): Promise<ViewDefinition> {
  if (!(await store.accounts.get(bankId, accountId))) throw obpError('OBP-30018');
  return requireView(store, props, userId, bankId, accountId, viewId, firehoseRoleCheck(store, userId, bankId));
}

/**
 * The metadata of an account's counterparties, each row created with a fresh public alias on first sight
 * (OBP's getOrCreateMetadata, which its list endpoint runs for every counterparty before answering).
 */
export async function metadataOf(
  store: Repositories,
  bankId: string,
  accountId: string,
  list: readonly ExplicitCounterparty[],
): Promise<CounterpartyMetadata[]> {
  if (list.length === 0) return [];
  const loaded = await withMetadata(
    store,
    bankId,
    accountId,
    list.map((c) => ({
      bankId,
      accountId,
      counterpartyId: c.counterpartyId,
      counterpartyName: c.name,
      counterpartyAccountNumber: '',
      counterpartyIban: '',
      counterpartyBankName: '',
      counterpartyKind: '',
    })),
  );
  return loaded.map((l) => l.metadata);
}
