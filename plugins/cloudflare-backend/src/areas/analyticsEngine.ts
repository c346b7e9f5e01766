import { InputError } from '@backstage/errors';
import {
  AnalyticsEngineSqlError,
  checkAnalyticsEngineSql,
} from '@cloudflare-backstage/cloudflare-client';
import { AreaRouteDescriptors } from './types';

/**
 * Analytics Engine routes: the datasets Workers bind (from their settings' `analytics_engine`
 * bindings), and one read-only SQL query over the path's dataset. The query's `check` runs the
 * client's allow-list before authorization, the audit event and any call: a refused statement is a
 * 400 naming the reason, and an accepted one reaches the cache key, the `analytics-engine-query`
 * audit event and the SQL API as the statement written from its checked syntax tree.
 */
export const analyticsEngineRouteDescriptors: AreaRouteDescriptors<'analyticsEngine'> =
  {
    datasets: {
      what: () => 'Analytics Engine datasets',
      load: async client => ({
        items: await client.analyticsEngine.listDatasets(),
      }),
    },
    query: {
      what: ({ params }) => `Analytics Engine dataset '${params.dataset}'`,
      check: input => {
        const { params, body } = input;
        try {
          const { statement } = checkAnalyticsEngineSql(
            params.dataset,
            body?.sql ?? '',
          );
          return { ...input, body: { sql: statement } };
        } catch (e) {
          if (!(e instanceof AnalyticsEngineSqlError)) throw e;
          throw new InputError(`Invalid body: sql: ${e.message}`);
        }
      },
      load: async (client, { params, body }) => ({
        item: await client.analyticsEngine.query(
          params.dataset,
          body?.sql ?? '',
        ),
      }),
    },
  };
