import { z } from 'zod';
import { defineRoute, defineWireType } from './contract';
import { resourceTagsSchema } from './tags';

/**
 * AI Gateway ids as Cloudflare accepts them: the gateway's slug, lower-case letters, digits, `-`
 * and `_`, 1-64 characters.
 *
 * @public
 */
export const aiGatewayIdParam = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,63}$/,
    'must be an AI Gateway id: 1-64 lower-case letters, digits, "-" or "_", starting with a letter or digit',
  );

/**
 * A gateway's policy flags (spec section 3.7): rate limiting, retries, caching, authentication and
 * log collection, each as an `enabled` flag with its settings. Secrets are not part of it: the
 * OpenTelemetry exporters' headers and authorization, Stripe's authorization and usage events and
 * the log push public key are dropped by the client. There is no fallback flag: Cloudflare sets
 * fallbacks per request (the Universal Endpoint's provider list) or in a Dynamic Route, not on the
 * gateway.
 *
 * @public
 */
export const aiGatewaySchema = z.object({
  /** The gateway's id (its slug, which is also its name). */
  id: z.string(),
  /** When it was created (ISO 8601). */
  createdAt: z.string().optional(),
  /** When its settings last changed (ISO 8601). */
  modifiedAt: z.string().optional(),
  /** Rate limiting: on when Cloudflare has a limit and an interval for it. */
  rateLimiting: z.object({
    enabled: z.boolean(),
    /** Requests allowed per interval. */
    limit: z.number().optional(),
    /** The interval, in seconds. */
    intervalSeconds: z.number().optional(),
    /** `fixed` or `sliding` window. */
    technique: z.string().optional(),
  }),
  /**
   * Retries of failed provider requests: on when `maxAttempts` (how many times Cloudflare retries a
   * failed request, 1-5) is set.
   */
  retries: z.object({
    enabled: z.boolean(),
    maxAttempts: z.number().optional(),
    /** Delay before a retry, in milliseconds. */
    delayMs: z.number().optional(),
    /** `constant`, `linear` or `exponential`. */
    backoff: z.string().optional(),
  }),
  /** Response caching: on when the cache TTL is set and positive. */
  caching: z.object({
    enabled: z.boolean(),
    ttlSeconds: z.number().optional(),
    invalidateOnUpdate: z.boolean().optional(),
  }),
  /** True when callers must authenticate to the gateway; absent when Cloudflare does not say. */
  authentication: z.boolean().optional(),
  /** Log collection: whether request logs are kept, how many, and whether they are pushed. */
  logCollection: z.object({
    enabled: z.boolean(),
    /** Most logs kept; absent when unlimited or unset. */
    maxLogs: z.number().optional(),
    /** `STOP_INSERTING` or `DELETE_OLDEST` once `maxLogs` is reached. */
    strategy: z.string().optional(),
    /** True when logs are pushed with Logpush. */
    logpush: z.boolean().optional(),
  }),
  /** OpenTelemetry exporters: their endpoints only (sensitive); headers and authorization are secret. */
  otel: z.array(z.object({ url: z.string() })).optional(),
  /** True when usage is billed through Stripe (its authorization is secret and never read out). */
  stripeBilling: z.boolean(),
  /** Id of the Secrets Store that holds the gateway's provider keys (BYOK). */
  secretsStoreId: z.string().optional(),
  /** Cloudflare resource tags; absent when the Resource Tagging API could not be read. */
  tags: resourceTagsSchema.optional(),
});

/**
 * A gateway's policy flags (see {@link aiGatewaySchema}).
 *
 * @public
 */
export type AiGateway = z.output<typeof aiGatewaySchema>;

/**
 * A provider key stored for a gateway, without the key: its preview (`secret_preview`, part of the
 * key) and the secret's id are dropped by the client.
 *
 * @public
 */
export const aiGatewayProviderConfigSchema = z.object({
  /** The config's alias. */
  alias: z.string(),
  /** Provider (`openai`, `anthropic`, ...). */
  provider: z.string(),
  /** True when requests to the provider use this config unless they name another. */
  default: z.boolean(),
  /** Requests allowed per `rateLimitPeriodSeconds` with this key, when limited. */
  rateLimit: z.number().optional(),
  rateLimitPeriodSeconds: z.number().optional(),
  /** When it last changed (ISO 8601). */
  modifiedAt: z.string().optional(),
});

/**
 * A provider config (see {@link aiGatewayProviderConfigSchema}).
 *
 * @public
 */
export type AiGatewayProviderConfig = z.output<
  typeof aiGatewayProviderConfigSchema
>;

/**
 * One gateway's configuration: its policy flags and the provider keys stored for it (without the
 * keys).
 *
 * @public
 */
export const aiGatewayConfigSchema = aiGatewaySchema.extend({
  providerConfigs: z.array(aiGatewayProviderConfigSchema),
});

/**
 * A gateway's configuration (see {@link aiGatewayConfigSchema}).
 *
 * @public
 */
export type AiGatewayConfig = z.output<typeof aiGatewayConfigSchema>;

/**
 * The requests of one provider in a metrics sample.
 *
 * @public
 */
