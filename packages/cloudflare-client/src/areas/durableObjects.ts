import { z } from 'zod';
import {
  DurableObjectClass,
  DurableObjectCount,
  DurableObjectMetrics,
  ResourceTagIndex,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ClientContext } from '../context';
import { compact } from '../envelope';
import { CloudflareApiError } from '../errors';
import {
  DurableObjectNamespaceMetrics,
  METRICS_WINDOW_MS,
  readNamespaceMetrics,
} from './durableObjectsMetrics';
import { tagsOf, tagsOfType } from './tags';

export type { DurableObjectNamespaceMetrics } from './durableObjectsMetrics';

const AREA = 'durableObjects';

/** Objects-list calls {@link DurableObjectsApi.listClasses} may spend counting, in all. */
const DEFAULT_OBJECT_COUNT_CALLS = 20;
/** Objects-list pages read per namespace at most; beyond them the count is "at least". */
const DEFAULT_OBJECT_PAGES_PER_NAMESPACE = 2;
/** Objects per page: Cloudflare's default. */
const OBJECTS_PAGE = 1000;

const namespaceSchema = z.object({
  id: z.string().nullish(),
  name: z.string().nullish(),
  class: z.string().nullish(),
  script: z.string().nullish(),
  use_sqlite: z.boolean().nullish(),
});

const objectSchema = z.object({ hasStoredData: z.boolean().nullish() });

type Namespace = z.output<typeof namespaceSchema> & {
  id: string;
  class: string;
};

/**
 * Options of {@link DurableObjectsApi.listClasses}.
 *
 * @public
 */
export interface DurableObjectClassesOptions {
  /** Tags read once for the run; read for `durable_object_namespace` when absent. */
  tags?: ResourceTagIndex;
  /** Objects-list calls the read may spend counting objects, in all (default 20). */
  objectCountCalls?: number;
  /** Objects-list pages (of 1,000) counted per namespace at most (default 2). */
  objectPagesPerNamespace?: number;
}

/**
 * Durable Objects reads: namespaces (one per class and script) with object counts, and a class's
 * metrics from GraphQL Analytics. Object ids are counted, never returned; no object's storage is
 * ever read.
 *
 * @public
 */
export class DurableObjectsApi {
  constructor(private readonly ctx: ClientContext) {}

  /**
   * Every namespace (page paging) with its tags and its object count: each namespace's objects are
   * paged (1,000 a page) for at most `objectPagesPerNamespace` pages, and `objectCountCalls` pages
   * in all; a namespace cut short has `complete: false` (at least `count` objects), one the budget
   * never reached has no count.
   */
  async listClasses(
    options: DurableObjectClassesOptions = {},
  ): Promise<DurableObjectClass[]> {
    return this.ctx.run(AREA, 'durableObjects.listClasses', async () => {
      const namespaces = await this.namespaces();
      const tags = await tagsOfType(
        this.ctx,
        'durable_object_namespace',
        options.tags,
      );
      let budget = options.objectCountCalls ?? DEFAULT_OBJECT_COUNT_CALLS;
      const perNamespace =
        options.objectPagesPerNamespace ?? DEFAULT_OBJECT_PAGES_PER_NAMESPACE;
      const out: DurableObjectClass[] = [];
      for (const ns of namespaces) {
        const counted =
          budget > 0
            ? await this.countObjects(ns.id, Math.min(budget, perNamespace))
            : undefined;
        budget -= counted?.calls ?? 0;
        out.push(
          compact({
            namespaceId: ns.id,
            name: ns.name ?? undefined,
            class: ns.class,
            script: ns.script ?? undefined,
            storage: storageOf(ns),
            objects: counted?.objects,
            tags: tagsOf(tags, ns.id),
          }),
        );
      }
      return out;
    });
  }

  /**
   * The last 24 hours of every namespace in `namespaceIds` (all namespaces when absent), by
   * namespace id, in one GraphQL Analytics query per 200 namespaces; `exposed: false` when the token may not read
   * analytics.
   */
  async namespaceMetrics(
    namespaceIds: string[],
    now: Date = new Date(),
  ): Promise<
    | { exposed: true; byNamespace: Map<string, DurableObjectNamespaceMetrics> }
    | { exposed: false; reason: string }
  > {
    return this.ctx.run(AREA, 'durableObjects.namespaceMetrics', () =>
      readNamespaceMetrics(this.ctx, namespaceIds, now),
    );
  }

