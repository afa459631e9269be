/**
 * Sandbox data import (POST /sandbox/data-import, SEMANTICS §13). Nothing may be written unless the
 * whole file is acceptable, so the rules run in two passes before any write: `checkImportFile` (the
 * file on its own) and `checkAgainstExisting` (the file against what the store already holds).
 * `planImport` then maps an accepted file to the records to save. No HTTP and no SQL here: the
 * look-ups and the random ids are passed in.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { parseObpFilterDate } from '../json/dates.js';
import type { Account, AccountRef, Bank, Transaction, User } from './model.js';
import { isIsoCurrency, toMinorUnits } from './money.js';
import { publicViewTemplate, toStoredView, viewsForImportedAccount } from './views/definitions.js';

// ---------------------------------------------------------------------------------------------------
// The file, as far as the rules need it (the HTTP schema requires more; documents are kept whole).

export interface SandboxBank {
  id: string;
  short_name: string;
  full_name: string;
  logo: string;
  website: string;
}

export interface SandboxUser {
  email: string;
  password: string;
  user_name: string;
}

export interface SandboxAccount {
  id: string;
  bank: string;
  label: string;
  number: string;
  type: string;
  balance: { currency: string; amount: string };
  IBAN: string;
  owners: string[];
  generate_public_view: boolean;
}

export interface SandboxTransaction {
  id: string;
  this_account: { id: string; bank: string };
  counterparty?: { name?: string | null; account_number?: string | null } | null;
  details: { type: string; description: string; posted: string; completed: string; new_balance: string; value: string };
}

/** Branches, ATMs and CRM events are keyed by `id`, products by `code`. */
export interface SandboxBankDocument {
  bank_id: string;
  id?: string;
  code?: string;
}

export interface SandboxCrmEvent extends SandboxBankDocument {
  id: string;
  actual_date: string;
}

export interface SandboxImport {
  banks: SandboxBank[];
  users: SandboxUser[];
  accounts: SandboxAccount[];
  transactions: SandboxTransaction[];
  branches: (SandboxBankDocument & { id: string })[];
  atms: (SandboxBankDocument & { id: string })[];
  products: (SandboxBankDocument & { code: string })[];
  crm_events: SandboxCrmEvent[];
}

export type BankDocumentKind = 'branch' | 'atm' | 'product' | 'crm_event';

// ---------------------------------------------------------------------------------------------------
// Limits and failures

export const importLimits = {
  rowsPerArray: 100_000,
  /** every password costs one scrypt hash (about 50 ms of CPU), so users are capped much lower */
  users: 500,
  idLength: 255,
  textLength: 2000,
  /** nesting of the extra JSON a row may carry (kept verbatim in documents) */
  depth: 32,
};

/** OBP's failure text; what follows the colon says which rule failed. */
export const importFailure = 'Cannot import the sandbox data';

export class ImportRejected extends Error {
  constructor(readonly problem: string) {
    super(`${importFailure}: ${problem}`);
  }
}

function reject(problem: string): never {
  throw new ImportRejected(problem);
}

/** Values echoed in messages are cut short: the message must stay readable whatever was sent. */
function shown(value: string): string {
  return value.length > 64 ? `${value.slice(0, 64)}…` : value;
}

// ---------------------------------------------------------------------------------------------------
// Field rules

/** BANK_ID / ACCOUNT_ID as validated elsewhere in OBP (SEMANTICS §1.6): they must be addressable in paths. */
const pathIdPattern = /^[A-Za-z0-9\-_.]+$/;
const pathIdRule = 'use letters, digits, "-", "_" or "." (at most 255 characters)';

function isPathId(id: string): boolean {
  return id.length <= importLimits.idLength && pathIdPattern.test(id);
}

const controlCharacters = /\p{Cc}/u;

const emailPattern =
  /^[^\s@"<>()[\]\\,;:]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isValidEmail(email: string): boolean {
  return email.length <= 254 && emailPattern.test(email);
}

export const importPasswordMaxLength = 512;
/** What DirectLogin accepts in a password (src/domain/auth/direct-login.ts): printable ASCII without `[` and `]`. */
const loginablePassword = /^[\x20-\x5A\x5C\x5E-\x7E]+$/;

