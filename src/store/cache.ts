/**
 * A per-process cache kept correct by the change feed: trusted only while the feed is healthy, emptied
 * by any change of its topic seen anywhere, and a load that raced with a change is not kept (its
 * generation moved), so nothing changed through any process is served from here afterwards.
 * Misses are not kept: unknown keys cannot grow it, and they are always looked up again.
 */
import type { ChangeFeed, Topic } from './change-feed.js';

export interface FeedCacheOptions<V> {
  maxEntries?: number;
  /** an entry is looked up again after this long even without a change (writes made outside the server) */
  ttlMs?: number;
  /** the instant a value stops being valid by itself (a token's expiry) */
  expiresAt?: (value: V) => number;
}

interface Entry<V> {
  value: V;
  until: number;
}

export class FeedCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private seen: number;
  private readonly maxEntries: number;
  private readonly ttlMs: number;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly topic: Topic,
    private readonly options: FeedCacheOptions<V> = {},
  ) {
    this.seen = feed.generation(topic);
    this.maxEntries = options.maxEntries ?? 10_000;
    this.ttlMs = options.ttlMs ?? 60_000;
  }

  /** the cached value, if it may be served now */
  peek(key: K, now = Date.now()): V | undefined {
    if (!this.feed.healthy()) return undefined;
    const generation = this.feed.generation(this.topic);
    if (generation !== this.seen) {
      this.entries.clear();
      this.seen = generation;
      return undefined;
    }
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now >= entry.until) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  async get(key: K, load: () => Promise<V | undefined>, now = Date.now()): Promise<V | undefined> {
    const hit = this.peek(key, now);
    if (hit !== undefined) return hit;
    const before = this.feed.generation(this.topic);
    const value = await load();
    if (value !== undefined && this.feed.healthy() && this.feed.generation(this.topic) === before) this.keep(key, value, now);
    return value;
  }

  private keep(key: K, value: V, now: number): void {
    if (this.feed.generation(this.topic) !== this.seen) {
      this.entries.clear();
      this.seen = this.feed.generation(this.topic);
    }
    if (this.entries.size >= this.maxEntries) {
      // Map iterates in insertion order: drop the oldest entry
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    const until = Math.min(now + this.ttlMs, this.options.expiresAt?.(value) ?? Infinity);
    this.entries.set(key, { value, until });
  }
}
