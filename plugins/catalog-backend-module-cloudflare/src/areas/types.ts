import { DeferredEntity } from '@backstage/plugin-catalog-node';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import {
  CloudflareAreaId,
  ResourceTagIndex,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { CloudflareOwnershipRule } from '../providers/CloudflareEntityProviderConfig';
import { CatalogDetailOptions } from '../ingestion/DetailMemo';

export type { CatalogDetailOptions } from '../ingestion/DetailMemo';

/**
 * What a descriptor's `map` knows about the run: the account, the ownership rules, and the run's
 * id -> name index built from every area read before mapping.
 */
export interface CatalogMapContext {
  /** The Cloudflare account being read. */
  accountId: string;
  /** True when several accounts are configured: entity names then carry an account hash. */
  multiAccount: boolean;
  /** Ownership rules, first match wins (configured rules, then the built-in defaults). */
  ownership: CloudflareOwnershipRule[];
  /**
   * The run's Cloudflare tags (Resource Tagging API, read once per run for the tag types of the
   * enabled areas; the last good index when this run's read failed); undefined when never read.
   */
  tags?: ResourceTagIndex;
  /**
   * Name of the resource of `area` whose Cloudflare id is `id`, from the run's index (KV namespace
   * id -> title, D1 uuid -> name, ...); the id itself when no read area declared it.
   */
  nameOf(area: CloudflareAreaId, id: string): string;
}

/** What a descriptor's `read` may use from the run besides the client. */
export interface CatalogReadContext {
  /** The run's tag index (see {@link CatalogMapContext.tags}), for client reads that take one. */
  tags?: ResourceTagIndex;
  /**
   * The read of another area's descriptor that comes earlier in the registry's order: this run's
   * read, or its last good one when this run's failed; undefined when that area is not imported
   * or never read, or comes later. So an area built on another's read (Analytics Engine datasets
   * from the Workers' bindings) reads nothing twice: `run.readOf(workersArea)`.
   */
  readOf?<U>(descriptor: CatalogAreaDescriptor<U>): U | undefined;
  /**
   * The area's memo of per-resource details, persisted per account and area: every detail call
   * goes through it, so it is skipped when the resource's change key did not move, and a read
   * the budget interrupted resumes from it. Absent when a test calls `read` directly: every
   * detail is then loaded ({@link memoOf}).
   */
  memo?: CatalogDetailMemo;
}

/**
 * A read's detail memo (see {@link CatalogReadContext.memo}).
 */
export interface CatalogDetailMemo {
  /**
   * The detail `key` of one resource (unique within the area, e.g. `settings/<script>`): the
   * memo's value when the resource did not change (see {@link CatalogDetailOptions}), else
   * `load()`'s, recorded.
   */
  detail<V>(
    key: string,
    options: CatalogDetailOptions<V>,
    load: () => Promise<V>,
  ): Promise<V>;
  /**
   * Details of many resources that one call reads together: the memo's where it can answer, the
   * others by `load(keys)` in batches of `batchSize` (a key the answer lacks is undefined).
   */
  details<V>(
    items: Array<{ key: string; options: CatalogDetailOptions<V> }>,
    batchSize: number,
    load: (keys: string[]) => Promise<Map<string, V>>,
  ): Promise<Map<string, V | undefined>>;
}

/** A memo that remembers nothing: every detail is loaded. */
const NO_MEMO: CatalogDetailMemo = {
  detail: (_key, _options, load) => load(),
  async details(items, batchSize, load) {
    const out = new Map();
    for (let i = 0; i < items.length; i += batchSize) {
      const keys = items.slice(i, i + batchSize).map(item => item.key);
      const values = await load(keys);
      for (const key of keys) out.set(key, values.get(key));
    }
    return out;
  },
};

/** The run's detail memo, or one that loads every detail when the read runs outside a run. */
export function memoOf(run: CatalogReadContext | undefined): CatalogDetailMemo {
  return run?.memo ?? NO_MEMO;
}

/**
 * One product area of the catalog module: how it is read and how it becomes entities. `T` is what
 * `read` returns: the client's own parsed types, never a renamed copy.
 *
 * A run calls `read` for every enabled area first, collects every area's `names` into one
 * id -> name index, then calls `map`. A `read` that throws keeps the area's last good read (its
 * entities and its names): a Cloudflare fault never deletes entities.
 */
export interface CatalogAreaDescriptor<T> {
  /**
   * Reads the area through the suite's client: list calls, then every per-resource detail
   * through `run.memo` with the resource's change key (see {@link CatalogDetailMemo}), so a detail
   * is read only when its resource changed. `previous` is the area's last complete read
   * (persisted: after a restart too; undefined before the first), for values an area derives
   * from the one before (a queue's previous backlog). `run` holds the run's tag index, so a
   * client read that would read tags itself reads none.
   */
  read(
    client: CloudflareClient,
    previous: T | undefined,
    run?: CatalogReadContext,
  ): Promise<T>;
  /**
   * The `[id, name]` pairs this area adds to the run's index, for resources other areas refer to by
   * id (bindings carry a KV namespace's id, Components annotate its title).
   */
  names?(read: T): Iterable<readonly [id: string, name: string]>;
  /** Maps the read to `Resource` entities (with `spec.dependsOn` relations). */
  map(read: T, ctx: CatalogMapContext): DeferredEntity[];
}

/** Declares a descriptor, inferring `T` from `read`. */
export function defineCatalogArea<T>(
  descriptor: CatalogAreaDescriptor<T>,
): CatalogAreaDescriptor<T> {
  return descriptor;
}
