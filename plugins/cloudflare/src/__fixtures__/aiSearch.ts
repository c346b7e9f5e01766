import {
  AiSearchIndexHealth,
  CloudflareEnvelope,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { resource } from '../testUtils';

const HOUR_MS = 3_600_000;
const ago = (hours: number) =>
  new Date(Date.now() - hours * HOUR_MS).toISOString();

/** The `Resource` entity of `acme-support-kb` (namespace `support`) as the catalog module makes it. */
export const acmeSupportKbResource = resource(
  'cf-ai-search-support-acme-support-kb-1a2b3c4d',
  'cloudflare-ai-search',
  { instanceId: 'acme-support-kb', namespace: 'support', connectors: ['r2'] },
);

/** The masked health of `acme-site-index`: crawled 2 hours ago, its header name masked. */
export const acmeSiteIndexHealth: CloudflareEnvelope<AiSearchIndexHealth> = {
  account: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  area: 'aiSearch',
  view: 'masked',
  item: {
    id: 'acme-site-index',
    namespace: 'default',
    status: 'ready',
    enabled: true,
    paused: false,
    source: {
      type: 'web-crawler',
      name: 'https://acme-org.org',
      parseType: 'sitemap',
      includeHeaders: ['[masked]'],
    },
    documents: { completed: 1840, queued: 0, error: 0, outdated: 0 },
    countsUnavailable: false,
    sourceErrors: 0,
    fileErrors: 0,
    sync: {
      lastJob: {
        id: 'job-0008',
        trigger: 'schedule',
        outcome: 'succeeded',
        endedAt: ago(2),
        endReason: 'completed',
      },
      lastSuccess: {
        id: 'job-0008',
        trigger: 'schedule',
        outcome: 'succeeded',
        endedAt: ago(2),
        endReason: 'completed',
      },
      jobsRead: 8,
      complete: true,
    },
  },
  masked: { 'source.includeHeaders': 1 },
  fetchedAt: new Date().toISOString(),
};

/** The health of `acme-docs-search`: every sync of the last 12 days failed. */
export const acmeDocsSearchHealth: CloudflareEnvelope<AiSearchIndexHealth> = {
  ...acmeSiteIndexHealth,
  item: {
    ...acmeSiteIndexHealth.item!,
    id: 'acme-docs-search',
    status: 'error',
    source: {
      type: 'r2',
      name: 'acme-static-assets',
      prefix: 'docs/',
      jurisdiction: 'default',
    },
    documents: { completed: 1840, queued: 0, error: 12, outdated: 240 },
    sync: {
      lastJob: {
        id: 'job-0019',
        trigger: 'schedule',
        outcome: 'failed',
        endedAt: ago(24),
        endReason: 'error: R2 bucket access denied',
      },
      lastSuccess: {
        id: 'job-0008',
        trigger: 'schedule',
        outcome: 'succeeded',
        endedAt: ago(12 * 24),
        endReason: 'completed',
      },
      jobsRead: 19,
      complete: true,
    },
  },
  masked: {},
};
