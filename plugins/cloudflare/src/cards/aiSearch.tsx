import { Entity } from '@backstage/catalog-model';
import {
  AiSearchIndexHealth,
  AiSearchJob,
  aiSearchRoutes,
  parseAiSearchResourceName,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { relativeTime, TimeCell } from '../components/shared/time';
import { defineCloudflareCard } from './types';

/** The window of the crawl check unless configured (spec section 6: 7 days). */
const CRAWL_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

/** Id and namespace of the name's instance: its `Resource` entity's parameters, else the name. */
function instanceOf(
  name: string,
  resource: Entity | undefined,
): { id: string; namespace: string } {
  const p = (resource?.spec?.parameters ?? {}) as Record<string, unknown>;
  return typeof p.instanceId === 'string' && typeof p.namespace === 'string'
    ? { id: p.instanceId, namespace: p.namespace }
    : parseAiSearchResourceName(name);
}

/** The data connector in words: `Website https://acme-org.org`, `R2 acme-static-assets/docs/`. */
function sourceInWords(h: AiSearchIndexHealth): string {
  const s = h.source;
  if (!s) return 'None';
  if (s.type === 'r2')
    return `R2 bucket ${s.name}${s.prefix ? `/${s.prefix}` : ''}`;
  const headers = s.includeHeaders?.length
    ? ` (sends ${s.includeHeaders.length} header${
        s.includeHeaders.length === 1 ? '' : 's'
      }: ${s.includeHeaders.join(', ')})`
    : '';
  return `Website ${s.name}${headers}`;
}

/** A job in words: `succeeded`, `failed: error: ...`, with when it ended. */
function Job(props: { job?: AiSearchJob; none: string }) {
  const { job } = props;
  if (!job) return <>{props.none}</>;
  const reason =
    job.outcome === 'failed' && job.endReason ? `: ${job.endReason}` : '';
  return (
    <>
      <TimeCell iso={job.endedAt ?? job.startedAt} /> ({job.outcome}
      {reason})
    </>
  );
}

/** `1,840 indexed, 12 errors, 0 queued`; what Cloudflare could not count, said so. */
function documentsInWords(h: AiSearchIndexHealth): string {
  if (h.countsUnavailable && h.documents.completed === undefined)
    return 'Cloudflare could not count them';
  const n = (v: number | undefined) => (v ?? 0).toLocaleString('en-US');
  return `${n(h.documents.completed)} indexed, ${n(
    h.documents.error,
  )} errors, ${n(h.documents.queued)} queued, ${n(
    h.documents.outdated,
  )} outdated`;
}

/**
 * An AI Search instance's health: its data connector (R2 bucket or website), status, document
 * counts and its last and last successful sync, with whether a successful crawl happened within
 * 7 days (the SOC 2 PI1.2 check). Components annotate the instance
 * (`cloudflare.com/ai-search: acme-site-index`, `<namespace>/<id>` outside the default namespace);
 * the namespace goes in the route's `?namespace=`. Header names a crawler sends are masked unless
 * the viewer may unmask them; their values never reach the browser.
 *
 * @public
 */
export const aiSearchCard = defineCloudflareCard({
  route: aiSearchRoutes.health,
  title: 'AI Search indexes',
  params: (name, resource) => ({ index: instanceOf(name, resource).id }),
  query: (name, resource) => ({
    namespace: instanceOf(name, resource).namespace,
  }),
  rowKey: h => `${h.namespace}/${h.id}`,
  columns: [
    {
      title: 'Instance',
      render: h =>
        h.namespace === 'default' ? h.id : `${h.id} (namespace ${h.namespace})`,
    },
    { title: 'Source', render: sourceInWords },
    {
      title: 'Status',
      render: h => `${h.status}${h.paused ? ' (syncs paused)' : ''}`,
    },
    { title: 'Documents', render: documentsInWords },
    {
      title: 'Last sync',
      render: h => <Job job={h.sync.lastJob} none="Never synced" />,
    },
    {
      title: 'Last successful sync',
      render: h => (
        <Job
          job={h.sync.lastSuccess}
          none={`None in the last ${h.sync.jobsRead} jobs`}
        />
      ),
    },
  ],
  empty: {
    title: 'No AI Search instance',
    description:
      'Create the instance in the Cloudflare dashboard (AI > AI Search), or check the cloudflare.com/ai-search annotation.',
  },
  summary: ([h]) => {
    if (!h) return undefined;
    const ended = h.sync.lastSuccess?.endedAt;
    if (!ended)
      return `${h.id} has no successful crawl among its last ${h.sync.jobsRead} jobs (SOC 2 PI1.2).`;
    const age = Date.now() - Date.parse(ended);
    const days = Math.floor(age / DAY_MS);
    return age <= CRAWL_WINDOW_DAYS * DAY_MS
      ? `Last successful crawl ${relativeTime(
          ended,
        )}: within ${CRAWL_WINDOW_DAYS} days (SOC 2 PI1.2).`
      : `Last successful crawl ${days} days ago: ${h.id} answers from content older than ${CRAWL_WINDOW_DAYS} days (SOC 2 PI1.2).`;
  },
});
