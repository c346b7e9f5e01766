import {
  AiGatewayMetrics,
  CloudflareEnvelope,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { resource } from '../testUtils';

/** The `Resource` entity of `acme-ai-gateway` as the catalog module makes it. */
export const acmeAiGatewayResource = resource(
  'cf-ai-gateway-acme-ai-gateway',
  'cloudflare-ai-gateway',
  {
    gatewayId: 'acme-ai-gateway',
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
    providers: ['anthropic', 'openai'],
  },
);

/** The metrics of `acme-ai-gateway`: its 45 log entries, all it keeps. */
export const acmeAiGatewayMetrics: CloudflareEnvelope<AiGatewayMetrics> = {
  account: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  area: 'aiGateway',
  view: 'masked',
  item: {
    gateway: 'acme-ai-gateway',
    logCollection: true,
    sample: {
      entries: 45,
      limit: 200,
      pages: 2,
      complete: true,
      from: '2026-11-20T09:15:00.000Z',
      to: '2026-11-20T09:59:00.000Z',
    },
    requests: 45,
    errors: 4,
    errorRate: 0.0889,
    cacheHitRate: 0.2667,
    latencyMs: { avg: 601, p50: 587, p95: 1040, max: 1072 },
    tokensIn: 14_985,
    tokensOut: 8_233,
    cost: 0.0189,
    providers: [
      {
        provider: 'anthropic',
        models: ['claude-3-5-haiku-latest'],
        requests: 15,
        errors: 2,
        cached: 4,
        avgLatencyMs: 612,
      },
      {
        provider: 'openai',
        models: ['gpt-4o-mini'],
        requests: 15,
        errors: 1,
        cached: 4,
        avgLatencyMs: 590,
      },
    ],
  },
  masked: {},
  fetchedAt: '2026-11-20T10:00:00.000Z',
};
