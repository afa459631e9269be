import { describe, expect, it } from 'vitest';
import { TokenCache } from '../../src/http/token-cache.js';
import type { ChangeFeed } from '../../src/store/change-feed.js';
import type { TokenOwner } from '../../src/store/repos/tokens.js';

function feed() {
  let generation = 0;
  let healthy = true;
  const f: ChangeFeed = {
    generation: () => generation,
    healthy: () => healthy,
    announce: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
  return { f, change: () => generation++, setHealthy: (h: boolean) => (healthy = h) };
}

const owner = (expiresAt = Date.now() + 60_000) => ({ userId: 'u', expiresAt }) as TokenOwner;

describe('token cache', () => {
  it('serves a resolved token from memory until a change is announced', async () => {
    const { f, change } = feed();
    const cache = new TokenCache(f);
    let loads = 0;
    const load = () => Promise.resolve((loads++, owner()));
    await cache.resolve('h', Date.now(), load);
    await cache.resolve('h', Date.now(), load);
    expect(loads).toBe(1);
    change();
    await cache.resolve('h', Date.now(), load);
    expect(loads).toBe(2);
  });

  it('does not cache a lookup that raced with a change', async () => {
    const { f, change } = feed();
    const cache = new TokenCache(f);
    let loads = 0;
    await cache.resolve('h', Date.now(), () => {
      loads++;
      change(); // e.g. the token was revoked while we were reading it
      return Promise.resolve(owner());
    });
    await cache.resolve('h', Date.now(), () => Promise.resolve((loads++, owner())));
    expect(loads).toBe(2);
  });

  it('trusts nothing while the change feed is unhealthy', async () => {
    const { f, setHealthy } = feed();
    const cache = new TokenCache(f);
    let loads = 0;
    const load = () => Promise.resolve((loads++, owner()));
    await cache.resolve('h', Date.now(), load);
    setHealthy(false);
    await cache.resolve('h', Date.now(), load);
    await cache.resolve('h', Date.now(), load);
    expect(loads).toBe(3);
  });

  it('drops expired tokens and stale entries, and never caches unknown tokens', async () => {
    const { f } = feed();
    const cache = new TokenCache(f, 10, 1000);
    const now = Date.now();
    let loads = 0;
    await cache.resolve('exp', now, () => Promise.resolve((loads++, owner(now + 10))));
    await cache.resolve('exp', now + 20, () => Promise.resolve((loads++, undefined)));
    expect(loads).toBe(2);
    await cache.resolve('stale', now, () => Promise.resolve((loads++, owner())));
    await cache.resolve('stale', now + 1000, () => Promise.resolve((loads++, owner())));
    expect(loads).toBe(4);
    await cache.resolve('none', now, () => Promise.resolve((loads++, undefined)));
    await cache.resolve('none', now, () => Promise.resolve((loads++, undefined)));
    expect(loads).toBe(6);
  });
});
