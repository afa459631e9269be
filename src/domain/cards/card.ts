/**
 * Physical cards (OBP's PhysicalCard) and the rules a new card must pass, in OBP's order and with its
 * texts: the issue number fits OBP's 10-character column, `allows` names card actions exactly, and
 * the replacement and PIN-reset reasons are names of OBP's enumerations (in any letter case, as OBP's
 * `valueOf` reads them; they are stored and answered in upper case).
 */
import { catalogueMessage, obpError, ObpError } from '../../errors/obp-error.js';
import type { ViewDefinition } from '../views/definitions.js';

/** OBP's CardAction names, in OBP's order (its error text lists them so). */
export const cardActions = ['credit', 'debit', 'cash_withdrawal'] as const;
export const replacementReasons = ['LOST', 'STOLEN', 'RENEW', 'FIRST'] as const;
export const pinResetReasons = ['FORGOT', 'GOOD_SECURITY_PRACTICE'] as const;

export interface PinReset {
  requestedDate: number;
  reason: (typeof pinResetReasons)[number];
}

export interface PhysicalCard {
  cardId: string;
  bankId: string;
  bankCardNumber: string;
  nameOnCard: string;
  issueNumber: string;
  serialNumber: string;
  validFrom: number;
  expires: number;
  enabled: boolean;
  cancelled: boolean;
  onHotList: boolean;
  technology: string;
  networks: string[];
  allows: string[];
  accountId: string;
  replacement: { requestedDate: number; reason: (typeof replacementReasons)[number] };
  pinResets: PinReset[];
  collected: number;
  posted: number;
}

/** The card's account as OBP shows it with a card: with every view assigned on it. */
export interface CardAccount {
  accountId: string;
  bankId: string;
  label: string;
  views: readonly ViewDefinition[];
}

const maxIssueNumberLength = 10;

export function checkIssueNumber(issueNumber: string): void {
  if (issueNumber.length > maxIssueNumberLength) {
    // OBP reuses its "maximum number" text with the limit replaced
    const message = catalogueMessage('OBP-10012').replace('10000', String(maxIssueNumberLength));
    throw new ObpError(400, `${message} Current issue_number is ${issueNumber}`, 'OBP-10012');
  }
}

/** OBP compares `allows` with the action names exactly (case matters here, unlike the reasons). */
export function checkAllows(allows: readonly string[]): void {
  if (!allows.every((a) => (cardActions as readonly string[]).includes(a))) {
    throw obpError('OBP-10015', cardActions.join(', '));
  }
}

/** ASCII letters only: Unicode case folding would let e.g. the ligature "ﬁ" pass as "FI". */
const asciiUpper = (text: string) => text.replace(/[a-z]/g, (c) => c.toUpperCase());

function enumValue<T extends string>(names: readonly T[], value: string): T {
  const upper = asciiUpper(value);
  const found = names.find((n) => n === upper);
  if (found === undefined) throw obpError('OBP-10015', names.join(', '));
  return found;
}

export function replacementReason(value: string): (typeof replacementReasons)[number] {
  return enumValue(replacementReasons, value);
}

export function pinResetReason(value: string): (typeof pinResetReasons)[number] {
  return enumValue(pinResetReasons, value);
}
