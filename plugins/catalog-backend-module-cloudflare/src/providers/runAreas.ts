import { DeferredEntity } from '@backstage/plugin-catalog-node';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import {
  CLOUDFLARE_AREAS,
  CloudflareArea,
  CloudflareAreaId,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { CatalogAreaDescriptor, CatalogMapContext } from '../areas/types';
import { AccountIngestion } from '../ingestion/AccountIngestion';
import { DetailMemo } from '../ingestion/DetailMemo';
import { stopsTheRun } from '../ingestion/stops';

/** A table of descriptors by area id (the module's is `CATALOG_AREAS`). */
export type CatalogAreaTable = Partial<
  Record<CloudflareAreaId, CatalogAreaDescriptor<any>>
>;

/**
 * Outcome of one area in one run:
 * - `ok`: read now, complete;
 * - `kept`: done earlier in this cycle (a run before this one read it): its last complete read;
 * - `stale`: failed (a Cloudflare fault), its last complete read kept;
 * - `failed`: failed, never read;
 * - `pending`: not finished in this run (the budget's deadline came first): its last complete read
 *   when there is one, and it continues in the next run from its memo.
 */
export type AreaStatus = 'ok' | 'kept' | 'stale' | 'failed' | 'pending';

/** Outcome of one area in one run. */
export interface AreaOutcome {
  /** The area's registry row. */
  area: CloudflareArea;
  /** Its entities: from its last complete read (this run's or an earlier one), else none. */
  entities: DeferredEntity[];
  /** See {@link AreaStatus}. */
  status: AreaStatus;
  /** Whether the area has a complete read (this run's or an earlier one). */
  complete: boolean;
  /** Why this run's read failed or stopped. */
  error?: unknown;
  /** Details loaded and answered from the memo in this run's read. */
  details?: { loads: number; hits: number };
}

/** What one run needs. */
export interface RunAreasOptions {
  /** The descriptors. */
  table: CatalogAreaTable;
  /** Whether an area is imported. */
  enabled: (area: CloudflareAreaId) => boolean;
  /** The one seam to Cloudflare. */
  client: CloudflareClient;
  /** The account's progress (cycle, areas done, last complete reads, detail memos), loaded by the caller. */
  ingestion: AccountIngestion;
  /** The map context without its index. */
  ctx: Omit<CatalogMapContext, 'nameOf'>;
}

const counts = (memo: DetailMemo) => ({ loads: memo.loads, hits: memo.hits });

/**
 * One run over a table of descriptors, in the registry's order: read every enabled area not yet
 * done in the account's cycle (each through its detail memo), until the budget stops the run;
 * then build the id -> name index from every area's last complete read and map. A run ends its
 * cycle when every enabled area is done.
 */
export async function runAreas(
  options: RunAreasOptions,
): Promise<AreaOutcome[]> {
  const { table, client, ingestion } = options;
  const lastGood = ingestion.lastGood;
  const runs: Array<{
    area: CloudflareArea;
    descriptor: CatalogAreaDescriptor<any>;
    status: AreaStatus;
    error?: unknown;
    details?: { loads: number; hits: number };
  }> = [];
  /** Areas before the current one in the registry's order: `readOf` answers only for them. */
  const earlier = new Set<CloudflareAreaId>();
  const readOf = <U>(d: CatalogAreaDescriptor<U>): U | undefined => {
    const id = CLOUDFLARE_AREAS.find(a => table[a.id] === d)?.id;
    return id && earlier.has(id)
      ? (lastGood.get(id) as U | undefined)
      : undefined;
  };
  let stopped: unknown;
  for (const area of CLOUDFLARE_AREAS) {
    const descriptor = table[area.id];
    if (!descriptor || !options.enabled(area.id)) continue;
    if (stopped !== undefined) {
      runs.push({ area, descriptor, status: 'pending', error: stopped });
    } else if (ingestion.isDone(area.id)) {
      runs.push({ area, descriptor, status: 'kept' });
    } else {
      let memo: DetailMemo | undefined;
      try {
        memo = await ingestion.memo(area.id);
        const read = await descriptor.read(client, lastGood.get(area.id), {
          tags: options.ctx.tags,
          readOf,
          memo,
        });
        await ingestion.complete(area.id, read, memo);
        runs.push({ area, descriptor, status: 'ok', details: counts(memo) });
      } catch (error) {
        const e = error ?? 'failed';
        if (stopsTheRun(e)) {
          stopped = e;
          await ingestion.interrupted(memo);
          runs.push({ area, descriptor, status: 'pending', error: e });
        } else {
          await ingestion.failed(area.id, memo);
          runs.push({
            area,
            descriptor,
            status: lastGood.has(area.id) ? 'stale' : 'failed',
            error: e,
          });
        }
        if (memo) runs[runs.length - 1].details = counts(memo);
      }
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

  await ingestion.endRun(runs.map(r => r.area.id));
  return runs.map(({ area, descriptor, status, error, details }) => {
    const complete = lastGood.has(area.id);
    return {
      area,
      entities: complete ? descriptor.map(lastGood.get(area.id), ctx) : [],
      status,
      complete,
      ...(error !== undefined ? { error } : {}),
      ...(details ? { details } : {}),
    };
  });
}
