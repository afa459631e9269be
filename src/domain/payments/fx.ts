/**
 * OBP's built-in static exchange-rate matrix (SEMANTICS §11.7): one unit of the row currency buys
 * this many of the column currency. Rates are decimal strings so no float ever touches an amount.
 * Conversion rounds HALF_UP to 2 decimal places, as OBP's `fx.convert` does (§11.6).
 */
import { Decimal } from 'decimal.js';

const columns = ['GBP', 'EUR', 'USD', 'JPY', 'AED', 'INR', 'KRW', 'XAF', 'JOD', 'ILS', 'AUD', 'HKD', 'MXN', 'XBT'] as const;

// Values as OBP-API's `fx.fallbackExchangeRates` holds them (rows in the order of `columns`).
const rows: Record<(typeof columns)[number], string> = {
  GBP: '1.0 1.16278 1.24930 141.373 4.58882 84.0950 1433.92 762.826 0.936707 4.70020 1.63992 10.1468 29.2420 0.000022756409956',
  EUR: '0.860011 1.0 1.07428 121.567 3.94594 72.3136 1233.03 655.957 0.838098 4.20494 1.49707 8.88926 26.0359 0.000019087905636',
  USD: '0.800446 0.930886 1.0 113.161 3.67310 67.3135 1147.78 610.601 0.708659 3.55495 1.27347 7.84766 21.7480 0.0000169154',
  JPY: '0.00707350 0.00822592 0.00883695 1.0 0.0324590 0.594846 10.1428 5.39585 0.00639777 0.0320926 0.0114819 0.0709891 0.2053 0.000000147171931',
  AED: '0.217921 0.253425 0.272250 30.8081 1.0 18.3255 312.482 166.236 0.1930565 0.968033 0.346779 2.13685 5.9217 0.000004603349217',
  INR: '0.0118913 0.0138287 0.0148559 1.68111 0.0545671 1.0 17.0512 9.07101 0.0110959 0.0556764 0.0198319 0.109972 0.2983 0.00000022689396',
  KRW: '0.000697389 0.000811008 0.000871250 0.0985917 0.00320019 0.0586469 1.0 0.531986 0.000630634 0.00316552 0.00111694 0.00697233 0.0183 0.000000014234725',
  XAF: '0.00131092 0.00152449 0.00163773 0.185328 0.00601555 0.110241 1.87975 1.0 0.00127784 0.00641333 0.00228226 0.0135503 0.0396 0.000000029074795',
  JOD: '1.06757 0.237707 1.41112 156.304 5.18231 90.1236 1585.68 782.572 1.0 5.02018 1.63992 11.0687 30.8336 0.000023803244006',
  ILS: '0.212763 1.19318 0.281298 31.1599 1.03302 17.9609 315.903 155.925 0.199196 1.0 0.352661 2.16985 6.4871 0.000005452272147',
  AUD: '0.609788 0.667969 0.785256 87.0936 2.88368 50.4238 895.304 438.162 0.556152 2.83558 1.0 5.61346 16.0826 0.000012284055924',
  HKD: '0.0985443 0.112495 0.127427 14.0867 0.467977 9.09325 143.424 73.8049 0.0903452 0.460862 0.178137 1.0 2.8067 0.000002164242461',
  MXN: '0.0341 0.0384 0.0459 4.8687 0.1688 3.3513 54.4512 25.1890 0.0324 0.1541 0.0621 0.3562 1.0 0.00000081112586',
  XBT: '44188.118 52436.431 59245.918 6805170.8 217414.47 4407607.74 70131575 34353824 41960.111 182981.21 81168.603 460448.90 1230503.30 1.0',
};

const matrix = new Map<string, Decimal>();
for (const [from, line] of Object.entries(rows)) {
  const values = line.split(' ');
  if (values.length !== columns.length) throw new Error(`fx row ${from} has ${values.length} rates`);
  columns.forEach((to, i) => matrix.set(`${from}>${to}`, new Decimal(values[i]!)));
}

/** How many `to` one `from` buys; 1 for the same currency; undefined when the table has no rate. */
export function exchangeRate(from: string, to: string): Decimal | undefined {
  if (from === to) return new Decimal(1);
  return matrix.get(`${from}>${to}`);
}

/** `amount` (a decimal in `from`) in `to`, HALF_UP to 2 places; undefined when there is no rate. */
export function convert(amount: Decimal, from: string, to: string): Decimal | undefined {
  const rate = exchangeRate(from, to);
  return rate === undefined ? undefined : amount.mul(rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}
