/** The records to save for an accepted file (both passes done). No SQL here: the caller saves them. */
import type { Account, AccountRef, Bank, Transaction, User } from '../model.js';
import { publicViewTemplate, toStoredView, viewsForImportedAccount } from '../views/definitions.js';
import { implicitCounterpartyId } from './counterparty-id.js';
import { importAmount, parseImportDate } from './field-rules.js';
import { documentId, documentsOf, key2, key3, type BankDocumentKind, type SandboxImport } from './file.js';
import { cryptoRandom, type ImportRandom } from './random.js';

export interface ImportOptions {
  /** identity provider of the imported users (the local provider) */
  provider: string;
  allowPublicViews: boolean;
  allowAccountFirehose: boolean;
}

export interface CounterpartyAlias extends AccountRef {
  counterpartyId: string;
  name: string;
  publicAlias: string;
}

export interface ImportPlan {
  banks: Bank[];
  /** users without their password hash; `password` is hashed by the caller before saving */
  users: { user: User; password: string }[];
  accounts: Account[];
  holders: (AccountRef & { userId: string })[];
  grants: (AccountRef & { userId: string; viewId: string })[];
  customViews: (AccountRef & { viewId: string; definition: string })[];
  transactions: Transaction[];
  counterparties: CounterpartyAlias[];
  documents: { kind: BankDocumentKind; bankId: string; docId: string; document: unknown }[];
}

/** The system views every owner of an imported account is granted. */
export function importedAccountViews(allowAccountFirehose: boolean): string[] {
  const views = viewsForImportedAccount.filter((v) => v !== 'firehose');
  return allowAccountFirehose ? ['firehose', ...views] : views;
}

/** Maps an accepted file (both checks passed) to records. */
export function planImport(data: SandboxImport, options: ImportOptions, random: ImportRandom = cryptoRandom): ImportPlan {
  const banks: Bank[] = data.banks.map((b) => ({
    bankId: b.id,
    shortName: b.short_name,
    fullName: b.full_name,
    logo: b.logo,
    website: b.website,
    nationalIdentifier: '',
    swiftBic: '',
    bankRoutingScheme: '',
    bankRoutingAddress: '',
  }));

  const userIds = new Map<string, string>();
  const users = data.users.map((u) => {
    const userId = random.uuid();
    userIds.set(u.user_name, userId);
    const user: User = {
      userId,
      provider: options.provider,
      providerId: u.user_name,
      username: u.user_name,
      email: u.email,
      firstName: u.user_name,
      lastName: u.user_name,
      validated: true,
      badLoginAttempts: 0,
      locked: false,
    };
    return { user, password: u.password };
  });

  const views = importedAccountViews(options.allowAccountFirehose);
  const publicView = JSON.stringify(toStoredView(publicViewTemplate));
  const accounts: Account[] = [];
  const holders: ImportPlan['holders'] = [];
  const grants: ImportPlan['grants'] = [];
  const customViews: ImportPlan['customViews'] = [];
  const currencies = new Map<string, string>();
  for (const a of data.accounts) {
    const currency = a.balance.currency.toUpperCase();
    currencies.set(key2(a.bank, a.id), currency);
    accounts.push({
      bankId: a.bank,
      accountId: a.id,
      number: a.number,
      kind: a.type,
      label: a.label,
      currency,
      balance: importAmount(a.balance.amount, currency)!,
      holderName: a.owners[0]!,
      iban: a.IBAN,
      swiftBic: '',
      // OBP's importer sets no account routing; the IBAN has its own column.
      routingScheme: '',
      routingAddress: '',
    });
    for (const owner of new Set(a.owners)) {
      const userId = userIds.get(owner)!;
      holders.push({ bankId: a.bank, accountId: a.id, userId });
      for (const viewId of views) grants.push({ userId, bankId: a.bank, accountId: a.id, viewId });
    }
    if (a.generate_public_view && options.allowPublicViews) {
      customViews.push({ bankId: a.bank, accountId: a.id, viewId: publicViewTemplate.viewId, definition: publicView });
    }
  }

  // A missing name becomes a placeholder; rows with the same account number share it, so they are one
  // counterparty (one id, one alias) — across the whole import, as in OBP.
  const placeholderByNumber = new Map<string, string>();
  const counterparties = new Map<string, CounterpartyAlias>();
  const aliasesByAccount = new Map<string, Set<string>>();
  const transactions: Transaction[] = data.transactions.map((t) => {
    const bankId = t.this_account.bank;
    const accountId = t.this_account.id;
    const currency = currencies.get(key2(bankId, accountId))!;
    const accountNumber = t.counterparty?.account_number ?? '';
    let name = t.counterparty?.name ?? '';
    if (name === '') {
      name = (accountNumber !== '' ? placeholderByNumber.get(accountNumber) : undefined) ?? `unknown_${random.uuid()}`;
      if (accountNumber !== '') placeholderByNumber.set(accountNumber, name);
    }
    const counterpartyId = implicitCounterpartyId(bankId, accountId, name);
    const metadataKey = key3(bankId, accountId, counterpartyId);
    if (!counterparties.has(metadataKey)) {
      const accountKey = key2(bankId, accountId);
      const taken = aliasesByAccount.get(accountKey) ?? new Set<string>();
      aliasesByAccount.set(accountKey, taken);
      let alias = `ALIAS_${random.hex(6)}`;
      while (taken.has(alias)) alias += random.hex(1);
      taken.add(alias);
      counterparties.set(metadataKey, { bankId, accountId, counterpartyId, name, publicAlias: alias });
    }
    return {
      bankId,
      accountId,
      transactionId: t.id,
      kind: t.details.type,
      description: t.details.description,
      currency,
      amount: importAmount(t.details.value, currency)!,
      newBalance: importAmount(t.details.new_balance, currency)!,
      postedAt: parseImportDate(t.details.posted)!,
      completedAt: parseImportDate(t.details.completed)!,
      counterpartyId,
      counterpartyName: name,
      counterpartyAccountNumber: accountNumber,
      counterpartyIban: '',
      counterpartyBankName: '',
      counterpartyKind: '',
    };
  });

  const documents = documentsOf(data).flatMap(([kind, docs]) =>
    docs.map((d) => ({ kind, bankId: d.bank_id, docId: documentId(kind, d), document: d })),
  );

  return {
    banks,
    users,
    accounts,
    holders,
    grants,
    customViews,
    transactions,
    counterparties: [...counterparties.values()],
    documents,
  };
}
