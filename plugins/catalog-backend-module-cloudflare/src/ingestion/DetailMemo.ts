import { createHash } from 'node:crypto';
import { StoredDetail } from './IngestionStore';

/**
 * How often (in cycles) a detail that changes without its resource's change key moving (a metric,
 * a sample, a sub-resource) is read again: once every 6 cycles, one hour at the default 10-minute
 * schedule, and never more than a sixth of such details in one cycle.
 */
export const LIVE_DETAIL_CYCLES = 6;

/** Longer keys are kept as their SHA-256 (the store's key column holds 255 characters). */
const MAX_KEY = 200;

/** The key a memo entry is stored under. */
export const memoKey = (key: string) =>
  key.length > MAX_KEY
    ? `sha256:${createHash('sha256').update(key).digest('hex')}`
    : key;

/** When a memoized detail is read again. */
export interface CatalogDetailOptions<V> {
  /**
   * The resource's change key, from the list: Cloudflare's `modified_on`, an etag or another
   * version field. The detail is read again when it differs from the one it was read for.
   * Undefined when the list has none: the detail is then `live`.
   */
  changeKey?: string;
  /**
   * The detail changes without the change key moving (a metric, a sample, a sub-resource): read
   * again once every {@link LIVE_DETAIL_CYCLES} cycles as well, at most a sixth of the area's live
   * details in one cycle, so the refresh spreads over the runs. Implied without `changeKey`.
   */
  live?: boolean;
  /**
   * False for a value still moving (a workflow run not ended): read again in every cycle until
   * it settles.
   */
  settled?(value: V): boolean;
}

/** Entries written to the store at once while an area is read. */
export const FLUSH_EVERY = 100;

const isLive = (e: StoredDetail) =>
  e.changeKey === null || e.changeKey.startsWith('live:');

/** Whether a detail is live (see {@link CatalogDetailOptions.live}). */
const liveOf = (options: CatalogDetailOptions<unknown>) =>
  !!options.live || options.changeKey === undefined;

/** The change key as stored: `v:<key>`, `live:<key>` for a live detail, null without one. */
function storedChangeKey(options: CatalogDetailOptions<any>): string | null {
  if (options.changeKey === undefined) return null;
  return `${liveOf(options) ? 'live' : 'v'}:${options.changeKey}`;
}

/**
 * One area's memo of per-resource details in one run, over the store's entries: `detail` answers
 * from the memo when the resource did not change, else loads and records the value. Entries are
 * written to the store as they are loaded (every {@link FLUSH_EVERY} and at the end), so a read
 * interrupted by the budget or a restart resumes from them; entries of resources no longer
 * listed are removed when the area's read completes.
 */
export class DetailMemo {
  private readonly touched = new Set<string>();
  private pending: StoredDetail[] = [];
  private liveRefreshes: number;
  /** Details loaded (not answered from the memo) in this run. */
  loads = 0;
  /** Details answered from the memo in this run. */
  hits = 0;

  constructor(
    private readonly entries: Map<string, StoredDetail>,
    private readonly cycle: number,
    private readonly write: (details: StoredDetail[]) => Promise<void>,
  ) {
    let live = 0;
    for (const e of entries.values()) if (isLive(e)) live += 1;
    this.liveRefreshes = Math.ceil(live / LIVE_DETAIL_CYCLES);
  }

  /** The detail `key` (unique in the area, e.g. `settings/<script>`), from the memo or `load`. */
  async detail<V>(
    key: string,
    options: CatalogDetailOptions<V>,
    load: () => Promise<V>,
  ): Promise<V> {
    const k = memoKey(key);
    this.touched.add(k);
    const entry = this.entries.get(k);
    if (entry && this.fresh(entry, options)) {
      this.hits += 1;
      return entry.value as V;
    }
    const value = await load();
    this.loads += 1;
    this.record(k, options, value);
    if (this.pending.length >= FLUSH_EVERY) await this.flush();
    return value;
  }

  /**
   * Details of many resources read by one call per batch (`load(keys)` answers a map by key; a
   * key it leaves out has the value undefined): those the memo cannot answer are loaded in
   * batches of `batchSize`.
   */
  async details<V>(
    items: Array<{ key: string; options: CatalogDetailOptions<V> }>,
    batchSize: number,
    load: (keys: string[]) => Promise<Map<string, V>>,
  ): Promise<Map<string, V | undefined>> {
    const out = new Map<string, V | undefined>();
    const due: typeof items = [];
    for (const item of items) {
      const k = memoKey(item.key);
      this.touched.add(k);
      const entry = this.entries.get(k);
      if (entry && this.fresh(entry, item.options)) {
        this.hits += 1;
        out.set(item.key, entry.value as V | undefined);
      } else due.push(item);
    }
    for (let i = 0; i < due.length; i += batchSize) {
      const batch = due.slice(i, i + batchSize);
      const values = await load(batch.map(b => b.key));
      for (const item of batch) {
        const value = values.get(item.key);
        this.loads += 1;
        this.record(memoKey(item.key), item.options, value);
        out.set(item.key, value);
      }
      if (this.pending.length >= FLUSH_EVERY) await this.flush();
    }
    return out;
  }

  /** Writes the entries loaded since the last flush. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    await this.write(batch);
  }

  /** Keys of the memo that this run's read did not ask for: resources gone since. */
  untouched(): string[] {
    return [...this.entries.keys()].filter(k => !this.touched.has(k));
  }

  private record<V>(key: string, options: CatalogDetailOptions<V>, value: V) {
    const entry: StoredDetail = {
      key,
      changeKey: storedChangeKey(options),
      cycle: this.cycle,
      value,
    };
    this.entries.set(key, entry);
    this.pending.push(entry);
  }

  private fresh<V>(entry: StoredDetail, options: CatalogDetailOptions<V>) {
    const live = liveOf(options);
    if (entry.changeKey !== storedChangeKey(options)) return false;
    if (options.settled && entry.cycle < this.cycle) {
      if (!options.settled(entry.value as V)) return false;
    }
    if (live && this.cycle - entry.cycle >= LIVE_DETAIL_CYCLES) {
      if (this.liveRefreshes > 0) {
        this.liveRefreshes -= 1;
        return false;
      }
    }
    return true;
  }
}
