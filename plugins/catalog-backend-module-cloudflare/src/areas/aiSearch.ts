import { isCloudflareApiError } from '@cloudflare-backstage/cloudflare-client';
import {
  AI_SEARCH_DEFAULT_NAMESPACE,
  AiSearchIndex,
  AiSearchSyncHistory,
  aiSearchResourceName,
  r2BucketResourceName,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { byName, dependsOnRefs } from './bindings';
import { cloudflareResourceEntity } from './entity';
import { defineCatalogArea, memoOf } from './types';

/** Jobs read per instance: one page, newest first. */
export const AI_SEARCH_JOBS_PER_READ = 50;

/** What the AI Search area reads: every instance, and the sync history of each. */
export interface AiSearchRead {
  indexes: AiSearchIndex[];
  /** By resource name (`aiSearchResourceName`); absent for an instance that vanished before its read. */
  histories: Record<string, AiSearchSyncHistory>;
}

const keyOf = (index: AiSearchIndex) =>
  aiSearchResourceName(index.id, index.namespace);

/** Connector names as the spec's entity example shows them: `website` or `r2`. */
const CONNECTOR = { 'web-crawler': 'website', r2: 'r2' } as const;

/**
 * AI Search: one `Resource` (type `cloudflare-ai-search`) per instance of every namespace, named by
 * `aiSearchResourceName` (`cf-ai-search-<id>` in the default namespace, a hashed
 * `cf-ai-search-<namespace>-<id>-…` elsewhere), with its connector, status, and what its sync jobs
 * say: `lastCrawlAt` and `lastCrawlOutcome` (the newest job), `lastSuccessfulCrawlAt`, and how far
 * back the jobs were read (`crawlsReadSince`, `allCrawlsRead`), which the Tech Insights crawl check
 * needs. An instance reading an R2 bucket depends on `cf-r2-<bucket>`; one whose model calls go
 * through an AI Gateway depends on `cf-ai-gateway-<id>`. Neither `createdBy`/`modifiedBy` (people's
 * emails) nor crawler headers reach the entity.
 *
 * Calls per run: the namespace list and one instance list per namespace (100 a page), and through
 * the run's memo one jobs page per instance when new or its `last_activity_at` moved (a crawl
 * moves it); an instance whose list entry has no `last_activity_at` is a live detail, read again
 * every few cycles.
 */
export const aiSearchArea = defineCatalogArea<AiSearchRead>({
  async read(client, _previous, run) {
    const memo = memoOf(run);
    const indexes = await client.aiSearch.listIndexes();
    const histories: Record<string, AiSearchSyncHistory> = {};
    for (const index of indexes) {
      const history = await memo.detail(
        `jobs/${keyOf(index)}`,
        { changeKey: index.lastActivityAt },
        async () => {
          try {
            return await client.aiSearch.getSyncHistory(
              index.id,
              index.namespace,
              { maxJobs: AI_SEARCH_JOBS_PER_READ },
            );
          } catch (e) {
            // Deleted between the list and the read: it has no history.
            if (isCloudflareApiError(e) && e.kind === 'not-found')
              return undefined;
            throw e;
          }
        },
      );
      if (history) histories[keyOf(index)] = history;
    }
    return { indexes, histories };
  },

  map: ({ indexes, histories }, ctx) =>
    indexes.map(index => {
      const key = keyOf(index);
      const history = histories[key];
      const source = index.source;
      const elsewhere = index.namespace !== AI_SEARCH_DEFAULT_NAMESPACE;
      return cloudflareResourceEntity(ctx, {
        area: 'aiSearch',
        resourceName: key,
        resourceId: index.id,
        description: `Cloudflare AI Search instance ${index.id}${
          source ? ` indexing ${source.name}` : ''
        }${elsewhere ? ` (namespace ${index.namespace})` : ''}`,
        tags: [source ? CONNECTOR[source.type] : undefined],
        dependsOn: dependsOnRefs(
          [
            source?.type === 'r2'
              ? byName(
                  'r2',
                  r2BucketResourceName(source.name, source.jurisdiction),
                )
              : undefined,
            byName('aiGateway', index.aiGatewayId),
          ],
          ctx,
        ),
        parameters: {
          accountId: ctx.accountId,
          instanceId: index.id,
          namespace: index.namespace,
          connectors: source ? [CONNECTOR[source.type]] : [],
          source: source?.name,
          sourcePrefix: source?.prefix || undefined,
          status: index.status,
          enabled: index.enabled,
          paused: index.paused,
          syncIntervalSeconds: index.syncIntervalSeconds,
          embeddingModel: index.embeddingModel,
          aiGatewayId: index.aiGatewayId,
          lastCrawlAt:
            history?.lastJob?.endedAt ??
            history?.lastJob?.startedAt ??
            index.lastActivityAt,
          lastCrawlOutcome: history?.lastJob?.outcome,
          lastSuccessfulCrawlAt: history?.lastSuccess?.endedAt,
          crawlsReadSince: history?.readSince,
          allCrawlsRead: history?.complete,
        },
      });
    }),
});
