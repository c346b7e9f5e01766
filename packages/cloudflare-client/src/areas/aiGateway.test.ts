import { SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import { useDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { demoContext } from '../__testUtils__/areaContext';
import { expectNoCanary } from '../__testUtils__/demo';
import { AiGatewayApi } from './aiGateway';

const LOGS = 'GET /accounts/:account_id/ai-gateway/gateways/:gateway_id/logs';

describe('AiGatewayApi', () => {
  const demo = useDemoAccount();

  it('lists gateways with their policy flags and tags, dropping and counting their secrets', async () => {
    const ctx = demoContext();
    const gateways = await new AiGatewayApi(ctx).listGateways();
    expect(gateways.map(g => g.id)).toEqual([
      'acme-ai-gateway',
      'acme-support-bot',
      'acme-playground',
      'acme-batch-jobs',
    ]);
    expect(gateways[0]).toEqual({
      id: 'acme-ai-gateway',
      createdAt: expect.any(String),
      modifiedAt: expect.any(String),
      rateLimiting: {
        enabled: true,
        limit: 600,
        intervalSeconds: 60,
        technique: 'sliding',
      },
      retries: {
        enabled: true,
        maxAttempts: 3,
        delayMs: 1000,
        backoff: 'exponential',
      },
      caching: { enabled: true, ttlSeconds: 300, invalidateOnUpdate: true },
      authentication: true,
      logCollection: {
        enabled: true,
        maxLogs: 100_000,
        strategy: 'DELETE_OLDEST',
        logpush: false,
      },
      otel: [{ url: 'https://otel.acme-org.org/v1/traces' }],
      stripeBilling: true,
      secretsStoreId: expect.stringMatching(/^[0-9a-f]{32}$/),
      tags: { 'backstage-owner': 'platform', 'backstage-system': 'acme-org' },
    });
    expect(gateways[2]).toMatchObject({
      id: 'acme-playground',
      rateLimiting: { enabled: false },
      retries: { enabled: false },
      caching: { enabled: false },
      authentication: false,
      logCollection: { enabled: false },
      stripeBilling: false,
      tags: {},
    });
    expect(gateways[3]).toMatchObject({
      rateLimiting: { enabled: true, limit: 5000, intervalSeconds: 3600 },
      retries: { enabled: false },
    });
    expectNoCanary(gateways);
    expect(JSON.stringify(gateways)).not.toMatch(
      /authorization|usage_events|headers/,
    );
    // the list (a page of 4, then Cloudflare's empty page) and one tag read
    expect(ctx.stats().callsByArea).toEqual({ aiGateway: 2, tags: 1 });
    // the OpenTelemetry header and authorization, and Stripe's authorization
    expect(ctx.stats().redactionsByArea).toEqual({ aiGateway: 3 });
  });

  it("reads one gateway's config with its provider configs, never their keys", async () => {
    const ctx = demoContext();
    const config = await new AiGatewayApi(ctx).getConfig('acme-ai-gateway', {
      tags: {},
    });
    expect(config).toMatchObject({
      id: 'acme-ai-gateway',
      rateLimiting: { enabled: true },
      retries: { enabled: true, maxAttempts: 3 },
      tags: {},
    });
    expect(config.providerConfigs).toEqual([
      {
        alias: 'openai-prod',
        provider: 'openai',
        default: true,
        rateLimit: 500,
        rateLimitPeriodSeconds: 60,
        modifiedAt: expect.any(String),
      },
      {
        alias: 'anthropic-prod',
        provider: 'anthropic',
        default: true,
        modifiedAt: expect.any(String),
      },
    ]);
    expectNoCanary(config);
    expect(JSON.stringify(config)).not.toMatch(/secret_(id|preview)|sk-ant/);
    expect(ctx.stats().callsByArea).toEqual({ aiGateway: 3 });
    // three secrets of the gateway, two key previews
    expect(ctx.stats().redactionsByArea).toEqual({ aiGateway: 5 });
  });

  it("lists a gateway's provider configs in one page and an empty one, counting the key previews it drops", async () => {
    const ctx = demoContext();
    const api = new AiGatewayApi(ctx);
    expect(await api.listProviderConfigs('acme-support-bot')).toEqual([]);
    const configs = await api.listProviderConfigs('acme-ai-gateway');
    expect(configs.map(c => c.provider)).toEqual(['openai', 'anthropic']);
    expectNoCanary(configs);
    // one (empty) page for acme-support-bot, a page and Cloudflare's empty page for acme-ai-gateway
    expect(ctx.stats().callsByArea).toEqual({ aiGateway: 3 });
    expect(ctx.stats().redactionsByArea).toEqual({ aiGateway: 2 });
  });

  it('aggregates the metadata of the newest log entries, stating the sample, and reads no body or caller metadata', async () => {
    const metrics = await new AiGatewayApi(demoContext()).getMetrics(
      'acme-ai-gateway',
    );
    expect(metrics).toEqual({
      gateway: 'acme-ai-gateway',
      logCollection: true,
      sample: {
        entries: 45,
        limit: 200,
        pages: 2,
        complete: true,
        from: demo.state.data.aiGateway.logs['acme-ai-gateway'][44].created_at,
        to: demo.state.data.aiGateway.logs['acme-ai-gateway'][0].created_at,
      },
      requests: 45,
      // entries 7, 18, 29 and 40 failed; every fourth (0, 4, ..., 44) came from the cache
      errors: 4,
      errorRate: 0.0889,
      cacheHitRate: 0.2667,
      latencyMs: {
        avg: expect.any(Number),
        p50: expect.any(Number),
        p95: expect.any(Number),
        max: expect.any(Number),
      },
      tokensIn: expect.any(Number),
      tokensOut: expect.any(Number),
      cost: expect.any(Number),
      providers: [
        {
          provider: 'anthropic',
          models: ['claude-3-5-haiku-latest'],
          requests: 15,
          errors: 2,
          cached: 4,
          avgLatencyMs: expect.any(Number),
        },
        {
          provider: 'openai',
          models: ['gpt-4o-mini'],
          requests: 15,
          errors: 1,
          cached: 4,
          avgLatencyMs: expect.any(Number),
        },
        {
          provider: 'workers-ai',
          models: ['@cf/meta/llama-3.1-8b-instruct'],
          requests: 15,
          errors: 1,
          cached: 4,
          avgLatencyMs: expect.any(Number),
        },
      ],
    });
    const { p50, p95, max } = metrics.latencyMs!;
    expect(p50).toBeLessThanOrEqual(p95);
    expect(p95).toBeLessThanOrEqual(max);
    expectNoCanary(metrics);
    expect(JSON.stringify(metrics)).not.toContain('metadata');
    const calls = Object.keys(demo.state.callCounts());
    expect(calls.filter(c => /request|response/.test(c))).toEqual([]);
  });

  it('stops at the limit: 20 entries in one page of 20, the sample not complete', async () => {
    const metrics = await new AiGatewayApi(demoContext()).getMetrics(
      'acme-ai-gateway',
      { limit: 20 },
    );
    expect(metrics.sample).toMatchObject({
      entries: 20,
      limit: 20,
      pages: 1,
      complete: false,
    });
    expect(metrics.requests).toBe(20);
    expect(demo.state.callCounts()[LOGS]).toBe(1);
  });

  it('answers an empty sample for a gateway that keeps no logs', async () => {
    const metrics = await new AiGatewayApi(demoContext()).getMetrics(
      'acme-playground',
    );
    expect(metrics).toEqual({
      gateway: 'acme-playground',
      logCollection: false,
      sample: { entries: 0, limit: 200, pages: 1, complete: true },
      requests: 0,
      errors: 0,
      tokensIn: 0,
      tokensOut: 0,
      cost: 0,
      providers: [],
    });
  });

  it('maps an unknown gateway to not-found', async () => {
    await expect(
      new AiGatewayApi(demoContext()).getMetrics('nope'),
    ).rejects.toMatchObject({
      kind: 'not-found',
      operation: 'aiGateway.getMetrics',
    });
    await expect(
      new AiGatewayApi(demoContext()).getConfig('nope'),
    ).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('keeps the demo secrets it drops in the demo data (the canaries are live)', () => {
    const json = JSON.stringify(demo.state.data.aiGateway);
    for (const canary of [
      SECRET_CANARIES.aiGatewayOtelAuth,
      SECRET_CANARIES.aiGatewayStripeAuth,
      SECRET_CANARIES.aiGatewayProviderKey,
      SECRET_CANARIES.aiGatewayLogMetadata,
    ])
      expect(json).toContain(canary);
  });
});
