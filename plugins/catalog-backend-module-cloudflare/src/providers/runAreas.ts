import { DeferredEntity } from '@backstage/plugin-catalog-node';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import {
  CLOUDFLARE_AREAS,
  CloudflareArea,
  CloudflareAreaId,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { CatalogAreaDescriptor, CatalogMapContext } from '../areas/types';

/** A table of descriptors by area id (the module's is `CATALOG_AREAS`). */
export type CatalogAreaTable = Partial<
  Record<CloudflareAreaId, CatalogAreaDescriptor<any>>
>;

/** Outcome of one area in one run. */
export interface AreaOutcome {
  /** The area's registry row. */
  area: CloudflareArea;
  /** Its entities: from this run's read, or from its last good read when this one failed. */
  entities: DeferredEntity[];
  /** `ok`: read now; `stale`: failed, last good read kept; `failed`: failed, never read. */
  status: 'ok' | 'stale' | 'failed';
  /** Why this run's read failed. */
  error?: unknown;
}

/** What one run needs. */
export interface RunAreasOptions {
  /** The descriptors. */
  table: CatalogAreaTable;
  /** Whether an area is imported. */
  enabled: (area: CloudflareAreaId) => boolean;
  /** The one seam to Cloudflare. */
  client: CloudflareClient;
  /** Last good read per area; updated by the run, kept by the caller between runs. */
  lastGood: Map<CloudflareAreaId, unknown>;
  /** The map context without its index. */
  ctx: Omit<CatalogMapContext, 'nameOf'>;
}

/**
 * One run over a table of descriptors, in the registry's order: read every enabled area, build the
 * id -> name index from every area that has a good read (this run's or a kept one), then map.
 */
export async function runAreas(
  options: RunAreasOptions,
): Promise<AreaOutcome[]> {
  const { table, client, lastGood } = options;
  const runs: Array<{
    area: CloudflareArea;
    descriptor: CatalogAreaDescriptor<any>;
    error?: unknown;
  }> = [];
  /** Areas read so far in this run, in order: `readOf` answers only for them. */
  const earlier = new Set<CloudflareAreaId>();
  const readOf = <U>(d: CatalogAreaDescriptor<U>): U | undefined => {
    const id = CLOUDFLARE_AREAS.find(a => table[a.id] === d)?.id;
    return id && earlier.has(id)
      ? (lastGood.get(id) as U | undefined)
      : undefined;
  };
  for (const area of CLOUDFLARE_AREAS) {
    const descriptor = table[area.id];
    if (!descriptor || !options.enabled(area.id)) continue;
    try {
      lastGood.set(
        area.id,
        await descriptor.read(client, lastGood.get(area.id), {
          tags: options.ctx.tags,
          readOf,
        }),
      );
      runs.push({ area, descriptor });
    } catch (error) {
      runs.push({ area, descriptor, error: error ?? 'failed' });
    }
    earlier.add(area.id);
  }

  const index = new Map<CloudflareAreaId, Map<string, string>>();
  for (const { area, descriptor } of runs) {
    if (!descriptor.names || !lastGood.has(area.id)) continue;
    index.set(area.id, new Map(descriptor.names(lastGood.get(area.id))));
  }
  const ctx: CatalogMapContext = {
    ...options.ctx,
    nameOf: (area, id) => index.get(area)?.get(id) ?? id,
  };

  return runs.map(({ area, descriptor, error }): AreaOutcome => {
    const kept = lastGood.has(area.id);
    const entities = kept ? descriptor.map(lastGood.get(area.id), ctx) : [];
    if (error === undefined) return { area, entities, status: 'ok' };
    return { area, entities, status: kept ? 'stale' : 'failed', error };
  });
}
