/** How much one import may hold, and how a refusal is reported. */

export const importLimits = {
  rowsPerArray: 100_000,
  /** every password costs one scrypt hash (about 50 ms of CPU), so users are capped much lower */
  users: 500,
  idLength: 255,
  textLength: 2000,
};

/** OBP's failure text; what follows the colon says which rule failed. */
export const importFailure = 'Cannot import the sandbox data';

export class ImportRejected extends Error {
  constructor(readonly problem: string) {
    super(`${importFailure}: ${problem}`);
  }
}

export function reject(problem: string): never {
  throw new ImportRejected(problem);
}

/** Values echoed in messages are cut short: the message must stay readable whatever was sent. */
export function shown(value: string): string {
  return value.length > 64 ? `${value.slice(0, 64)}…` : value;
}

export function accountName(bankId: string, accountId: string): string {
  return `account ${shown(accountId)} at bank ${shown(bankId)}`;
}
