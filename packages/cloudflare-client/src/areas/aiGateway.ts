import { z } from 'zod';
import {
  AiGateway,
  AiGatewayConfig,
  AiGatewayMetrics,
  AiGatewayProviderConfig,
  AiGatewayProviderMetrics,
  ResourceTagIndex,
  ResourceTags,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ClientContext } from '../context';
import { compact } from '../envelope';
import { tagsOf, tagsOfType } from './tags';

const AREA = 'aiGateway';
/** Gateways per page of the list. */
const GATEWAYS_PAGE = 50;
/** Cloudflare's largest page of logs (2024 schema), also the page of provider configs. */
const LOGS_PAGE = 50;

/**
 * A gateway as Cloudflare gives it, without its secrets: zod drops the OpenTelemetry exporters'
 * `headers` and `authorization`, Stripe's `authorization` and `usage_events`, and every field not
 * named here. `otel` and `stripe` are kept only to count what was dropped.
 */
const gatewaySchema = z.object({
  id: z.string(),
  created_at: z.string().nullish(),
  modified_at: z.string().nullish(),
  cache_ttl: z.number().nullish(),
  cache_invalidate_on_update: z.boolean().nullish(),
  collect_logs: z.boolean().nullish(),
  rate_limiting_interval: z.number().nullish(),
  rate_limiting_limit: z.number().nullish(),
  rate_limiting_technique: z.string().nullish(),
  authentication: z.boolean().nullish(),
  logpush: z.boolean().nullish(),
  log_management: z.number().nullish(),
  log_management_strategy: z.string().nullish(),
  retry_max_attempts: z.number().nullish(),
  retry_delay: z.number().nullish(),
  retry_backoff: z.string().nullish(),
  store_id: z.string().nullish(),
  otel: z.array(z.object({ url: z.string() })).nullish(),
  stripe: z.object({}).nullish(),
});

type RawGateway = z.output<typeof gatewaySchema>;

/** A provider config without `secret_preview` (part of the key) and `secret_id`. */
const providerConfigSchema = z.object({
  alias: z.string(),
  provider_slug: z.string(),
  default_config: z.boolean().nullish(),
  rate_limit: z.number().nullish(),
  rate_limit_period: z.number().nullish(),
  modified_at: z.string().nullish(),
});

/** A log entry's metadata as the metrics need it; the caller's `metadata` is not read. */
const logSchema = z.object({
  created_at: z.string(),
  provider: z.string(),
  model: z.string(),
  success: z.boolean(),
  cached: z.boolean(),
  status_code: z.number().nullish(),
  duration: z.number().nullish(),
  tokens_in: z.number().nullish(),
  tokens_out: z.number().nullish(),
  cost: z.number().nullish(),
});

type RawLog = z.output<typeof logSchema>;

