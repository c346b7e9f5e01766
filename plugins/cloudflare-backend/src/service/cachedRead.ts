import { CacheService } from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';

/** A cached, de-duplicated read: `read(key, load)`. */
export type CachedRead = <T extends JsonValue>(
  key: string,
  load: () => Promise<T>,
) => Promise<T>;

/** What {@link createCachedRead} counts, for tests, logs and the benchmark. */
export interface CachedReadStats {
  hits: number;
  misses: number;
  /** Requests that joined a read already in flight. */
  shared: number;
}

/**
 * Reads through Backstage's cache service, and makes identical concurrent requests share one
 * upstream call: the first request for a key starts the cache lookup (and, on a miss, the load)
 * and registers its promise in an in-flight map; every request for the same key that arrives
 * before it settles awaits the same promise. Failures are not cached.
 */
export function createCachedRead(options: {
  cache: CacheService;
  ttlSeconds: number;
}): CachedRead & { stats(): CachedReadStats } {
  const { cache } = options;
  const ttl = options.ttlSeconds * 1000;
  const inFlight = new Map<string, Promise<JsonValue>>();
  const stats: CachedReadStats = { hits: 0, misses: 0, shared: 0 };

  const read = async <T extends JsonValue>(
    key: string,
    load: () => Promise<T>,
  ): Promise<T> => {
    const pending = inFlight.get(key);
    if (pending) {
      stats.shared += 1;
      return pending as Promise<T>;
    }
    const promise = (async () => {
      // A broken cache must not take reads down with it: treat it as a miss.
      const hit = await cache.get<T>(key).catch(() => undefined);
      if (hit !== undefined) {
        stats.hits += 1;
        return hit;
      }
      stats.misses += 1;
      const value = await load();
      await cache.set(key, value, { ttl }).catch(() => undefined);
      return value;
    })();
    inFlight.set(key, promise);
    try {
      return (await promise) as T;
    } finally {
      inFlight.delete(key);
    }
  };
  return Object.assign(read, { stats: () => ({ ...stats }) });
}
