/** The random ids an import needs, passed in so that plans can be tested with fixed ones. */
import { randomBytes, randomUUID } from 'node:crypto';

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