export const aiGatewayProviderMetricsSchema = z.object({
  provider: z.string(),
  /** Models seen, in order of first appearance. */
  models: z.array(z.string()),
  requests: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  cached: z.number().int().nonnegative(),
  /** Mean duration, in milliseconds. */
  avgLatencyMs: z.number().nonnegative(),
});

/**
 * A provider's share of a metrics sample (see {@link aiGatewayProviderMetricsSchema}).
 *
 * @public
 */
export type AiGatewayProviderMetrics = z.output<
  typeof aiGatewayProviderMetricsSchema
>;

/**
 * A gateway's request metrics, aggregated from the metadata of its newest log entries (provider,
 * model, duration, cached, success, status, tokens, cost): a sample, whose window and size it
 * states. Prompts and responses are never read (the suite never calls `.../logs/{id}/request` or
 * `.../response`), nor the caller's log metadata.
 *
 * @public
 */
export const aiGatewayMetricsSchema = z.object({
  /** The gateway's id. */
  gateway: z.string(),
  /** True when the gateway collects logs; when it does not, the sample holds only older logs, if any. */
  logCollection: z.boolean(),
  /** What was read: the newest `entries` log entries (at most `limit`), in `pages` calls. */
  sample: z.object({
    entries: z.number().int().nonnegative(),
    limit: z.number().int().positive(),
    pages: z.number().int().nonnegative(),
    /** True when the sample holds every log the gateway keeps (fewer than `limit`). */
    complete: z.boolean(),
    /** Oldest and newest entry of the sample (ISO 8601); absent when it is empty. */
    from: z.string().optional(),
    to: z.string().optional(),
  }),
  requests: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  /** Share of requests answered from the cache (0-1); absent when there were none. */
  cacheHitRate: z.number().min(0).max(1).optional(),
  /** Share of failed requests (0-1); absent when there were none. */
  errorRate: z.number().min(0).max(1).optional(),
  /** Request durations in milliseconds; absent when there were none. */
  latencyMs: z
    .object({
      avg: z.number().nonnegative(),
      p50: z.number().nonnegative(),
      p95: z.number().nonnegative(),
      max: z.number().nonnegative(),
    })
    .optional(),
  tokensIn: z.number().nonnegative(),
  tokensOut: z.number().nonnegative(),
  /** Sum of the entries' costs (USD), as Cloudflare estimates them. */
  cost: z.number().nonnegative(),
  /** Requests per provider, most requests first. */
  providers: z.array(aiGatewayProviderMetricsSchema),
});

/**
 * A gateway's request metrics (see {@link aiGatewayMetricsSchema}).
 *
 * @public
 */
export type AiGatewayMetrics = z.output<typeof aiGatewayMetricsSchema>;

/**
 * Query of the metrics route: aggregate the newest `limit` log entries (1 to 500, default 200; 50
 * a page, so at most 10 calls).
 *
 * @public
 */
export const aiGatewayMetricsQuerySchema = z.object({
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(1, 'must be at least 1')
    .max(500, 'must be at most 500')
    .default(200),
});

/**
 * Parsed query of the metrics route.
 *
 * @public
 */
export type AiGatewayMetricsQuery = z.output<
  typeof aiGatewayMetricsQuerySchema
>;

/** The OpenTelemetry endpoints can name internal hosts: masked unless asked and allowed. */
const GATEWAY_SENSITIVE = ['otel[].url'] as const;

/**
 * Routes of the AI Gateway area. None reads a prompt, a response, a provider key or a secret.
 *
 * @public
 */
export const aiGatewayRoutes = {
  gateways: defineRoute({
    id: 'aiGateway.gateways',
    area: 'aiGateway',
    path: '/v1/ai-gateway/gateways',
    description:
      'AI gateways with their policy flags (rate limiting, retries, caching, authentication, log collection) and Cloudflare tags.',
    params: z.object({}),
    query: z.object({}),
    shape: 'list',
    wire: defineWireType({
      name: 'AiGateway',
      schema: aiGatewaySchema,
      sensitive: GATEWAY_SENSITIVE,
    }),
  }),
  config: defineRoute({
    id: 'aiGateway.config',
    area: 'aiGateway',
    path: '/v1/ai-gateway/:name/config',
    description:
      "One AI gateway's policy flags and its provider configs; OpenTelemetry headers, Stripe's authorization and provider keys are never returned.",
    params: z.object({ name: aiGatewayIdParam }),
    query: z.object({}),
    shape: 'item',
    wire: defineWireType({
      name: 'AiGatewayConfig',
      schema: aiGatewayConfigSchema,
      sensitive: GATEWAY_SENSITIVE,
    }),
  }),
  metrics: defineRoute({
    id: 'aiGateway.metrics',
    area: 'aiGateway',
    path: '/v1/ai-gateway/:name/metrics',
    description:
      "One AI gateway's requests, errors, latency, cache hit rate and provider breakdown from the metadata of its newest log entries (sample window and size stated); prompts and responses are never read.",
    params: z.object({ name: aiGatewayIdParam }),
    query: aiGatewayMetricsQuerySchema,
    shape: 'item',
    wire: defineWireType({
      name: 'AiGatewayMetrics',
      schema: aiGatewayMetricsSchema,
      sensitive: [],
    }),
  }),
};