  /**
   * A class's last 24 hours (requests, errors, WebSocket messages and connections, SQLite
   * storage) over every namespace of the class, or why they are not exposed. Not found when no
   * namespace has the class.
   */
  async getMetrics(
    className: string,
    now: Date = new Date(),
  ): Promise<DurableObjectMetrics> {
    return this.ctx.run(AREA, 'durableObjects.getMetrics', async () => {
      const namespaces = (await this.namespaces()).filter(
        ns => ns.class === className,
      );
      if (namespaces.length === 0)
        throw new CloudflareApiError({
          kind: 'not-found',
          operation: 'durableObjects.getMetrics',
          status: 404,
          detail: 'no namespace has this class',
        });
      const ids = namespaces.map(ns => ns.id);
      const storages = new Set(namespaces.map(storageOf));
      const base = {
        class: className,
        namespaceIds: ids,
        scripts: [
          ...new Set(namespaces.flatMap(ns => (ns.script ? [ns.script] : []))),
        ],
        storage: storages.size === 1 ? [...storages][0] : undefined,
        from: new Date(now.getTime() - METRICS_WINDOW_MS).toISOString(),
        to: now.toISOString(),
      };
      const read = await readNamespaceMetrics(this.ctx, ids, now);
      if (!read.exposed)
        return compact({
          ...base,
          exposed: false,
          notExposedReason: read.reason,
        });
      return compact({
        ...base,
        exposed: true,
        ...sumOf(ids, read.byNamespace),
      });
    });
  }

  /** Every namespace that has an id and a class (others cannot be named). */
  private async namespaces(): Promise<Namespace[]> {
    const out: Namespace[] = [];
    for await (const raw of this.ctx.sdk.durableObjects.namespaces.list({
      account_id: this.ctx.accountId,
      per_page: 100,
    })) {
      const ns = namespaceSchema.parse(raw);
      if (ns.id && ns.class) out.push({ ...ns, id: ns.id, class: ns.class });
    }
    return out;
  }

  /** Counts a namespace's objects within `pages` objects-list calls. */
  private async countObjects(
    namespaceId: string,
    pages: number,
  ): Promise<{ objects: DurableObjectCount; calls: number }> {
    let page = await this.ctx.sdk.durableObjects.namespaces.objects.list(
      namespaceId,
      { account_id: this.ctx.accountId, limit: OBJECTS_PAGE },
    );
    let calls = 1;
    const objects = { count: 0, withStoredData: 0, complete: false };
    for (;;) {
      for (const raw of page.result) {
        objects.count += 1;
        if (objectSchema.parse(raw).hasStoredData) objects.withStoredData += 1;
      }
      if (!page.hasNextPage())
        return { objects: { ...objects, complete: true }, calls };
      if (calls >= pages) return { objects, calls };
      page = await page.getNextPage();
      calls += 1;
    }
  }
}

/** `sqlite` or `kv` from `use_sqlite`; undefined when Cloudflare does not say. */
function storageOf(ns: {
  use_sqlite?: boolean | null;
}): 'sqlite' | 'kv' | undefined {
  if (ns.use_sqlite === true) return 'sqlite';
  return ns.use_sqlite === false ? 'kv' : undefined;
}

/** The metrics of several namespaces of one class, summed (maxima for connections). */
function sumOf(
  ids: string[],
  byNamespace: Map<string, DurableObjectNamespaceMetrics>,
) {
  const rows = ids.map(id => byNamespace.get(id) ?? {});
  const sum = (k: keyof DurableObjectNamespaceMetrics) =>
    rows.reduce((n, r) => n + (r[k] ?? 0), 0);
  const requests = sum('requests');
  const errors = sum('errors');
  const stored = rows.filter(r => r.storedBytes !== undefined);
  return {
    requests,
    errors,
    errorRate: requests > 0 ? errors / requests : undefined,
    webSocketMessagesIn: sum('webSocketMessagesIn'),
    webSocketMessagesOut: sum('webSocketMessagesOut'),
    webSocketConnectionsMax: Math.max(
      0,
      ...rows.map(r => r.webSocketConnectionsMax ?? 0),
    ),
    storedBytes: stored.length > 0 ? sum('storedBytes') : undefined,
  };
}
