import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { parseRequestAmount, roundToMinorUnits, toExactMinorUnits } from '../../src/domain/payments/amount.js';
import { answerMatches, hashAnswer } from '../../src/domain/payments/challenge.js';
import { chargeAmount } from '../../src/domain/payments/charge.js';
import { convert, exchangeRate } from '../../src/domain/payments/fx.js';
import { ObpError } from '../../src/errors/obp-error.js';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof ObpError ? e.code : 'other';
  }
  return undefined;
};

describe('FX (OBP static table)', () => {
  it('has OBP rates and rounds HALF_UP to 2 places', () => {
    expect(exchangeRate('EUR', 'AED')?.toString()).toBe('3.94594');
    expect(exchangeRate('AED', 'EUR')?.toString()).toBe('0.253425');
    expect(exchangeRate('CHF', 'CHF')?.toString()).toBe('1');
    expect(exchangeRate('CHF', 'EUR')).toBeUndefined();
    expect(convert(new Decimal('12.50'), 'EUR', 'AED')?.toFixed()).toBe('49.32');
    expect(convert(new Decimal('1000'), 'EUR', 'JPY')?.toFixed()).toBe('121567');
    // 0.25 × 0.0341 = 0.008525: rounding to 2 places gives a cent where truncation gives none
    expect(convert(new Decimal('0.25'), 'MXN', 'GBP')?.toFixed(2)).toBe('0.01');
    expect(convert(new Decimal('1.25'), 'USD', 'USD')?.toFixed(2)).toBe('1.25');
  });
});

describe('request amounts', () => {
  it.each([
    ['12.50', 'EUR', 1250n],
    ['12.5', 'EUR', 1250n],
    [' 7 ', 'EUR', 700n],
    ['.5', 'EUR', 50n],
    ['100', 'JPY', 100n],
    ['1.234', 'KWD', 1234n],
  ])('%j %s → %s minor units', (text, currency, minor) => {
    expect(toExactMinorUnits(parseRequestAmount(text), currency)).toBe(minor);
  });

  it.each([
    ['-0', 'OBP-40008'],
    ['0', 'OBP-40008'],
    ['-1', 'OBP-40008'],
    ['1e309', 'OBP-10002'],
    ['NaN', 'OBP-10002'],
    ['+5', 'OBP-10002'],
    ['1,5', 'OBP-10002'],
    ['1234567890123456', 'OBP-10002'],
  ])('%j → %s', (text, expected) => {
    expect(code(() => parseRequestAmount(text))).toBe(expected);
  });

  it('more fraction digits than the currency has is OBP-10002', () => {
    expect(code(() => toExactMinorUnits(parseRequestAmount('0.001'), 'EUR'))).toBe('OBP-10002');
    expect(code(() => toExactMinorUnits(parseRequestAmount('1.5'), 'JPY'))).toBe('OBP-10002');
    expect(roundToMinorUnits(new Decimal('49.325'), 'EUR')).toBe(4933n);
  });
});

describe('charge and challenge', () => {
  it('charge = amount × level clamped to [2, 50]', () => {
    expect(chargeAmount(new Decimal('12.50'), '0.0001')).toBe('2.0');
    expect(chargeAmount(new Decimal('30000'), '0.0001')).toBe('3');
    expect(chargeAmount(new Decimal('1000000'), '0.0001')).toBe('50');
  });

  it('only a salted hash of the answer is kept', () => {
    const stored = hashAnswer('123');
    expect(stored).not.toContain('123$');
    expect(hashAnswer('123')).not.toBe(stored);
    expect(answerMatches('123', stored)).toBe(true);
    expect(answerMatches('124', stored)).toBe(false);
    expect(answerMatches('123', 'garbage')).toBe(false);
  });
});
