import { mockServices } from '@backstage/backend-test-utils';
import { CloudflareApiError } from '@cloudflare-backstage/cloudflare-client';
import { createCachedRead } from './cachedRead';
import { mayServeStale } from './staleAnswers';

function memoryCache() {
  const store = new Map<string, unknown>();
  return mockServices.cache.mock({
    get: jest.fn(async (k: string) => store.get(k)) as any,
    set: jest.fn(async (k: string, v: unknown) => {
      store.set(k, v);
    }),
  });
}

/** A clock the test moves. */
function clock(start = Date.parse('2026-12-05T04:00:00Z')) {
  let t = start;
  return { now: () => t, advance: (s: number) => (t += s * 1000) };
}

const upstream = (kind: CloudflareApiError['kind']) =>
  new CloudflareApiError({ kind, operation: 'workers.listScripts' });

/** A read whose key `k` holds 'old', read 61 s ago (TTL 60 s, kept a day). */
async function keptPastTtl() {
  const c = clock();
  const read = createCachedRead({
    cache: memoryCache(),
    ttlSeconds: 60,
    maxStaleSeconds: 86_400,
    now: c.now,
  });
  await read('k', async () => 'old');
  c.advance(61);
  return read;
}

/** A load failing with an error of the client of `kind`. */
const failing = (kind: CloudflareApiError['kind']) => async () => {
  throw upstream(kind);
};

describe('createCachedRead', () => {
  it('makes 1,000 identical concurrent reads share one load', async () => {
    const cache = memoryCache();
    const c = clock();
    const read = createCachedRead({ cache, ttlSeconds: 60, now: c.now });
    const load = jest.fn(async () => ({ n: 1 }));
    const results = await Promise.all(
      Array.from({ length: 1000 }, () => read('k', load)),
    );
    expect(load).toHaveBeenCalledTimes(1);
    expect(results.every(r => r.value.n === 1 && !r.stale)).toBe(true);
    expect(cache.set).toHaveBeenCalledWith(
      'k',
      { value: { n: 1 }, fetchedAt: '2026-12-05T04:00:00.000Z' },
      { ttl: 60_000 },
    );
    expect(read.stats()).toMatchObject({ misses: 1, shared: 999, hits: 0 });
  });

  it('keeps answers ttl + maxStale in the cache service and answers fresh ones from its front', async () => {
    const cache = memoryCache();
    const c = clock();
    const read = createCachedRead({
      cache,
      ttlSeconds: 30,
      maxStaleSeconds: 3600,
      now: c.now,
    });
    const load = jest.fn(async () => 'v');
    await read('a', load);
    expect(cache.set).toHaveBeenCalledWith('a', expect.anything(), {
      ttl: 3_630_000,
    });
    await read('a', load);
    await read('b', load);
    expect(load).toHaveBeenCalledTimes(2);
    expect(read.stats()).toMatchObject({ hits: 1, frontHits: 1 });
    expect(cache.get).toHaveBeenCalledTimes(2); // 'a' once, 'b' once: the front answered the rest
  });

  it('shares fresh answers between processes through the cache service', async () => {
    const cache = memoryCache();
    const c = clock();
    const one = createCachedRead({ cache, ttlSeconds: 60, now: c.now });
    const two = createCachedRead({ cache, ttlSeconds: 60, now: c.now });
    await one('k', async () => 1);
    c.advance(10);
    const load = jest.fn(async () => 2);
    await expect(two('k', load)).resolves.toEqual({
      value: 1,
      fetchedAt: '2026-12-05T04:00:00.000Z',
    });
    expect(load).not.toHaveBeenCalled();
  });

  it('reloads past the TTL, and serves the kept answer as stale when the load fails for an outage kind', async () => {
    const read = await keptPastTtl();
    for (const kind of [
      'unavailable',
      'timeout',
      'rate-limited',
      'budget',
      'circuit-open',
    ] as const) {
      const answer = await read('k', failing(kind), {
        staleOn: mayServeStale,
      });
      expect(answer).toMatchObject({
        value: 'old',
        fetchedAt: '2026-12-05T04:00:00.000Z',
        stale: true,
      });
    }
    // the failure was not cached: the next load runs and is fresh again
    const fresh = await read('k', async () => 'new', {
      staleOn: mayServeStale,
    });
    expect(fresh).toEqual({
      value: 'new',
      fetchedAt: '2026-12-05T04:01:01.000Z',
    });
    expect(read.stats().stale).toBe(5);
  });

  it('never masks auth, not-found, invalid-request or bad-response with a stale answer', async () => {
    const read = await keptPastTtl();
    for (const kind of [
      'auth',
      'not-found',
      'invalid-request',
      'bad-response',
    ] as const) {
      await expect(
        read('k', failing(kind), { staleOn: mayServeStale }),
      ).rejects.toMatchObject({ kind });
    }
  });

  it('does not cache failures and lets every waiter see them', async () => {
    const cache = memoryCache();
    const read = createCachedRead({ cache, ttlSeconds: 30 });
    const open = jest.fn(failing('circuit-open'));
    const results = await Promise.allSettled([
      read('k', open, { staleOn: mayServeStale }),
      read('k', open, { staleOn: mayServeStale }),
    ]);
    expect(results.map(r => r.status)).toEqual(['rejected', 'rejected']);
    expect(open).toHaveBeenCalledTimes(1);
    expect(cache.set).not.toHaveBeenCalled();
    await expect(read('k', async () => 'ok')).resolves.toMatchObject({
      value: 'ok',
    });
  });

  it('treats a failing cache as a miss', async () => {
    const cache = mockServices.cache.mock({
      get: jest.fn().mockRejectedValue(new Error('redis down')),
      set: jest.fn().mockRejectedValue(new Error('redis down')),
    });
    const read = createCachedRead({ cache, ttlSeconds: 30 });
    await expect(read('k', async () => 42)).resolves.toMatchObject({
      value: 42,
    });
  });

  it('ignores a cached value of another shape (an older key version)', async () => {
    const cache = memoryCache();
    await cache.set('k', { items: [] });
    const read = createCachedRead({ cache, ttlSeconds: 30 });
    const load = jest.fn(async () => 'now');
    await expect(read('k', load)).resolves.toMatchObject({ value: 'now' });
    expect(load).toHaveBeenCalledTimes(1);
  });
});
