import { Entity } from '@backstage/catalog-model';
import {
  DurableObjectMetrics,
  durableObjectsRoutes,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import Chip from '@material-ui/core/Chip';
import { ReactNode } from 'react';
import { humanBytes } from './cells';
import { defineCloudflareCard } from './types';

const count = (n: number) => n.toLocaleString('en-US');

/** Storage backends as Cloudflare's dashboard names them. */
const STORAGE = { sqlite: 'SQLite', kv: 'KV' } as const;

/** A metric, or the "not exposed" chip when Cloudflare gave the token no analytics. */
function metric(
  m: DurableObjectMetrics,
  value: (m: DurableObjectMetrics) => ReactNode,
): ReactNode {
  if (!m.exposed)
    return (
      <Chip
        size="small"
        variant="outlined"
        label="not exposed"
        title={m.notExposedReason}
      />
    );
  return value(m);
}

/** The class's object count as its `Resource` entity states it: `2,345 objects`, `at least 2,000 objects`. */
function objectsText(resource: Entity | undefined): string | undefined {
  const p = resource?.spec?.parameters as
    | { objectCount?: unknown; objectCountComplete?: unknown }
    | undefined;
  if (typeof p?.objectCount !== 'number') return undefined;
  const n = `${count(p.objectCount)} object${p.objectCount === 1 ? '' : 's'}`;
  return p.objectCountComplete === false ? `at least ${n}` : n;
}

/** The class its `Resource` entity names (`spec.parameters.class`), when there is one. */
function classOf(resource: Entity | undefined): string | undefined {
  const c = (resource?.spec?.parameters as { class?: unknown } | undefined)
    ?.class;
  return typeof c === 'string' ? c : undefined;
}

/**
 * A Durable Object class: its hosting Worker, storage backend and last 24 hours from Cloudflare's
 * GraphQL Analytics (requests, error rate, WebSocket messages and peak connections, SQLite
 * storage), or "not exposed" when the API token may not read analytics. Components annotate the
 * class name (`cloudflare.com/durable-object: SessionCoordinator`; `<class>-<script>` when several
 * Workers host a class of that name), which the route takes; the
 * summary adds the object count the catalog module counted (a lower bound beyond its budget).
 *
 * @public
 */
export const durableObjectsCard = defineCloudflareCard({
  route: durableObjectsRoutes.metrics,
  title: 'Durable Objects',
  // Without the entity, `<class>-<script>` (a class two Workers host) names the class before the
  // first `-`: a class name holds none.
  params: (name, resource) => ({
    class: classOf(resource) ?? name.split('-')[0],
  }),
  rowKey: m => m.class,
  columns: [
    { title: 'Class', render: m => <code>{m.class}</code> },
    { title: 'Worker', render: m => m.scripts.join(', ') || '—' },
    {
      title: 'Storage',
      render: m => (m.storage ? STORAGE[m.storage] : '—'),
    },
    {
      title: 'Requests (24 h)',
      render: m => metric(m, x => count(x.requests ?? 0)),
    },
    {
      title: 'Error rate',
      render: m =>
        metric(m, x =>
          x.errorRate === undefined
            ? 'no requests'
            : `${(x.errorRate * 100).toFixed(2)}% (${count(x.errors ?? 0)})`,
        ),
    },
    {
      title: 'WebSocket messages in / out',
      render: m =>
        metric(
          m,
          x =>
            `${count(x.webSocketMessagesIn ?? 0)} / ${count(
              x.webSocketMessagesOut ?? 0,
            )}`,
        ),
    },
    {
      title: 'Peak WebSocket connections',
      render: m => metric(m, x => count(x.webSocketConnectionsMax ?? 0)),
    },
    {
      title: 'SQLite storage',
      render: m => metric(m, x => humanBytes(x.storedBytes)),
    },
  ],
  empty: {
    title: 'No Durable Object class',
    description:
      'Deploy the Worker that defines the class with a durable_objects binding, or check the cloudflare.com/durable-object annotation (it takes the class name).',
  },
  summary: ([m], resource) => {
    if (!m) return undefined;
    const objects = objectsText(resource);
    const head = `${m.class}${objects ? `: ${objects}` : ''}.`;
    return m.exposed
      ? `${head} Last 24 hours from Cloudflare's GraphQL Analytics.`
      : `${head} Analytics not exposed: ${m.notExposedReason}`;
  },
});
