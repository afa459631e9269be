/** Rules for single fields of the import file: ids, user names, e-mail addresses, dates and amounts. */
import { parseObpFilterDate } from '../../json/dates.js';
import { toMinorUnits } from '../money.js';
import { importLimits } from './limits.js';

/** BANK_ID / ACCOUNT_ID as validated elsewhere in OBP (SEMANTICS §1.6): they must be addressable in paths. */
const pathIdPattern = /^[A-Za-z0-9\-_.]+$/;
export const pathIdRule = 'use letters, digits, "-", "_" or "." (at most 255 characters)';

export function isPathId(id: string): boolean {
  return id.length <= importLimits.idLength && pathIdPattern.test(id);
}

export const controlCharacters = /\p{Cc}/u;

const emailPattern =
  /^[^\s@"<>()[\]\\,;:]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isValidEmail(email: string): boolean {
  return email.length <= 254 && emailPattern.test(email);
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
