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

/** Id of the AI Gateway policy retriever: its key under `techInsights.factRetrievers` and its `factIds`. */
export const AI_GATEWAY_POLICY_RETRIEVER_ID =
  'cloudflareAiGatewayPolicyFactRetriever';

/** Config key of the fewest retry attempts that count as retries on. */
export const AI_GATEWAY_MIN_RETRY_ATTEMPTS_CONFIG =
  'techInsights.cloudflare.aiGateway.minRetryAttempts';

/** Config key of the most requests per minute a rate limit may allow and still count. */
export const AI_GATEWAY_MAX_REQUESTS_PER_MINUTE_CONFIG =
  'techInsights.cloudflare.aiGateway.maxRequestsPerMinute';

/** Retry attempts that count as retries on unless configured: any. */
export const DEFAULT_AI_GATEWAY_MIN_RETRY_ATTEMPTS = 1;

/** What the catalog module puts in an AI Gateway `Resource`'s `spec.parameters`. */
interface AiGatewayParameters {
  rateLimiting?: {
    enabled?: boolean;
    limit?: number;
    intervalSeconds?: number;
  };
  retries?: { enabled?: boolean; maxAttempts?: number };
}

/** The configured thresholds. */
function thresholds(config: Config) {
  return {
    minRetryAttempts:
      config.getOptionalNumber(AI_GATEWAY_MIN_RETRY_ATTEMPTS_CONFIG) ??
      DEFAULT_AI_GATEWAY_MIN_RETRY_ATTEMPTS,
    maxRequestsPerMinute: config.getOptionalNumber(
      AI_GATEWAY_MAX_REQUESTS_PER_MINUTE_CONFIG,
    ),
  };
}

/**
 * Builds the AI Gateway policy fact retriever (SOC 2 A1.2): for each AI Gateway `Resource`, its
 * rate limit in requests per minute, its retry attempts, and whether it both limits requests (at
 * most `techInsights.cloudflare.aiGateway.maxRequestsPerMinute` a minute, when set) and retries
 * failed provider requests (at least `techInsights.cloudflare.aiGateway.minRetryAttempts` times,
 * default 1). Reads only the catalog (`spec.parameters.rateLimiting` and `.retries`); a gateway
 * whose flags the catalog does not hold gets no fact, never a false pass.
 */
export function createCloudflareAiGatewayPolicyFactRetriever(
  options: CloudflareFactRetrieverOptions = {},
): FactRetriever {
  const entityFilter = areaResourceFilter('aiGateway');
  return {
    id: AI_GATEWAY_POLICY_RETRIEVER_ID,
    version: '1.0.0',
    title: 'Cloudflare AI Gateway rate limiting and retries',
    description:
      'Whether each AI gateway limits the rate of requests and retries failed provider requests (SOC 2 A1.2).',
    entityFilter,
    schema: {
      rateLimited: {
        type: 'boolean',
        description:
          'True when the gateway has a rate limit (within maxRequestsPerMinute when configured)',
      },
      requestsPerMinute: {
        type: 'float',
        description:
          'Requests the rate limit allows per minute; absent without a limit',
      },
      retryAttempts: {
        type: 'integer',
        description: 'Times a failed provider request is retried; 0 when never',
      },
      rateLimitedWithRetries: {
        type: 'boolean',
        description:
          'True when the gateway is rate limited and retries at least minRetryAttempts times',
      },
    },
    handler: async ctx => {
      const now = (options.now ?? DateTime.now)();
      const { minRetryAttempts, maxRequestsPerMinute } = thresholds(ctx.config);
      const entities = await openEntities(
        ctx,
        AI_GATEWAY_POLICY_RETRIEVER_ID,
        entityFilter,
        options.catalog,
      );
      if (!entities) return [];
      return factsPerEntity(
        ctx,
        AI_GATEWAY_POLICY_RETRIEVER_ID,
        entities,
        now,
        async (entity: Entity) => {
          const { rateLimiting, retries } = (entity.spec?.parameters ??
            {}) as AiGatewayParameters;
          if (
            typeof rateLimiting?.enabled !== 'boolean' ||
            typeof retries?.enabled !== 'boolean'
          )
            return undefined;
          const perMinute =
            rateLimiting.enabled &&
            typeof rateLimiting.limit === 'number' &&
            typeof rateLimiting.intervalSeconds === 'number' &&
            rateLimiting.intervalSeconds > 0
              ? (rateLimiting.limit * 60) / rateLimiting.intervalSeconds
              : undefined;
          const rateLimited =
            perMinute !== undefined &&
            (maxRequestsPerMinute === undefined ||
              perMinute <= maxRequestsPerMinute);
          const retryAttempts = retries.enabled ? retries.maxAttempts ?? 0 : 0;
          return {
            rateLimited,
            ...(perMinute !== undefined
              ? { requestsPerMinute: perMinute }
              : {}),
            retryAttempts,
            rateLimitedWithRetries:
              rateLimited && retryAttempts >= minRetryAttempts,
          };
        },
      );
    },
  };
}

/**
 * AI Gateway: each gateway `Resource` gets the policy facts, and the check "every AI gateway is
 * rate limited and retries failed requests" (SOC 2 A1.2) runs on it.
 */
export const aiGatewayFacts: CloudflareAreaFacts = {
  retrievers: [createCloudflareAiGatewayPolicyFactRetriever()],
  checks: [
    {
      id: 'cloudflareAiGatewayRateLimitRetries',
      type: 'json-rules-engine',
      name: 'AI gateways are rate limited and retry',
      description:
        "SOC 2 A1.2 (availability: recovery and resilience of the processing infrastructure): every AI gateway limits the rate of requests (within techInsights.cloudflare.aiGateway.maxRequestsPerMinute when set), so one caller cannot exhaust the providers' capacity, and retries failed provider requests (at least techInsights.cloudflare.aiGateway.minRetryAttempts times, default 1), so a provider's transient fault does not fail the caller.",
      factIds: [AI_GATEWAY_POLICY_RETRIEVER_ID],
      rule: {
        conditions: {
          all: [
            {
              fact: 'rateLimitedWithRetries',
              operator: 'equal',
              value: true,
            },
          ],
        },
      },
    },
  ],
};
