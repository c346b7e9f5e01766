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
import { defineCatalogArea } from './types';

/**
 * Instances whose sync history one run reads (one jobs page each, at most two): the ones never read
 * first, then the longest unread. The rest keep their last read, so a large account is refreshed
 * over several runs within Cloudflare's budget (1,200 calls per 5 minutes per token).
 */
export const AI_SEARCH_HISTORY_READS_PER_RUN = 50;

/** Jobs read per instance: one page, newest first. */
export const AI_SEARCH_JOBS_PER_READ = 50;

/** An instance's sync history and the run that read it. */
interface HistoryRead {
  history: AiSearchSyncHistory;
  run: number;
}

/** What the AI Search area reads: every instance, and the sync history of those read so far. */
export interface AiSearchRead {
  indexes: AiSearchIndex[];
  /** By resource name (`aiSearchResourceName`). */
  histories: Record<string, HistoryRead>;
  /** Number of this run (1 for the first one in this process). */
  run: number;
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
 * Calls per run: the namespace list and one instance list per namespace (100 a page), and one jobs
 * page for at most {@link AI_SEARCH_HISTORY_READS_PER_RUN} instances.
 */
export const aiSearchArea = defineCatalogArea<AiSearchRead>({
  async read(client, previous) {
    const indexes = await client.aiSearch.listIndexes();
    const run = (previous?.run ?? 0) + 1;
    const known = previous?.histories ?? {};
    const histories: Record<string, HistoryRead> = {};
    for (const index of indexes) {
      const key = keyOf(index);
      if (known[key]) histories[key] = known[key];
    }
    const due = [...indexes]
      .sort((a, b) => (known[keyOf(a)]?.run ?? 0) - (known[keyOf(b)]?.run ?? 0))
      .slice(0, AI_SEARCH_HISTORY_READS_PER_RUN);
    for (const index of due) {
      try {
        const history = await client.aiSearch.getSyncHistory(
          index.id,
          index.namespace,
          { maxJobs: AI_SEARCH_JOBS_PER_READ },
        );
        histories[keyOf(index)] = { history, run };
      } catch (e) {
        // Deleted between the list and the read: it keeps no history (its earlier one, if any).
        if (!(isCloudflareApiError(e) && e.kind === 'not-found')) throw e;
      }
    }
    return { indexes, histories, run };
  },

  map: ({ indexes, histories }, ctx) =>
    indexes.map(index => {
      const key = keyOf(index);
      const history = histories[key]?.history;
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
