import { Entity } from '@backstage/catalog-model';
import {
  AiGateway,
  AiGatewayMetrics,
  aiGatewayRoutes,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { TimeCell } from '../components/shared/time';
import { defineCloudflareCard } from './types';

/** `0.2667` -> `26.7%`; `—` when unknown. */
const percent = (share: number | undefined) =>
  share === undefined ? '—' : `${(share * 100).toFixed(1)}%`;

/** Each provider's requests: `anthropic 15 · openai 15`. */
const providers = (m: AiGatewayMetrics) =>
  m.providers.length === 0
    ? '—'
    : m.providers.map(p => `${p.provider} ${p.requests}`).join(' · ');

/** The policy flags the catalog module writes on the gateway's `Resource` entity. */
type Flags = Partial<Pick<AiGateway, 'rateLimiting' | 'retries' | 'caching'>>;

/**
 * The gateway's policy flags in words, from its `Resource` entity: `Rate limit 600 requests per
 * 60 s (sliding); retries up to 3 times (exponential, 1000 ms); cached for 300 s`.
 *
 * @public
 */
export function aiGatewayPolicyInWords(resource: Entity | undefined): string {
  const {
    rateLimiting: rl,
    retries,
    caching,
  } = (resource?.spec?.parameters ?? {}) as Flags;
  if (!rl || !retries) return 'Its policy flags are not in the catalog yet';
  const limit = rl.enabled
    ? `Rate limit ${rl.limit} requests per ${rl.intervalSeconds} s${
        rl.technique ? ` (${rl.technique})` : ''
      }`
    : 'No rate limit';
  const retry = retries.enabled
    ? `retries up to ${retries.maxAttempts} ${
        retries.maxAttempts === 1 ? 'time' : 'times'
      }${
        retries.backoff
          ? ` (${retries.backoff}${
              retries.delayMs !== undefined ? `, ${retries.delayMs} ms` : ''
            })`
          : ''
      }`
    : 'no retries';
  const cache = caching?.enabled
    ? `cached for ${caching.ttlSeconds} s`
    : 'not cached';
  return `${limit}; ${retry}; ${cache}`;
}

/** The sample in words: `the newest 45 log entries (all the gateway keeps)`. */
function sampleInWords(m: AiGatewayMetrics): string {
  const { entries, complete } = m.sample;
  if (entries === 0)
    return m.logCollection
      ? 'The gateway has no log entries yet.'
      : 'The gateway does not collect logs, so there is nothing to measure.';
  return `Metrics of the newest ${entries} log ${
    entries === 1 ? 'entry' : 'entries'
  }${
    complete ? ' (all the gateway keeps)' : ` (a sample of ${m.sample.limit})`
  }; prompts and responses are never read.`;
}

/**
 * An AI gateway: requests, errors, cache hit rate, latency and provider breakdown from the metadata
 * of its newest log entries (the sample's size and window stated), and its rate limit, retries and
 * caching from its `Resource` entity. Components annotate the gateway's id
 * (`cloudflare.com/ai-gateway: acme-ai-gateway`), which is also what the metrics route takes.
 *
 * @public
 */
export const aiGatewayCard = defineCloudflareCard({
  route: aiGatewayRoutes.metrics,
  title: 'AI Gateway metrics',
  params: name => ({ name }),
  rowKey: m => m.gateway,
  columns: [
    { title: 'Gateway', render: m => m.gateway },
    { title: 'Requests', render: m => m.requests.toLocaleString('en-US') },
    {
      title: 'Errors',
      render: m => `${m.errors} (${percent(m.errorRate)})`,
    },
    { title: 'Cache hit rate', render: m => percent(m.cacheHitRate) },
    {
      title: 'Latency (avg / p95)',
      render: m =>
        m.latencyMs ? `${m.latencyMs.avg} / ${m.latencyMs.p95} ms` : '—',
    },
    { title: 'Providers', render: providers },
    {
      title: 'Window',
      render: m =>
        m.sample.from ? (
          <>
            <TimeCell iso={m.sample.from} /> to <TimeCell iso={m.sample.to} />
          </>
        ) : (
          '—'
        ),
    },
  ],
  empty: {
    title: 'No AI gateway',
    description:
      'Create the gateway in the Cloudflare dashboard (AI > AI Gateway), or check the cloudflare.com/ai-gateway annotation.',
  },
  summary: ([m], resource) =>
    m ? `${aiGatewayPolicyInWords(resource)}. ${sampleInWords(m)}` : undefined,
});
