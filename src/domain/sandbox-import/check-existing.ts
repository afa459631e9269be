/** Pass 2: the file against what the store already holds. */
import type { AccountRef } from '../model.js';
import { documentId, documentLabels, documentsOf, type BankDocumentKind, type SandboxImport } from './file.js';
import { accountName, reject, shown } from './limits.js';

/** Each method answers the subset of its arguments that already exists. */
export interface ImportLookups {
  existingBanks(bankIds: readonly string[]): Promise<string[]>;
  existingUsers(provider: string, usernames: readonly string[]): Promise<string[]>;
  existingAccounts(refs: readonly AccountRef[]): Promise<AccountRef[]>;
  existingAccountNumbers(refs: readonly { bankId: string; number: string }[]): Promise<{ bankId: string; number: string }[]>;
  existingIbans(refs: readonly { bankId: string; iban: string }[]): Promise<{ bankId: string; iban: string }[]>;
  existingTransactions(
    refs: readonly (AccountRef & { transactionId: string })[],
  ): Promise<(AccountRef & { transactionId: string })[]>;
  existingDocuments(
    kind: BankDocumentKind,
    refs: readonly { bankId: string; docId: string }[],
  ): Promise<{ bankId: string; docId: string }[]>;
}

/** Throws `ImportRejected` when the file collides with stored data. Assumes `checkImportFile` passed. */
export async function checkAgainstExisting(data: SandboxImport, lookups: ImportLookups, provider: string): Promise<void> {
  const [bank] = await lookups.existingBanks(data.banks.map((b) => b.id));
  if (bank !== undefined) reject(`bank ${shown(bank)} already exists`);

  const [user] = await lookups.existingUsers(
    provider,
    data.users.map((u) => u.user_name),
  );
  if (user !== undefined) reject(`user ${shown(user)} already exists`);

  const [account] = await lookups.existingAccounts(data.accounts.map((a) => ({ bankId: a.bank, accountId: a.id })));
  if (account) reject(`${accountName(account.bankId, account.accountId)} already exists`);

  const [number] = await lookups.existingAccountNumbers(data.accounts.map((a) => ({ bankId: a.bank, number: a.number })));
  if (number) reject(`account number ${shown(number.number)} is already used at bank ${shown(number.bankId)}`);

  const [iban] = await lookups.existingIbans(
    data.accounts.filter((a) => a.IBAN !== '').map((a) => ({ bankId: a.bank, iban: a.IBAN })),
  );
  if (iban) reject(`IBAN ${shown(iban.iban)} is already used by another account at bank ${shown(iban.bankId)}`);

  const [transaction] = await lookups.existingTransactions(
    data.transactions.map((t) => ({ bankId: t.this_account.bank, accountId: t.this_account.id, transactionId: t.id })),
  );
  if (transaction) {
    reject(
      `transaction ${shown(transaction.transactionId)} for ${accountName(transaction.bankId, transaction.accountId)} already exists`,
    );
  }

  // Documents may also be added to banks that exist already, but not to banks nobody knows.
  const imported = new Set(data.banks.map((b) => b.id));
  const others = [...new Set(documentsOf(data).flatMap(([, docs]) => docs.map((d) => d.bank_id)))].filter(
    (b) => !imported.has(b),
  );
  const known = new Set([...imported, ...(await lookups.existingBanks(others))]);
  for (const [kind, docs] of documentsOf(data)) {
    const { noun, key } = documentLabels[kind];
    const unknown = docs.find((d) => !known.has(d.bank_id));
    if (unknown) {
      reject(
        `${noun} ${shown(documentId(kind, unknown))} is for bank ${shown(unknown.bank_id)}, which is neither imported nor existing`,
      );
    }
    const [existing] = await lookups.existingDocuments(
      kind,
      docs.map((d) => ({ bankId: d.bank_id, docId: documentId(kind, d) })),
    );
    if (existing) reject(`${noun} ${key} ${shown(existing.docId)} already exists at bank ${shown(existing.bankId)}`);
  }
}
