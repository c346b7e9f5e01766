import { AnalyticsEngineDataset } from '@cloudflare-backstage/plugin-cloudflare-common';
import { cloudflareResourceEntity } from './entity';
import { defineCatalogArea } from './types';
import { workersArea } from './workers';

/**
 * Analytics Engine: one `Resource` (`cf-analytics-engine-<dataset>`, type
 * `cloudflare-analytics-engine`) per dataset a Worker binds, with its name and the scripts that
 * write it. Cloudflare lists no datasets, so they come from the Workers' `analytics_engine`
 * bindings: from the run's Workers read (`run.readOf(workersArea)`, no call at all), or, when Workers
 * are not imported, from the client's own read (the scripts list and each script's settings).
 * Relations: each binding Worker's `spec.dependsOn` names the dataset (the Workers descriptor), and
 * a Component's `cloudflare.com/analytics-engine: <dataset>` meets the same entity.
 */
export const analyticsEngineArea = defineCatalogArea<AnalyticsEngineDataset[]>({
  async read(client, _previous, run) {
    const workers = run?.readOf?.(workersArea);
    return client.analyticsEngine.listDatasets({
      workers: workers?.map(w => ({
        script: w.script.id,
        bindings: w.bindings,
      })),
    });
  },

  map: (datasets, ctx) =>
    datasets.map(dataset =>
      cloudflareResourceEntity(ctx, {
        area: 'analyticsEngine',
        resourceName: dataset.name,
        description: `Workers Analytics Engine dataset ${dataset.name}`,
        parameters: {
          accountId: ctx.accountId,
          dataset: dataset.name,
          workers: dataset.workers,
        },
      }),
    ),
});
