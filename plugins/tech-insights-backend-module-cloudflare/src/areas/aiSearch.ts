import { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import { Config } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { DateTime } from 'luxon';
import {
  CloudflareFactRetrieverOptions,
  factsPerEntity,
  openEntities,
  areaResourceFilter,
} from '../common';
import { CloudflareAreaFacts } from './types';

/** Id of the AI Search crawl retriever: its key under `techInsights.factRetrievers` and its `factIds`. */
export const AI_SEARCH_CRAWL_RETRIEVER_ID =
  'cloudflareAiSearchCrawlFactRetriever';

/** Config key of the most days since an instance's last successful crawl or sync. */
export const AI_SEARCH_MAX_CRAWL_AGE_CONFIG =
  'techInsights.cloudflare.aiSearch.maxCrawlAgeDays';

/** The most days since the last successful crawl unless configured (spec section 6: 7 days). */
export const DEFAULT_AI_SEARCH_MAX_CRAWL_AGE_DAYS = 7;

const DAY_MS = 86_400_000;

/** What the catalog module puts in an AI Search `Resource`'s `spec.parameters`. */
interface AiSearchParameters {
  lastSuccessfulCrawlAt?: string;
  crawlsReadSince?: string;
  allCrawlsRead?: boolean;
}

function maxAgeDays(config: Config): number {
  const days = config.getOptionalNumber(AI_SEARCH_MAX_CRAWL_AGE_CONFIG);
  return days !== undefined && days > 0
    ? days
    : DEFAULT_AI_SEARCH_MAX_CRAWL_AGE_DAYS;
}

const timeOf = (iso: string | undefined) =>
  iso === undefined ? NaN : Date.parse(iso);

/**
 * The crawl facts of one instance, or undefined when the catalog cannot tell: its sync history has
 * not been read yet, or no success was among the jobs read and those do not reach back `maxDays`.
 */
export function crawlFacts(
  parameters: AiSearchParameters,
  now: number,
  maxDays: number,
): Record<string, number | boolean> | undefined {
  const last = timeOf(parameters.lastSuccessfulCrawlAt);
  if (!Number.isNaN(last)) {
    const days = Math.max(0, (now - last) / DAY_MS);
    return {
      daysSinceSuccessfulCrawl: Math.floor(days),
      successfulCrawlWithinWindow: days <= maxDays,
    };
  }
  const since = timeOf(parameters.crawlsReadSince);
  const readFarEnough =
    parameters.allCrawlsRead === true ||
    (!Number.isNaN(since) && now - since >= maxDays * DAY_MS);
  return readFarEnough ? { successfulCrawlWithinWindow: false } : undefined;
}

/**
 * Builds the AI Search crawl fact retriever (SOC 2 PI1.2, completeness and accuracy of system
 * inputs: an index answers from what its last successful crawl or sync read): for each AI Search
 * `Resource`, the days since its last successful crawl and whether that is within
 * `techInsights.cloudflare.aiSearch.maxCrawlAgeDays` (default 7). Reads only the catalog
 * (`spec.parameters.lastSuccessfulCrawlAt`, `crawlsReadSince`, `allCrawlsRead`). An instance whose
 * sync jobs the catalog has not read, or whose jobs read neither hold a success nor reach back the
 * window, gets no fact (logged), never a false pass or fail.
 */
export function createCloudflareAiSearchCrawlFactRetriever(
  options: CloudflareFactRetrieverOptions = {},
): FactRetriever {
  const entityFilter = areaResourceFilter('aiSearch');
  return {
    id: AI_SEARCH_CRAWL_RETRIEVER_ID,
    version: '1.0.0',
    title: 'Cloudflare AI Search crawl freshness',
    description:
      'Whether each AI Search instance had a successful crawl or sync within the configured window, default 7 days (SOC 2 PI1.2).',
    entityFilter,
    schema: {
      daysSinceSuccessfulCrawl: {
        type: 'integer',
        description:
          'Whole days since the last successful crawl or sync ended; absent when none was read',
      },
      successfulCrawlWithinWindow: {
        type: 'boolean',
        description:
          'True when the last successful crawl or sync ended within the window (default 7 days)',
      },
    },
    handler: async ctx => {
      const now = (options.now ?? DateTime.now)();
      const maxDays = maxAgeDays(ctx.config);
      const entities = await openEntities(
        ctx,
        AI_SEARCH_CRAWL_RETRIEVER_ID,
        entityFilter,
        options.catalog,
      );
      if (!entities) return [];
      return factsPerEntity(
        ctx,
        AI_SEARCH_CRAWL_RETRIEVER_ID,
        entities,
        now,
        async (entity: Entity) =>
          crawlFacts(
            (entity.spec?.parameters ?? {}) as AiSearchParameters,
            now.toMillis(),
            maxDays,
          ),
      );
    },
  };
}

/**
 * AI Search: each instance `Resource` gets the crawl facts, and the check "the index had a successful
 * crawl within the last 7 days" (SOC 2 PI1.2) runs on it.
 */
export const aiSearchFacts: CloudflareAreaFacts = {
  retrievers: [createCloudflareAiSearchCrawlFactRetriever()],
  checks: [
    {
      id: 'cloudflareAiSearchRecentCrawl',
      type: 'json-rules-engine',
      name: 'AI Search indexes had a successful crawl within 7 days',
      description:
        'SOC 2 PI1.2 (completeness and accuracy of system inputs): every AI Search instance had a successful crawl or sync of its data source (website or R2 bucket) within the last 7 days (techInsights.cloudflare.aiSearch.maxCrawlAgeDays), so its answers rest on current content.',
      factIds: [AI_SEARCH_CRAWL_RETRIEVER_ID],
      rule: {
        conditions: {
          all: [
            {
              fact: 'successfulCrawlWithinWindow',
              operator: 'equal',
              value: true,
            },
          ],
        },
      },
    },
  ],
};
