/**
 * Per-process cache of resolved DirectLogin tokens. Only trusted while the store's change feed is
 * healthy; any credential change anywhere empties it, and a lookup that raced with a change is not
 * cached (its generation moved), so a revoked token is never served from here.
 */
import type { ChangeFeed } from '../store/change-feed.js';
import type { TokenOwner } from '../store/repos/tokens.js';

interface Entry {
  owner: TokenOwner;
  cachedAt: number;
}

export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private seen: number;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly maxEntries = 10_000,
    private readonly ttlMs = 60_000,
  ) {
    this.seen = feed.generation();
  }

  async resolve(tokenHash: string, now: number, load: () => Promise<TokenOwner | undefined>): Promise<TokenOwner | undefined> {
    const hit = this.lookup(tokenHash, now);
    if (hit) return hit;
    const before = this.feed.generation();
    const owner = await load();
    if (owner && this.feed.healthy() && this.feed.generation() === before) this.store(tokenHash, owner, now);
    return owner;
  }

  private lookup(tokenHash: string, now: number): TokenOwner | undefined {
    if (!this.feed.healthy()) return undefined;
    if (this.feed.generation() !== this.seen) {
      this.entries.clear();
      this.seen = this.feed.generation();
      return undefined;
    }
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (now >= entry.owner.expiresAt || now - entry.cachedAt >= this.ttlMs) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.owner;
  }

  private store(tokenHash: string, owner: TokenOwner, now: number): void {
    if (this.entries.size >= this.maxEntries) {
      // Map iterates in insertion order: drop the oldest entry
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(tokenHash, { owner, cachedAt: now });
  }
}
