/**
 * The amount of a transaction request (§11.2): a plain decimal string, positive, with no more
 * fraction digits than the currency has. Everything else gets a catalogued error, never a 500:
 * exponents, `NaN`, `Infinity` and hex are not numbers here; `-0` and `0.00` are not positive.
 */
import { Decimal } from 'decimal.js';
import { obpError } from '../../errors/obp-error.js';
import { currencyScale } from '../money.js';

const plainDecimal = /^-?(\d+(\.\d+)?|\.\d+)$/;

/** far above any payment limit, far below what a BIGINT of minor units holds */
const maxIntegerDigits = 15;

/** Step 1 (OBP-10002, OBP-40008): a number, and greater than zero. */
export function parseRequestAmount(text: string): Decimal {
  const trimmed = text.trim();
  if (!plainDecimal.test(trimmed)) throw obpError('OBP-10002', ` Current input is: '${text.slice(0, 40)}'`);
  const value = new Decimal(trimmed);
  if (value.lte(0)) throw obpError('OBP-40008', ` Current input is: '${text.slice(0, 40)}'`);
  if (value.trunc().toFixed(0).length > maxIntegerDigits) {
    throw obpError('OBP-10002', ` The amount has more than ${maxIntegerDigits} integer digits.`);
  }
  return value;
}

/** Step 2, once the currency is known: the currency's scale holds the amount exactly; minor units. */
export function toExactMinorUnits(value: Decimal, currency: string): bigint {
  const scale = currencyScale(currency);
  if (value.decimalPlaces() > scale) {
    throw obpError('OBP-10002', ` ${currency} amounts have at most ${scale} decimal places, got ${value.toFixed()}.`);
  }
  return BigInt(value.mul(new Decimal(10).pow(scale)).toFixed(0));
}

/** A decimal in `currency` (already rounded to 2 places) as minor units, HALF_UP to the currency's scale. */
export function roundToMinorUnits(value: Decimal, currency: string): bigint {
  const scale = currencyScale(currency);
  return BigInt(value.mul(new Decimal(10).pow(scale)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
}
