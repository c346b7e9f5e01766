import { DeferredEntity } from '@backstage/plugin-catalog-node';
import { DEMO_ACCOUNT_ID } from '@cloudflare-backstage/cloudflare-demo-account';
import {
  CloudflareAreaId,
  cloudflareEntityName,
} from '@cloudflare-backstage/plugin-cloudflare-common';

/*
 * The entity names the demo account yields, per area, in the order the provider applies them (the
 * registry's order of areas, each area in Cloudflare's order). Counts in tests derive from these
 * lists, so an area added to the demo account changes one list here and no hard-coded number.
 */

export const WORKER_NAMES = [
  'acme-api',
  'acme-worker-consumer',
  'acme-edge-router',
  'acme-session',
  'acme-chat',
  'acme-etl',
  'acme-indexer',
  'acme-reports',
  'acme-renderer',
].map(n => `cf-worker-${n}`);
export const PAGES_NAMES = ['acme-web', 'acme-docs', 'acme-status'].map(
  n => `cf-pages-${n}`,
);
export const ZERO_TRUST_NAMES = ['cf-zt-access'];
/** The demo account's queues, in Cloudflare's order. */
export const QUEUE_NAMES = [
  'acme-events',
  'acme-events-dlq',
  'acme-email-outbound',
  'acme-r2-notifications',
  'acme-audit-eu',
  'acme-audit-eu-dlq',
].map(n => `cf-queue-${n}`);
export const KV_NAMES = [
  'acme-cache',
  'acme-sessions',
  'acme-config',
  'acme-feature-flags',
  'acme-eu-profiles',
].map(n => `cf-kv-${n}`);
export const D1_NAMES = [
  'acme-core',
  'acme-sessions-db',
  'acme-audit-eu',
  'acme-analytics-staging',
].map(n => `cf-d1-${n}`);
/** The demo account's buckets: the default jurisdiction's, then eu's and fedramp's (hashed names). */
export const R2_NAMES = [
  ...[
    'acme-logs-archive',
    'acme-prod-artifacts',
    'acme-regulated-exports',
    'acme-static-assets',
  ].map(n => `cf-r2-${n}`),
  cloudflareEntityName('r2', 'eu/acme-eu-customer-data'),
  cloudflareEntityName('r2', 'fedramp/acme-fedramp-ledger'),
];
export const AI_GATEWAY_NAMES = [
  'acme-ai-gateway',
  'acme-support-bot',
  'acme-playground',
  'acme-batch-jobs',
].map(n => `cf-ai-gateway-${n}`);
/** The demo account's Vectorize indexes, in Cloudflare's order. */
export const VECTORIZE_NAMES = [
  'acme-idx-main',
  'acme-idx-docs',
  'acme-idx-support',
  'acme-idx-experiments',
].map(n => `cf-vectorize-${n}`);
/** The demo account's one Analytics Engine dataset (written by acme-api's binding). */
export const ANALYTICS_ENGINE_NAMES = ['cf-analytics-engine-acme_analytics'];
export const SECRETS_STORE_NAMES = ['cf-secrets-store-acme-account-secrets'];
/** The demo account's Hyperdrive configs, in Cloudflare's order. */
export const HYPERDRIVE_NAMES = [
  'acme-hyperdrive',
  'acme-hyperdrive-analytics',
  'acme-hyperdrive-tunnel',
  'acme-hyperdrive-inventory',
].map(n => `cf-hyperdrive-${n}`);
/** The demo account's Containers applications: the scheduled one, then the Durable Object one. */
export const CONTAINER_NAMES = ['acme-containers', 'acme-renderer'].map(
  n => `cf-container-${n}`,
);
export const WORKFLOW_NAMES = [
  'acme-etl',
  'acme-onboarding',
  'acme-nightly-report',
].map(n => `cf-workflow-${n}`);
/** The demo account's Durable Object classes, in Cloudflare's order. */
export const DO_NAMES = [
  'SessionCoordinator',
  'RateLimiter',
  'ChatRoom',
  'RendererContainer',
].map(n => `cf-do-${n}`);
/** The demo account's AI Search instances: the default namespace's, then support's (a hashed name). */
export const AI_SEARCH_NAMES = [
  'cf-ai-search-acme-site-index',
  'cf-ai-search-acme-docs-search',
  cloudflareEntityName('aiSearch', 'support/acme-support-kb'),
];
/** The account's one Browser Rendering Resource, named by the account id (no name configured). */
export const BROWSER_RENDERING_NAMES = [
  `cf-browser-rendering-${DEMO_ACCOUNT_ID}`,
];

/** The demo account's entity names by area, in the order the provider reads and logs the areas. */
export const NAMES_BY_AREA: Array<[CloudflareAreaId, string[]]> = [
  ['workers', WORKER_NAMES],
  ['pages', PAGES_NAMES],
  ['zeroTrust', ZERO_TRUST_NAMES],
  ['queues', QUEUE_NAMES],
  ['kv', KV_NAMES],
  ['d1', D1_NAMES],
  ['r2', R2_NAMES],
  ['aiGateway', AI_GATEWAY_NAMES],
  ['vectorize', VECTORIZE_NAMES],
  ['analyticsEngine', ANALYTICS_ENGINE_NAMES],
  ['secretsStore', SECRETS_STORE_NAMES],
  ['hyperdrive', HYPERDRIVE_NAMES],
  ['containers', CONTAINER_NAMES],
  ['workflows', WORKFLOW_NAMES],
  ['durableObjects', DO_NAMES],
  ['aiSearch', AI_SEARCH_NAMES],
  ['browserRendering', BROWSER_RENDERING_NAMES],
];

/** Every entity name of the demo account, in the order of the provider's full mutation. */
export const ALL_NAMES = NAMES_BY_AREA.flatMap(([, list]) => list);

/** The demo account's names without those of `areas` (areas turned off, or failed before a good read). */
export function namesWithout(...areas: CloudflareAreaId[]): string[] {
  return NAMES_BY_AREA.filter(([area]) => !areas.includes(area)).flatMap(
    ([, list]) => list,
  );
}

/** The summary line's per-area counts, e.g. `workers=9 pages=3 ...`, as the demo account gives them. */
export const AREA_COUNTS = NAMES_BY_AREA.map(
  ([area, list]) => `${area}=${list.length}`,
).join(' ');

/** The entity names a mutation applies (a full one's entities, a delta's added). */
export function names(mutation: {
  entities?: DeferredEntity[];
  added?: DeferredEntity[];
}) {
  return (mutation.entities ?? mutation.added ?? []).map(
    e => e.entity.metadata.name,
  );
}
