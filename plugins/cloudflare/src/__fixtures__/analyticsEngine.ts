import {
  AnalyticsEngineDataset,
  CloudflareEnvelope,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { resource } from '../testUtils';

/** The `Resource` entity of `acme_analytics` as the catalog module makes it. */
export const acmeAnalyticsResource = resource(
  'cf-analytics-engine-acme_analytics',
  'cloudflare-analytics-engine',
  { dataset: 'acme_analytics', workers: ['acme-api', 'acme-chat'] },
);

/** The datasets route's answer on the demo account, with one more dataset. */
export const analyticsEngineDatasets: CloudflareEnvelope<AnalyticsEngineDataset> =
  {
    account: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
    area: 'analyticsEngine',
    view: 'masked',
    items: [
      { name: 'acme_analytics', workers: ['acme-api', 'acme-chat'] },
      { name: 'acme_billing_events', workers: ['acme-billing'] },
    ],
    masked: {},
    fetchedAt: '2026-11-20T10:00:00.000Z',
  };
