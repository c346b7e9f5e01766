import { mockServices } from '@backstage/backend-test-utils';
import { createCachedRead } from './cachedRead';

function memoryCache() {
  const store = new Map<string, unknown>();
  return mockServices.cache.mock({
    get: jest.fn(async (k: string) => store.get(k)) as any,
    set: jest.fn(async (k: string, v: unknown) => {
      store.set(k, v);
    }),
  });
}

describe('createCachedRead', () => {
  it('makes 1,000 identical concurrent reads share one load', async () => {
    const cache = memoryCache();
    const read = createCachedRead({ cache, ttlSeconds: 60 });
    const load = jest.fn(async () => ({ n: 1 }));
    const results = await Promise.all(
      Array.from({ length: 1000 }, () => read('k', load)),
    );
    expect(load).toHaveBeenCalledTimes(1);
    expect(results.every(r => r.n === 1)).toBe(true);
    expect(cache.set).toHaveBeenCalledWith('k', { n: 1 }, { ttl: 60_000 });
    expect(read.stats()).toEqual({ hits: 0, misses: 1, shared: 999 });
  });

  it('serves later reads from the cache and keeps keys apart', async () => {
    const cache = memoryCache();
    const read = createCachedRead({ cache, ttlSeconds: 30 });
    const load = jest.fn(async () => 'v');
    await read('a', load);
    await read('a', load);
    await read('b', load);
    expect(load).toHaveBeenCalledTimes(2);
    expect(read.stats().hits).toBe(1);
  });

  it('does not cache failures and lets every waiter see them', async () => {
    const cache = memoryCache();
    const read = createCachedRead({ cache, ttlSeconds: 30 });
    const failing = jest.fn(async () => {
      throw new Error('upstream down');
    });
    const results = await Promise.allSettled([
      read('k', failing),
      read('k', failing),
    ]);
    expect(results.map(r => r.status)).toEqual(['rejected', 'rejected']);
    expect(failing).toHaveBeenCalledTimes(1);
    await expect(read('k', async () => 'ok')).resolves.toBe('ok');
  });

  it('treats a failing cache as a miss', async () => {
    const cache = mockServices.cache.mock({
      get: jest.fn().mockRejectedValue(new Error('redis down')),
      set: jest.fn().mockRejectedValue(new Error('redis down')),
    });
    const read = createCachedRead({ cache, ttlSeconds: 30 });
    await expect(read('k', async () => 42)).resolves.toBe(42);
  });
});
