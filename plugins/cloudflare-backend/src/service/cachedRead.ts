import { CacheService } from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';

/** One cached answer: the value and when it was read from Cloudflare (ISO 8601). */
export interface CachedAnswer<T extends JsonValue = JsonValue> {
  value: T;
  fetchedAt: string;
  /** Set when the answer is past its fresh TTL, served because the new read failed. */
  stale?: true;
  /** The failure of the new read, when `stale`. */
  error?: unknown;
}

/** Options of one cached read. */
export interface CachedReadOptions {
  /**
   * Whether a failed load may be answered with a kept value past its fresh TTL (`stale`). Absent:
   * never; the failure is thrown.
   */
  staleOn?: (error: unknown) => boolean;
}

/** A cached, de-duplicated read: `read(key, load, options)`. */
export type CachedRead = <T extends JsonValue>(
  key: string,
  load: () => Promise<T>,
  options?: CachedReadOptions,
) => Promise<CachedAnswer<T>>;

/** What {@link createCachedRead} counts, for tests, logs and the benchmark. */
export interface CachedReadStats {
  /** Fresh answers, from the process's own front or from the cache service. */
  hits: number;
  /** Of `hits`, those the process's own front answered (no cache service round trip). */
  frontHits: number;
  /** Loads started (no fresh answer). */
  misses: number;
  /** Requests that joined a read already in flight. */
  shared: number;
  /** Kept answers served past their fresh TTL because the load failed. */
  stale: number;
}

/** Most fresh answers the process keeps in its own front of the cache service. */
const FRONT_SIZE = 500;

/** What the cache service holds under a key. */
function storedAnswer(raw: unknown): CachedAnswer | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { value, fetchedAt } = raw as {
    value?: JsonValue;
    fetchedAt?: unknown;
  };
  return value !== undefined &&
    typeof fetchedAt === 'string' &&
    !Number.isNaN(Date.parse(fetchedAt))
    ? { value, fetchedAt }
    : undefined;
}

/**
 * Reads through Backstage's cache service. Each answer (`{ value, fetchedAt }`) is kept
 * `ttlSeconds + maxStaleSeconds` and is fresh for `ttlSeconds`:
 *
 * - fresh: served (from a small per-process front of fresh answers when this process has it,
 *   else from the cache service, so replicas share answers);
 * - older or absent: loaded; a load that fails is thrown unless `staleOn(error)` says the kept
 *   answer may stand in, which is then served with `stale: true` and its own `fetchedAt`.
 *
 * Identical concurrent requests share one lookup and one load: the first request for a key
 * registers its promise in an in-flight map; every request for the same key that arrives before it
 * settles awaits it. Failures are never cached. A broken cache service is a miss, never an error.
 */
export function createCachedRead(options: {
  cache: CacheService;
  ttlSeconds: number;
  maxStaleSeconds?: number;
  now?: () => number;
}): CachedRead & { stats(): CachedReadStats } {
  const { cache } = options;
  const now = options.now ?? (() => Date.now());
  const ttl = options.ttlSeconds * 1000;
  const keep = ttl + (options.maxStaleSeconds ?? 0) * 1000;
  const inFlight = new Map<string, Promise<CachedAnswer>>();
  const front = new Map<string, { answer: CachedAnswer; freshUntil: number }>();
  const stats: CachedReadStats = {
    hits: 0,
    frontHits: 0,
    misses: 0,
    shared: 0,
    stale: 0,
  };

  const remember = (key: string, answer: CachedAnswer) => {
    const freshUntil = Date.parse(answer.fetchedAt) + ttl;
    if (freshUntil <= now()) return;
    front.delete(key);
    if (front.size >= FRONT_SIZE) {
      front.delete(front.keys().next().value as string);
    }
    front.set(key, { answer, freshUntil });
  };

  const lookUpAndLoad = async (
    key: string,
    load: () => Promise<JsonValue>,
    readOptions: CachedReadOptions | undefined,
  ): Promise<CachedAnswer> => {
    let kept = storedAnswer(await cache.get(key).catch(() => undefined));
    const age = kept ? now() - Date.parse(kept.fetchedAt) : Infinity;
    // A store may keep a value longer than asked: past `keep` it is gone.
    if (age >= keep) kept = undefined;
    if (kept && age < ttl) {
      stats.hits += 1;
      remember(key, kept);
      return kept;
    }
    stats.misses += 1;
    let value: JsonValue;
    try {
      value = await load();
    } catch (error) {
      if (kept && readOptions?.staleOn?.(error)) {
        stats.stale += 1;
        return { ...kept, stale: true, error };
      }
      throw error;
    }
    const answer: CachedAnswer = {
      value,
      fetchedAt: new Date(now()).toISOString(),
    };
    await cache
      .set(key, answer as unknown as JsonValue, { ttl: keep })
      .catch(() => {});
    remember(key, answer);
    return answer;
  };

  const read = <T extends JsonValue>(
    key: string,
    load: () => Promise<T>,
    readOptions?: CachedReadOptions,
  ): Promise<CachedAnswer<T>> => {
    const mine = front.get(key);
    if (mine) {
      if (mine.freshUntil > now()) {
        stats.hits += 1;
        stats.frontHits += 1;
        return Promise.resolve(mine.answer as CachedAnswer<T>);
      }
      front.delete(key);
    }
    const pending = inFlight.get(key);
    if (pending) {
      stats.shared += 1;
      return pending as Promise<CachedAnswer<T>>;
    }
    const promise = lookUpAndLoad(key, load, readOptions);
    inFlight.set(key, promise);
    const settled = () => inFlight.delete(key);
    promise.then(settled, settled);
    return promise as Promise<CachedAnswer<T>>;
  };
  return Object.assign(read, { stats: () => ({ ...stats }) });
}
