import { DurableObjectNamespaceMetrics } from '@cloudflare-backstage/cloudflare-client';
import { DurableObjectClass } from '@cloudflare-backstage/plugin-cloudflare-common';
import { byName, dependsOnRefs } from './bindings';
import { cloudflareResourceEntity } from './entity';
import { defineCatalogArea, memoOf } from './types';
import { stopsTheRun } from '../ingestion/stops';

/**
 * One run's read of the Durable Objects area: the namespaces (with their object counts within the
 * client's budget) and their last 24 hours from GraphQL Analytics, or why those are not exposed.
 */
export interface DurableObjectsRead {
  /** The namespaces, one per class and script. */
  classes: DurableObjectClass[];
  /** Metrics by namespace id, or the reason Cloudflare gave none (`exposed: false`). */
  metrics:
    | { exposed: true; byNamespace: Map<string, DurableObjectNamespaceMetrics> }
    | { exposed: false; reason: string };
}

/**
 * Key of a namespace in the run's id -> name index by its hosting script and its class, for a
 * Worker binding that names those and not the namespace id. Neither a namespace id nor a class
 * name holds a `/`, so it never meets an id.
 */
export function durableObjectScriptClassKey(
  script: string,
  className: string,
): string {
  return `${script}/${className}`;
}

/**
 * The resource name of each namespace's entity, by namespace id: its class when no other namespace
 * of the account has that class (`cf-do-<class>`), else `<class>-<script>` (two Workers may each
 * host a class of the same name). A class name never holds a `-`, so the two forms never meet; a
 * namespace without a script, or two of one class and script, add the namespace id. The names
 * depend on the set of namespaces, not on their order.
 */
export function durableObjectResourceNames(
  classes: DurableObjectClass[],
): Map<string, string> {
  const count = (values: string[]) => {
    const n = new Map<string, number>();
    for (const v of values) n.set(v, (n.get(v) ?? 0) + 1);
    return n;
  };
  const perClass = count(classes.map(c => c.class));
  const first = classes.map(c =>
    perClass.get(c.class)! > 1
      ? `${c.class}-${c.script ?? c.namespaceId}`
      : c.class,
  );
  const perName = count(first);
  return new Map(
    classes.map((c, i) => [
      c.namespaceId,
      perName.get(first[i])! > 1 ? `${first[i]}-${c.namespaceId}` : first[i],
    ]),
  );
}

/** `errors / requests`; undefined without requests. */
const rateOf = (m: DurableObjectNamespaceMetrics | undefined) =>
  m?.requests ? (m.errors ?? 0) / m.requests : undefined;

/**
 * Durable Objects: one `Resource` (type `cloudflare-durable-object`) per namespace, named by its
 * class (`cf-do-<class>`), so a Component's `cloudflare.com/durable-object: <class>` meets it. When
 * several Workers of the account host a class of the same name, each of those namespaces is
 * `cf-do-<class>-<script>` and the annotation takes `<class>-<script>` (see
 * {@link durableObjectResourceNames}). A Worker's `durable_object_namespace` binding meets its
 * namespace through the run's index: by namespace id, else by script and class
 * ({@link durableObjectScriptClassKey}). The Worker script that hosts the class is a dependency of
 * it (`spec.dependsOn`), so the catalog graph shows which Worker runs it.
 *
 * `spec.parameters` holds the namespace id, class, hosting script (`workerScript`), storage backend, the object count
 * (`objectCount`, `objectCountComplete`: false means "at least") and the last 24 hours: `requests`,
 * `errors`, `errorRate`, `webSocketMessages` (in and out) and `storedBytes`. When the API token may
 * not read analytics, `metricsExposed` is false with `metricsNotExposedReason` and no metric is
 * set: the Tech Insights checks then have no fact rather than a false pass.
 *
 * Calls: the namespace list (2 up to 100 namespaces: the SDK stops at an empty page). The object
 * counts (the list again with at most 20 objects-list calls in all, 2 per namespace) and the
 * metrics (one GraphQL Analytics query per 200 namespaces; when it fails, the last read's metrics
 * stay) are two live details of the run's memo, keyed by the set of namespaces: read again when a
 * namespace comes or goes, and every few cycles. Tags come from the run's index.
 */
export const durableObjectsArea = defineCatalogArea<DurableObjectsRead>({
  async read(client, previous, run) {
    const memo = memoOf(run);
    const tags = run?.tags ?? {};
    const listed = await client.durableObjects.listClasses({
      tags,
      objectCountCalls: 0,
    });
    const ids = listed.map(c => c.namespaceId);
    const changeKey = [...ids].sort().join(',');
    // The object counts cost calls per namespace: read with the list again (2 calls more) when
    // the namespaces change, and every few cycles.
    const counts = await memo.detail(
      'objects',
      { changeKey, live: true },
      async () =>
        Object.fromEntries(
          (
            await client.durableObjects.listClasses({ tags })
          ).map(c => [c.namespaceId, c.objects ?? null]),
        ),
    );
    const classes = listed.map(c =>
      counts[c.namespaceId] ? { ...c, objects: counts[c.namespaceId]! } : c,
    );
    try {
      const metrics = await memo.detail(
        'metrics',
        { changeKey, live: true },
        () => client.durableObjects.namespaceMetrics(ids),
      );
      return { classes, metrics };
    } catch (e) {
      // Analytics down this run: the last read's metrics stay (none on a first read: it fails).
      if (!previous || stopsTheRun(e)) throw e;
      return { classes, metrics: previous.metrics };
    }
  },

  // Namespace id (and script and class) -> resource name, so a Worker's binding and a container
  // application backing a namespace meet its entity.
  names: ({ classes }) => {
    const names = durableObjectResourceNames(classes);
    return classes.flatMap(c => {
      const name = names.get(c.namespaceId)!;
      return [
        [c.namespaceId, name] as const,
        ...(c.script
          ? [[durableObjectScriptClassKey(c.script, c.class), name] as const]
          : []),
      ];
    });
  },

  map: ({ classes, metrics }, ctx) => {
    const names = durableObjectResourceNames(classes);
    return classes.map(c => {
      const m = metrics.exposed
        ? metrics.byNamespace.get(c.namespaceId)
        : undefined;
      return cloudflareResourceEntity(ctx, {
        area: 'durableObjects',
        resourceName: names.get(c.namespaceId)!,
        resourceId: c.namespaceId,
        description: `Cloudflare Durable Object class ${c.class}${
          c.script ? ` hosted by Worker ${c.script}` : ''
        }`,
        tags: [c.storage],
        dependsOn: dependsOnRefs([byName('workers', c.script)], ctx),
        parameters: {
          accountId: ctx.accountId,
          namespaceId: c.namespaceId,
          namespaceName: c.name,
          class: c.class,
          workerScript: c.script,
          storage: c.storage,
          objectCount: c.objects?.count,
          objectCountComplete: c.objects?.complete,
          metricsExposed: metrics.exposed,
          metricsNotExposedReason: metrics.exposed ? undefined : metrics.reason,
          requests: m?.requests,
          errors: m?.errors,
          errorRate: rateOf(m),
          webSocketMessagesIn: m?.webSocketMessagesIn,
          webSocketMessagesOut: m?.webSocketMessagesOut,
          webSocketConnectionsMax: m?.webSocketConnectionsMax,
          storedBytes: m?.storedBytes,
        },
      });
    });
  },
});
