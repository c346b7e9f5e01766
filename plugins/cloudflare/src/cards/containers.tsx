import { Entity } from '@backstage/catalog-model';
import {
  ContainerStatus,
  containersRoutes,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { defineCloudflareCard } from './types';

const count = (n: number | undefined) =>
  n === undefined ? '—' : n.toLocaleString('en-US');

/** States as the instances list counted them, most frequent first: `running 27, failed 1`. */
export function statesInWords(s: ContainerStatus): string {
  const text = Object.entries(s.instanceStates)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([state, n]) => `${state} ${count(n)}`)
    .join(', ');
  const listed = text || 'none listed';
  return s.instancesComplete ? listed : `${listed} (at least)`;
}

/** The newest error event: `OOMKilled (error): <message>`, or `None`. */
function lastError(s: ContainerStatus): string {
  const [e] = s.errors;
  if (!e) return 'None';
  const head = `${e.name}${e.type ? ` (${e.type})` : ''}`;
  return e.message ? `${head}: ${e.message}` : head;
}

/** The image its `Resource` entity names (`spec.parameters.images[0]`), when there is one. */
function imageOf(resource: Entity | undefined): string | undefined {
  const images = (
    resource?.spec?.parameters as { images?: unknown } | undefined
  )?.images;
  return Array.isArray(images) && typeof images[0] === 'string'
    ? images[0]
    : undefined;
}

/**
 * A Containers application's health: Cloudflare's summary, desired, active, starting and failed
 * instances, the instances by state (a lower bound beyond the client's budget) and the newest error
 * event (its message masked unless the viewer may see unmasked data). Components annotate the
 * application name (`cloudflare.com/container: acme-containers`); the summary adds the image the
 * catalog module recorded. Environment variable values are never read into the suite.
 *
 * @public
 */
export const containersCard = defineCloudflareCard({
  route: containersRoutes.status,
  title: 'Containers',
  params: name => ({ service: name }),
  rowKey: s => s.id,
  columns: [
    { title: 'Application', render: s => s.name },
    {
      title: 'Kind',
      render: s =>
        s.kind === 'durable-object' ? 'Durable Object' : 'Scheduled',
    },
    { title: 'Health', render: s => s.summary ?? '—' },
    { title: 'Desired', render: s => count(s.desired) },
    { title: 'Active', render: s => count(s.active) },
    { title: 'Starting', render: s => count(s.starting) },
    { title: 'Failed', render: s => count(s.failed) },
    { title: 'Instances by state', render: statesInWords },
    { title: 'Last error', render: lastError },
  ],
  empty: {
    title: 'No container application',
    description:
      'Deploy it with wrangler deploy (a containers entry in the Wrangler config), or check the cloudflare.com/container annotation.',
  },
  summary: ([s], resource) => {
    if (!s) return undefined;
    const image = imageOf(resource);
    const errors = `${s.errors.length} error event${
      s.errors.length === 1 ? '' : 's'
    }`;
    return `${s.name}${image ? ` runs ${image}` : ''}: ${
      s.summary ?? 'no health summary'
    }, ${count(s.failed)} failed instance${
      s.failed === 1 ? '' : 's'
    }, ${errors}. Environment variable values are never read.`;
  },
});
