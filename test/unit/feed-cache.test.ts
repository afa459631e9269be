import { describe, expect, it } from 'vitest';
import { FeedCache } from '../../src/store/cache.js';
import type { ChangeFeed, Topic } from '../../src/store/change-feed.js';

function feed() {
  const generations: Record<Topic, number> = { credentials: 0, banks: 0, access: 0, entitlements: 0 };
  let healthy = true;
  const f: ChangeFeed = {
    generation: (topic) => generations[topic],
    healthy: () => healthy,
    announce: () => Promise.resolve(),
    committed: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
  return { f, change: (topic: Topic = 'credentials') => generations[topic]++, setHealthy: (h: boolean) => (healthy = h) };
}

interface Owner {
  userId: string;
  expiresAt: number;
}
const owner = (expiresAt = Date.now() + 60_000): Owner => ({ userId: 'u', expiresAt });
const tokenCache = (f: ChangeFeed, ttlMs?: number) =>
  new FeedCache<string, Owner>(f, 'credentials', { expiresAt: (o) => o.expiresAt, maxEntries: 10, ttlMs });

describe('feed-kept cache', () => {
  it('serves a loaded value from memory until a change of its topic is announced', async () => {
    const { f, change } = feed();
    const cache = tokenCache(f);
    let loads = 0;
    const load = () => Promise.resolve((loads++, owner()));
    await cache.get('h', load);
    await cache.get('h', load);
    expect(loads).toBe(1);
    change('banks'); // another topic
    await cache.get('h', load);
    expect(loads).toBe(1);
    change('credentials');
    await cache.get('h', load);
    expect(loads).toBe(2);
  });

  it('does not keep a load that raced with a change', async () => {
    const { f, change } = feed();
    const cache = tokenCache(f);
    let loads = 0;
    await cache.get('h', () => {
      loads++;
      change(); // e.g. the token was revoked while we were reading it
      return Promise.resolve(owner());
    });
    await cache.get('h', () => Promise.resolve((loads++, owner())));
    expect(loads).toBe(2);
  });

  it('trusts nothing while the change feed is unhealthy', async () => {
    const { f, setHealthy } = feed();
    const cache = tokenCache(f);
    let loads = 0;
    const load = () => Promise.resolve((loads++, owner()));
    await cache.get('h', load);
    setHealthy(false);
    await cache.get('h', load);
    await cache.get('h', load);
    expect(loads).toBe(3);
    expect(cache.peek('h')).toBeUndefined();
  });

  it('drops expired and stale entries, and never keeps misses', async () => {
    const { f } = feed();
    const cache = tokenCache(f, 1000);
    const now = Date.now();
    let loads = 0;
    await cache.get('exp', () => Promise.resolve((loads++, owner(now + 10))), now);
    await cache.get('exp', () => Promise.resolve((loads++, undefined)), now + 20);
    expect(loads).toBe(2);
    await cache.get('stale', () => Promise.resolve((loads++, owner())), now);
    await cache.get('stale', () => Promise.resolve((loads++, owner())), now + 1000);
    expect(loads).toBe(4);
    await cache.get('none', () => Promise.resolve((loads++, undefined)), now);
    await cache.get('none', () => Promise.resolve((loads++, undefined)), now);
    expect(loads).toBe(6);
  });

  it('holds at most maxEntries, dropping the oldest', async () => {
    const { f } = feed();
    const cache = tokenCache(f);
    for (let i = 0; i < 11; i++) await cache.get(`k${i}`, () => Promise.resolve(owner()));
    expect(cache.peek('k0')).toBeUndefined();
    expect(cache.peek('k1')).toBeDefined();
    expect(cache.peek('k10')).toBeDefined();
  });
});