// No strong-password rule (POST /users only): CanCreateSandbox admins choose this data; OBP's 2016 example has short passwords.
/** Why an imported user could not log in with `password` through DirectLogin, or undefined when they can. */
export function importPasswordProblem(password: string): string | undefined {
  if (password === '') return 'password must not be empty';
  if (password.length > importPasswordMaxLength) {
    return `password is longer than ${importPasswordMaxLength} characters`;
  }
  if (!loginablePassword.test(password)) {
    return 'password may contain only printable ASCII characters other than "[" and "]" (those DirectLogin accepts)';
  }
  if (/[,"]/.test(password)) {
    return `password must not contain "," or '"': DirectLogin uses them to separate and quote its parameters, so the user could not log in`;
  }
  return undefined;
}

const importDatePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** yyyy-MM-dd'T'HH:mm:ss.SSS'Z' only, and a real instant (no 30 February rolled into March). */
export function parseImportDate(text: string): number | undefined {
  if (!importDatePattern.test(text)) return undefined;
  const ms = parseObpFilterDate(text);
  if (ms === undefined || new Date(ms).toISOString() !== text) return undefined;
  return ms;
}

const maxMinorUnits = 2n ** 63n - 1n;

/** Minor units of `currency`, or undefined when not a decimal or beyond what a BIGINT holds. */
export function importAmount(amount: string, currency: string): bigint | undefined {
  const minor = toMinorUnits(amount, currency);
  return minor !== undefined && minor <= maxMinorUnits && minor >= -maxMinorUnits ? minor : undefined;
}

/** Texts longer than the limit and JSON nested deeper than the limit anywhere in the file. */
function checkShape(value: unknown, path: string, depth: number): void {
  if (typeof value === 'string') {
    if (value.length > importLimits.textLength) reject(`${path} is longer than ${importLimits.textLength} characters`);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (depth > importLimits.depth) reject(`${path} is nested deeper than ${importLimits.depth} levels`);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) checkShape(value[i], `${path}[${i}]`, depth + 1);
  } else {
    for (const [key, v] of Object.entries(value)) checkShape(v, path === '' ? key : `${path}.${key}`, depth + 1);
  }
}

const arrayNames = ['banks', 'users', 'accounts', 'transactions', 'branches', 'atms', 'products', 'crm_events'] as const;

const key2 = (a: string, b: string) => JSON.stringify([a, b]);
const key3 = (a: string, b: string, c: string) => JSON.stringify([a, b, c]);

function accountName(bankId: string, accountId: string): string {
  return `account ${shown(accountId)} at bank ${shown(bankId)}`;
}

const documentLabels: Record<BankDocumentKind, { noun: string; key: 'id' | 'code' }> = {
  branch: { noun: 'branch', key: 'id' },
  atm: { noun: 'ATM', key: 'id' },
  product: { noun: 'product', key: 'code' },
  crm_event: { noun: 'CRM event', key: 'id' },
};

function documentsOf(data: SandboxImport): [BankDocumentKind, SandboxBankDocument[]][] {
  return [
    ['branch', data.branches],
    ['atm', data.atms],
    ['product', data.products],
    ['crm_event', data.crm_events],
  ];
}

function documentId(kind: BankDocumentKind, doc: SandboxBankDocument): string {
  return (documentLabels[kind].key === 'code' ? doc.code : doc.id) ?? '';
}

// ---------------------------------------------------------------------------------------------------
// Pass 1: the file on its own

