import { describe, expect, it } from 'vitest';
import { obpDate } from '../../src/json/dates.js';

const reference = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('obpDate', () => {
  it('writes what toISOString writes, without milliseconds, across the years 0 to 9999', () => {
    const edges = [
      0,
      -1,
      1,
      999,
      1000,
      86_399_999,
      86_400_000,
      -86_400_000,
      -62_167_219_200_000,
      -62_167_219_200_001,
      253_402_300_799_999,
      253_402_300_800_000,
      Date.UTC(2000, 1, 29, 23, 59, 59, 999),
      Date.UTC(1900, 1, 28),
      Date.UTC(2100, 2, 1),
      Date.UTC(1600, 1, 29),
      Date.UTC(999, 11, 31, 12),
      Date.UTC(-1, 0, 1),
      8.64e15,
      -8.64e15,
    ];
    for (const ms of edges) expect(obpDate(ms), String(ms)).toBe(reference(ms));
    // one random instant in every ~11 days of the range, and the day boundaries around it
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let ms = -62_167_219_200_000; ms < 253_402_300_800_000; ms += 1_000_000_000) {
      const t = ms + Math.floor(random() * 1_000_000_000);
      const day = Math.floor(t / 86_400_000) * 86_400_000;
      for (const x of [t, day, day - 1]) if (obpDate(x) !== reference(x)) expect(obpDate(x), String(x)).toBe(reference(x));
    }
  });

  it('throws as toISOString does for an invalid instant', () => {
    expect(() => obpDate(Number.NaN)).toThrow(RangeError);
    expect(() => obpDate(8.64e15 + 1)).toThrow(RangeError);
  });
});
