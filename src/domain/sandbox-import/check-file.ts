/** Pass 1: the rules the file must keep on its own, before the store is asked anything. */
import { isIsoCurrency } from '../money.js';
import { controlCharacters, importAmount, isPathId, isValidEmail, parseImportDate, pathIdRule } from './field-rules.js';
import { arrayNames, documentId, documentLabels, documentsOf, key2, key3, type SandboxImport } from './file.js';
import { accountName, importLimits, reject, shown } from './limits.js';
import { importPasswordProblem } from './password-rules.js';

/** Texts longer than the limit anywhere in the file (nesting is bounded by the body reader, src/http/json-body.ts). */
function checkShape(value: unknown, path: string): void {
  if (typeof value === 'string') {
    if (value.length > importLimits.textLength) reject(`${path} is longer than ${importLimits.textLength} characters`);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) checkShape(value[i], `${path}[${i}]`);
  } else {
    for (const [key, v] of Object.entries(value)) checkShape(v, path === '' ? key : `${path}.${key}`);
  }
}

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
  checkShape(data, '');

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