/** Throws `ImportRejected` naming the first rule the file breaks. */
export function checkImportFile(data: SandboxImport): void {
  for (const name of arrayNames) {
    if (data[name].length > importLimits.rowsPerArray) {
      reject(`too many ${name}: ${data[name].length} (at most ${importLimits.rowsPerArray} per import)`);
    }
  }
  if (data.users.length > importLimits.users) {
    reject(`too many users: ${data.users.length} (at most ${importLimits.users} per import)`);
  }
  checkShape(data, '', 0);

  const bankIds = new Set<string>();
  for (const bank of data.banks) {
    if (bank.id === '') reject('bank id must not be empty');
    if (!isPathId(bank.id)) reject(`invalid bank id ${shown(bank.id)}: ${pathIdRule}`);
    if (bankIds.has(bank.id)) reject(`duplicate bank id ${bank.id}`);
    bankIds.add(bank.id);
  }

  const usernames = new Set<string>();
  for (const user of data.users) {
    const name = user.user_name;
    if (name === '') reject('user_name must not be empty');
    if (name.length > importLimits.idLength)
      reject(`user_name ${shown(name)} is longer than ${importLimits.idLength} characters`);
    if (controlCharacters.test(name)) reject(`user_name ${shown(JSON.stringify(name))} contains control characters`);
    if (usernames.has(name)) reject(`duplicate user_name ${shown(name)}`);
    usernames.add(name);
    const passwordProblem = importPasswordProblem(user.password);
    if (passwordProblem !== undefined) reject(`user ${shown(name)}: ${passwordProblem}`);
    if (!isValidEmail(user.email)) reject(`user ${shown(name)}: invalid email ${shown(user.email)}`);
  }

  const accounts = new Map<string, string>();
  const numbers = new Set<string>();
  // IBANs are unique per bank, as account numbers are: OBP's example gives one IBAN to an account at each of its banks.
  const ibans = new Set<string>();
  for (const account of data.accounts) {
    const where = accountName(account.bank, account.id);
    if (!bankIds.has(account.bank)) reject(`${where}: bank ${shown(account.bank)} is not among the imported banks`);
    if (account.id === '') reject(`account id must not be empty (bank ${shown(account.bank)})`);
    if (!isPathId(account.id)) reject(`invalid account id ${shown(account.id)}: ${pathIdRule}`);
    const ref = key2(account.bank, account.id);
    if (accounts.has(ref)) reject(`duplicate account id ${shown(account.id)} at bank ${shown(account.bank)}`);
    const currency = account.balance.currency.toUpperCase();
    accounts.set(ref, currency);
    const number = key2(account.bank, account.number);
    if (numbers.has(number)) reject(`duplicate account number ${shown(account.number)} at bank ${shown(account.bank)}`);
    numbers.add(number);
    if (account.IBAN !== '') {
      const iban = key2(account.bank, account.IBAN);
      if (ibans.has(iban)) reject(`duplicate IBAN ${shown(account.IBAN)} at bank ${shown(account.bank)} (${where})`);
      ibans.add(iban);
    }
    if (account.owners.length === 0) reject(`${where} has no owner`);
    for (const owner of account.owners) {
      if (!usernames.has(owner)) reject(`owner ${shown(owner)} of ${where} is not among the imported users`);
    }
    if (!isIsoCurrency(currency)) reject(`${where}: invalid currency ${shown(account.balance.currency)}`);
    if (importAmount(account.balance.amount, currency) === undefined) {
      reject(`${where}: invalid balance amount ${shown(account.balance.amount)}`);
    }
  }

  const transactionIds = new Set<string>();
  for (const t of data.transactions) {
    const { bank, id: accountId } = t.this_account;
    const currency = accounts.get(key2(bank, accountId));
    if (currency === undefined) {
      reject(`transaction ${shown(t.id)}: ${accountName(bank, accountId)} is not among the imported accounts`);
    }
    if (t.id === '') reject(`transaction id must not be empty (${accountName(bank, accountId)})`);
    if (t.id.length > importLimits.idLength)
      reject(`transaction id ${shown(t.id)} is longer than ${importLimits.idLength} characters`);
    const ref = key3(bank, accountId, t.id);
    if (transactionIds.has(ref)) reject(`duplicate transaction id ${shown(t.id)} for ${accountName(bank, accountId)}`);
    transactionIds.add(ref);
    const d = t.details;
    if (importAmount(d.value, currency) === undefined) reject(`transaction ${shown(t.id)}: invalid value ${shown(d.value)}`);
    if (importAmount(d.new_balance, currency) === undefined) {
      reject(`transaction ${shown(t.id)}: invalid new_balance ${shown(d.new_balance)}`);
    }
    for (const field of ['posted', 'completed'] as const) {
      if (parseImportDate(d[field]) === undefined) {
        reject(`transaction ${shown(t.id)}: invalid ${field} date ${shown(d[field])} (expected yyyy-MM-ddTHH:mm:ss.SSSZ)`);
      }
    }
  }

  for (const [kind, docs] of documentsOf(data)) {
    const { noun, key } = documentLabels[kind];
    const seen = new Set<string>();
    for (const doc of docs) {
      const id = documentId(kind, doc);
      if (doc.bank_id === '') reject(`${noun} ${shown(id)}: bank_id must not be empty`);
      if (id === '') reject(`${noun} ${key} must not be empty (bank ${shown(doc.bank_id)})`);
      if (id.length > importLimits.idLength)
        reject(`${noun} ${key} ${shown(id)} is longer than ${importLimits.idLength} characters`);
      const ref = key2(doc.bank_id, id);
      if (seen.has(ref)) reject(`duplicate ${noun} ${key} ${shown(id)} at bank ${shown(doc.bank_id)}`);
      seen.add(ref);
    }
  }
  for (const event of data.crm_events) {
    if (parseImportDate(event.actual_date) === undefined) {
      reject(`CRM event ${shown(event.id)}: invalid actual_date ${shown(event.actual_date)} (expected yyyy-MM-ddTHH:mm:ss.SSSZ)`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Pass 2: the file against the store

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

// ---------------------------------------------------------------------------------------------------
// The records to save

export interface ImportOptions {
  /** identity provider of the imported users (the local provider) */
  provider: string;
  allowPublicViews: boolean;
  allowAccountFirehose: boolean;
}

export interface ImportRandom {
  uuid(): string;
  /** `n` random upper-case hex digits */
  hex(n: number): string;
}

export const cryptoRandom: ImportRandom = {
  uuid: () => randomUUID(),
  hex: (n) =>
    randomBytes(Math.ceil(n / 2))
      .toString('hex')
      .slice(0, n)
      .toUpperCase(),
};

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

/** OBP's implicit counterparty id (SEMANTICS §1.6): base64url, unpadded, of SHA-256 over the concatenation. */
export function implicitCounterpartyId(
  bankId: string,
  accountId: string,
  counterpartyName: string,
  routingScheme = '',
  routingAddress = '',
): string {
  return createHash('sha256')
    .update(bankId + accountId + counterpartyName + routingScheme + routingAddress, 'utf8')
    .digest('base64url');
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
