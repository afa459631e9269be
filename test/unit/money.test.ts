import { describe, expect, it } from 'vitest';
import { currencyScale, formatMinorUnits, isIsoCurrency, toMinorUnits } from '../../src/domain/money.js';

describe('money', () => {
  it('uses OBP currency scales', () => {
    expect([currencyScale('EUR'), currencyScale('jpy'), currencyScale('KWD')]).toEqual([2, 0, 3]);
  });

  it('parses decimal strings exactly, truncating extra digits', () => {
    expect(toMinorUnits('1000.00', 'EUR')).toBe(100000n);
    expect(toMinorUnits('-135.33', 'EUR')).toBe(-13533n);
    expect(toMinorUnits('0.1', 'EUR')).toBe(10n);
    expect(toMinorUnits('12.999', 'EUR')).toBe(1299n);
    expect(toMinorUnits('1.5', 'JPY')).toBe(1n);
    expect(toMinorUnits('92233720368547758.07', 'EUR')).toBe(9223372036854775807n);
    for (const bad of ['', 'abc', '1e5', '1,00', '--1', '0x10', 'NaN', 'Infinity'])
      expect(toMinorUnits(bad, 'EUR')).toBeUndefined();
  });

  it('formats with the currency scale and never through a float', () => {
    expect(formatMinorUnits(100000n, 'EUR')).toBe('1000.00');
    expect(formatMinorUnits(-13533n, 'EUR')).toBe('-135.33');
    expect(formatMinorUnits(5n, 'EUR')).toBe('0.05');
    expect(formatMinorUnits(-5n, 'KWD')).toBe('-0.005');
    expect(formatMinorUnits(1234n, 'JPY')).toBe('1234');
    expect(formatMinorUnits(9007199254740993n, 'EUR')).toBe('90071992547409.93');
  });

  it('accepts ISO 4217 codes (and XBT) only', () => {
    expect(isIsoCurrency('EUR')).toBe(true);
    expect(isIsoCurrency('XBT')).toBe(true);
    expect(isIsoCurrency('eur')).toBe(false);
    expect(isIsoCurrency('ABC')).toBe(false);
  });
});
