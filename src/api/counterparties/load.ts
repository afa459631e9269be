/** Loads an account's counterparties with their metadata, creating the metadata rows on first sight (§10.1). */
import { parseDetails, uniquePublicAlias, type CounterpartyMetadata } from '../../domain/counterparties/metadata.js';
import type { Account, Bank } from '../../domain/model.js';
import { counterpartyIdOf, type CounterpartyFields } from '../../domain/transactions/moderation.js';
import { requireView, firehoseRoleCheck } from '../../domain/views/access.js';
import type { ViewDefinition } from '../../domain/views/definitions.js';
import type { ObpProps } from '../../config.js';
import { obpError } from '../../errors/obp-error.js';
import type { Repositories } from '../../store/index.js';

export interface Counterparty {
  fields: CounterpartyFields;
  metadata: CounterpartyMetadata;
}

export interface ViewContext {
  bank: Bank;
  account: Account;
  view: ViewDefinition;
}

export async function accountThroughView(
  store: Repositories,
  props: ObpProps,
  userId: string | undefined,
  params: Record<string, string>,
): Promise<ViewContext> {
  const { BANK_ID: bankId, ACCOUNT_ID: accountId, VIEW_ID: viewId } = params;
  const bank = await store.banks.get(bankId!);
  if (!bank) throw obpError('OBP-30001');
  const account = await store.accounts.get(bankId!, accountId!);
  if (!account) throw obpError('OBP-30018');
  const firehose = userId === undefined ? undefined : firehoseRoleCheck(store, userId, bankId!);
  const view = await requireView(store, props, userId, bankId!, accountId!, viewId!, firehose);
  return { bank, account, view };
}

/** Metadata for the given counterparties, each row created (with a fresh `ALIAS_`) if missing. */
export async function withMetadata(
  store: Repositories,
  bankId: string,
  accountId: string,
  fields: readonly CounterpartyFields[],
): Promise<Counterparty[]> {
  const ids = fields.map(counterpartyIdOf);
  const known = new Set((await store.counterparties.metadata(bankId, accountId, ids)).map((r) => r.counterparty_id));
  const missing = fields.filter((_, i) => !known.has(ids[i]!));
  if (missing.length > 0) {
    const taken = await store.counterparties.publicAliases(bankId, accountId);
    await store.counterparties.ensure(
      bankId,
      accountId,
      [...new Map(missing.map((f) => [counterpartyIdOf(f), f])).entries()].map(([id, f]) => ({
        counterpartyId: id,
        name: f.counterpartyName,
        publicAlias: uniquePublicAlias(taken),
      })),
    );
  }
  const rows = await store.counterparties.metadata(bankId, accountId, ids);
  const byId = new Map(
    rows.map((r) => [
      r.counterparty_id,
      { publicAlias: r.public_alias, privateAlias: r.private_alias, details: parseDetails(r.details) },
    ]),
  );
  return fields.map((f, i) => ({ fields: f, metadata: byId.get(ids[i]!)! }));
}

/** Every distinct counterparty of the account, one entry per id, in id order. */
export async function counterpartiesOf(store: Repositories, bankId: string, accountId: string): Promise<Counterparty[]> {
  const rows = await store.counterparties.distinct(bankId, accountId);
  const byId = new Map<string, CounterpartyFields>();
  for (const r of rows) {
    const f: CounterpartyFields = {
      bankId,
      accountId,
      counterpartyId: r.counterparty_id,
      counterpartyName: r.counterparty_name,
      counterpartyAccountNumber: r.counterparty_account_number,
      counterpartyIban: r.counterparty_iban,
      counterpartyBankName: r.counterparty_bank_name,
      counterpartyKind: r.counterparty_kind,
    };
    const id = counterpartyIdOf(f);
    if (!byId.has(id)) byId.set(id, f);
  }
  const sorted = [...byId.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, f]) => f);
  return withMetadata(store, bankId, accountId, sorted);
}

export async function requireCounterparty(
  store: Repositories,
  bankId: string,
  accountId: string,
  counterpartyId: string,
): Promise<Counterparty> {
  const found = (await counterpartiesOf(store, bankId, accountId)).find((c) => counterpartyIdOf(c.fields) === counterpartyId);
  if (!found) throw obpError('OBP-30017');
  return found;
}
