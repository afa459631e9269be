/**
 * Money is an integer number of the currency's minor units (bigint). Decimal strings cross the API;
 * a JS float never holds an amount. Scales follow OBP: 0 for CZK/JPY/KRW, 3 for KWD/OMR, else 2.
 */
import { Decimal } from 'decimal.js';

const zeroDecimal = new Set(['CZK', 'JPY', 'KRW']);
const threeDecimal = new Set(['KWD', 'OMR']);

export function currencyScale(currency: string): number {
  const c = currency.toUpperCase();
  if (zeroDecimal.has(c)) return 0;
  if (threeDecimal.has(c)) return 3;
  return 2;
}

const decimalPattern = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export function isDecimalString(value: string): boolean {
  return decimalPattern.test(value.trim());
}

/** Parses a decimal amount into minor units, truncating extra digits as OBP does; undefined if not a number. */
export function toMinorUnits(amount: string, currency: string): bigint | undefined {
  const text = amount.trim();
  if (!decimalPattern.test(text)) return undefined;
  const scaled = new Decimal(text).mul(new Decimal(10).pow(currencyScale(currency))).trunc();
  return BigInt(scaled.toFixed(0));
}

/** Renders minor units with the currency's scale: 100000n EUR → "1000.00". */
export function formatMinorUnits(minor: bigint, currency: string): string {
  const scale = currencyScale(currency);
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? '.' + digits.slice(digits.length - scale) : '';
  return (negative ? '-' : '') + whole + fraction;
}

export function isIsoCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && (knownCurrencies.has(code) || code === 'XBT');
}

// ISO 4217 active codes.
const knownCurrencies = new Set(
  (
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF ' +
    'CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD ' +
    'GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP ' +
    'LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN ' +
    'PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS ' +
    'TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD ' +
    'XDR XOF XPD XPF XPT XSU XTS XUA XXX YER ZAR ZMW ZWL'
  ).split(' '),
);