/** Secret fields of a raw gateway (before parsing), for the redaction count. */
function secretsIn(raw: unknown): number {
  const g = raw as {
    otel?: Array<{ headers?: object; authorization?: unknown }> | null;
    stripe?: { authorization?: unknown } | null;
  };
  let n = 0;
  for (const o of g.otel ?? []) {
    if (o.headers && Object.keys(o.headers).length > 0) n += 1;
    if (o.authorization) n += 1;
  }
  if (g.stripe?.authorization) n += 1;
  return n;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Share of `part` in `whole`, to four decimals; undefined when `whole` is 0. */
function rate(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : Math.round((part / whole) * 10_000) / 10_000;
}

/** Per-provider counts of a sample, most requests first. */
function byProvider(logs: RawLog[]): AiGatewayProviderMetrics[] {
  const out = new Map<
    string,
    AiGatewayProviderMetrics & { totalMs: number; timed: number }
  >();
  for (const l of logs) {
    const p = out.get(l.provider) ?? {
      provider: l.provider,
      models: [],
      requests: 0,
      errors: 0,
      cached: 0,
      avgLatencyMs: 0,
      totalMs: 0,
      timed: 0,
    };
    if (!p.models.includes(l.model)) p.models.push(l.model);
    p.requests += 1;
    if (!l.success) p.errors += 1;
    if (l.cached) p.cached += 1;
    if (typeof l.duration === 'number') {
      p.totalMs += l.duration;
      p.timed += 1;
    }
    out.set(l.provider, p);
  }
  return [...out.values()]
    .sort(
      (a, b) => b.requests - a.requests || a.provider.localeCompare(b.provider),
    )
    .map(({ totalMs, timed, ...p }) => ({
      ...p,
      avgLatencyMs: timed === 0 ? 0 : Math.round(totalMs / timed),
    }));
}

/**
 * Options of {@link AiGatewayApi.listGateways}.
 *
 * @public
 */
export interface AiGatewaysOptions {
  /** Tags read once for the run; read for `ai_gateway` when absent. */
  tags?: ResourceTagIndex;
}

/**
 * AI Gateway reads: gateways and their policy flags, a gateway's provider configs (without keys),
 * and request metrics from the metadata of its newest log entries. Never a prompt or a response
 * (`.../logs/{id}/request` and `.../response` are never called), never a log's caller metadata,
 * never an OpenTelemetry header, Stripe authorization or provider key (dropped and counted as
 * redactions).
 *
 * @public
 */
export class AiGatewayApi {
  constructor(private readonly ctx: ClientContext) {}

  /** Every gateway (page paging, 50 a page), with its policy flags and tags. */
  async listGateways(options: AiGatewaysOptions = {}): Promise<AiGateway[]> {
    return this.ctx.run(AREA, 'aiGateway.listGateways', async () => {
      const raw: unknown[] = [];
      for await (const g of this.ctx.sdk.aiGateway.list({
        account_id: this.ctx.accountId,
        per_page: GATEWAYS_PAGE,
      }))
        raw.push(g);
      const tags = await tagsOfType(this.ctx, 'ai_gateway', options.tags);
      return raw.map(r => this.toGateway(r, tags));
    });
  }

  /** One gateway's policy flags, tags and provider configs (without their keys). */
  async getConfig(
    gatewayId: string,
    options: { tags?: ResourceTagIndex } = {},
  ): Promise<AiGatewayConfig> {
    return this.ctx.run(AREA, 'aiGateway.getConfig', async () => {
      const raw = await this.ctx.sdk.aiGateway.get(gatewayId, {
        account_id: this.ctx.accountId,
      });
      const providerConfigs = await this.readProviderConfigs(gatewayId);
      const tags = await tagsOfType(this.ctx, 'ai_gateway', options.tags);
      return { ...this.toGateway(raw, tags), providerConfigs };
    });
  }

  /**
   * The provider configs of one gateway (page paging), without their keys: one call up to 50
   * configs. For a caller that reads the gateways once and their providers in turn.
   */
  async listProviderConfigs(
    gatewayId: string,
  ): Promise<AiGatewayProviderConfig[]> {
    return this.ctx.run(AREA, 'aiGateway.listProviderConfigs', () =>
      this.readProviderConfigs(gatewayId),
    );
  }

  /**
   * Request metrics of one gateway from the metadata of its newest `limit` log entries (newest
   * first, 50 a page, stopping at `limit` or at Cloudflare's empty page): at most
   * `ceil(limit / 50) + 1` log calls, plus the gateway's own read (its log collection flag, and a
   * not-found for an unknown gateway).
   */
  async getMetrics(
    gatewayId: string,
    options: { limit?: number } = {},
  ): Promise<AiGatewayMetrics> {
    const limit = Math.max(1, Math.min(options.limit ?? 200, 500));
    return this.ctx.run(AREA, 'aiGateway.getMetrics', async () => {
      const gateway = gatewaySchema.parse(
        await this.ctx.sdk.aiGateway.get(gatewayId, {
          account_id: this.ctx.accountId,
        }),
      );
      const logs: RawLog[] = [];
      let page = await this.ctx.sdk.aiGateway.logs.list(gatewayId, {
        account_id: this.ctx.accountId,
        per_page: Math.min(LOGS_PAGE, limit),
        order_by: 'created_at',
        direction: 'desc',
      });
      let pages = 1;
      for (;;) {
        for (const item of page.getPaginatedItems()) {
          if (logs.length < limit) logs.push(logSchema.parse(item));
        }
        if (logs.length >= limit || !page.hasNextPage()) break;
        page = await page.getNextPage();
        pages += 1;
      }
      return this.toMetrics(gateway, logs, { limit, pages });
    });
  }

  private async readProviderConfigs(
    gatewayId: string,
  ): Promise<AiGatewayProviderConfig[]> {
    const out: AiGatewayProviderConfig[] = [];
    let previews = 0;
    for await (const c of this.ctx.sdk.aiGateway.providerConfigs.list(
      gatewayId,
      { account_id: this.ctx.accountId, per_page: LOGS_PAGE },
    )) {
      if (c.secret_preview) previews += 1;
      const p = providerConfigSchema.parse(c);
      out.push(
        compact({
          alias: p.alias,
          provider: p.provider_slug,
          default: p.default_config ?? false,
          rateLimit: p.rate_limit ?? undefined,
          rateLimitPeriodSeconds: p.rate_limit_period ?? undefined,
          modifiedAt: p.modified_at ?? undefined,
        }),
      );
    }
    this.ctx.countRedactions(AREA, previews);
    return out;
  }

  private toMetrics(
    gateway: RawGateway,
    logs: RawLog[],
    read: { limit: number; pages: number },
  ): AiGatewayMetrics {
    const durations = logs
      .map(l => l.duration)
      .filter((d): d is number => typeof d === 'number')
      .sort((a, b) => a - b);
    const times = logs.map(l => l.created_at).sort();
    const errors = logs.filter(l => !l.success).length;
    const sum = (f: (l: RawLog) => number | null | undefined) =>
      logs.reduce((n, l) => n + (f(l) ?? 0), 0);
    return compact({
      gateway: gateway.id,
      logCollection: gateway.collect_logs ?? false,
      sample: compact({
        entries: logs.length,
        limit: read.limit,
        pages: read.pages,
        complete: logs.length < read.limit,
        from: times[0],
        to: times[times.length - 1],
      }),
      requests: logs.length,
      errors,
      cacheHitRate: rate(logs.filter(l => l.cached).length, logs.length),
      errorRate: rate(errors, logs.length),
      latencyMs:
        durations.length === 0
          ? undefined
          : {
              avg: Math.round(sum(l => l.duration) / durations.length),
              p50: percentile(durations, 50),
              p95: percentile(durations, 95),
              max: durations[durations.length - 1],
            },
      tokensIn: sum(l => l.tokens_in),
      tokensOut: sum(l => l.tokens_out),
      cost: Math.round(sum(l => l.cost) * 1e6) / 1e6,
      providers: byProvider(logs),
    });
  }

  /** The wire gateway of a raw one; its secrets counted as redactions, never copied. */
  private toGateway(
    raw: unknown,
    tags: Record<string, ResourceTags> | undefined,
  ): AiGateway {
    this.ctx.countRedactions(AREA, secretsIn(raw));
    const g = gatewaySchema.parse(raw);
    const limited =
      typeof g.rate_limiting_limit === 'number' &&
      g.rate_limiting_limit > 0 &&
      typeof g.rate_limiting_interval === 'number' &&
      g.rate_limiting_interval > 0;
    const retried =
      typeof g.retry_max_attempts === 'number' && g.retry_max_attempts > 0;
    return compact({
      id: g.id,
      createdAt: g.created_at ?? undefined,
      modifiedAt: g.modified_at ?? undefined,
      rateLimiting: compact({
        enabled: limited,
        limit: g.rate_limiting_limit ?? undefined,
        intervalSeconds: g.rate_limiting_interval ?? undefined,
        technique: g.rate_limiting_technique ?? undefined,
      }),
      retries: compact({
        enabled: retried,
        maxAttempts: g.retry_max_attempts ?? undefined,
        delayMs: g.retry_delay ?? undefined,
        backoff: g.retry_backoff ?? undefined,
      }),
      caching: compact({
        enabled: typeof g.cache_ttl === 'number' && g.cache_ttl > 0,
        ttlSeconds: g.cache_ttl ?? undefined,
        invalidateOnUpdate: g.cache_invalidate_on_update ?? undefined,
      }),
      authentication: g.authentication ?? undefined,
      logCollection: compact({
        enabled: g.collect_logs ?? false,
        maxLogs: g.log_management ?? undefined,
        strategy: g.log_management_strategy ?? undefined,
        logpush: g.logpush ?? undefined,
      }),
      otel: g.otel?.length ? g.otel.map(o => ({ url: o.url })) : undefined,
      stripeBilling: !!g.stripe,
      secretsStoreId: g.store_id ?? undefined,
      tags: tagsOf(tags, g.id),
    });
  }
}
