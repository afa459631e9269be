/**
 * Keys of rows this process has seen committed, for tables whose rows are never deleted (counterparty
 * metadata): once seen, a row exists for good, so a write that only needs it to exist can skip the
 * database. Unlike the caches, nothing here can go stale, so no change feed is involved. Bounded: when
 * full it starts again from empty, which costs only lookups.
 */
export class KnownRows {
  private readonly keys = new Set<string>();

  constructor(private readonly maxKeys = 100_000) {}

  has(key: string): boolean {
    return this.keys.has(key);
  }

  add(key: string): void {
    if (this.keys.size >= this.maxKeys) this.keys.clear();
    this.keys.add(key);
  }
}

/**
 * Runs `fn` once what the caller wrote is committed: at once outside a transaction, after the commit
 * inside one (and never after a rollback).
 */
export type AfterCommit = (fn: () => void) => void;
