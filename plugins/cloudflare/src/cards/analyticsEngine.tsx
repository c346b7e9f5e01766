import { analyticsEngineRoutes } from '@cloudflare-backstage/plugin-cloudflare-common';
import { defineCloudflareCard } from './types';

/** `acme-api`, `acme-api and acme-chat`, `a, b and c`. */
function inWords(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * An Analytics Engine dataset and the Workers that write it. Cloudflare lists no datasets: the
 * datasets route reads them from the Workers' `analytics_engine` bindings, all at once, so the card
 * reads that list and keeps the row of the name (`cloudflare.com/analytics-engine: acme_analytics`,
 * or the dataset's own `Resource` page).
 *
 * @public
 */
export const analyticsEngineCard = defineCloudflareCard({
  route: analyticsEngineRoutes.datasets,
  title: 'Analytics Engine datasets',
  params: () => ({}),
  rows: (datasets, name) => datasets.filter(d => d.name === name),
  rowKey: d => d.name,
  columns: [
    { title: 'Dataset', render: d => d.name },
    { title: 'Written by', render: d => inWords(d.workers) || '—' },
    { title: 'Workers', render: d => String(d.workers.length) },
  ],
  empty: {
    title: 'No Worker binds this dataset',
    description:
      'Add an analytics_engine binding with this dataset to a Worker (wrangler: analytics_engine_datasets), or check the cloudflare.com/analytics-engine annotation.',
  },
  summary: ([d]) =>
    d &&
    `${d.name} is written by ${inWords(
      d.workers,
    )}. Queries of it are read-only, allow-listed and audited; blob columns are masked.`,
});
