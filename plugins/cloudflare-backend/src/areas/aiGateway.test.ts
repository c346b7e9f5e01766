import request from 'supertest';
import { ConfigReader } from '@backstage/config';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { useDemoBackend } from '../__testUtils__/harness';

/*
 * What only AI Gateway routes do: the metrics route's sample size, and the config's masked
 * OpenTelemetry endpoints. Permissions, both views, the 404, bad inputs and secret canaries are
 * checked for every route by ./index.test.ts.
 */

jest.setTimeout(60_000);

const { demo, config, start } = useDemoBackend();

const LOGS = 'GET /accounts/:account_id/ai-gateway/gateways/:gateway_id/logs';
const route = (name: string, what: string, query = '') =>
  `/api/cloudflare/v1/ai-gateway/${name}/${what}${query}`;
const client = () => CloudflareClient.fromConfig(new ConfigReader(config()));

describe('AI Gateway routes (the real client against the demo account)', () => {
  it('aggregates the newest log entries up to ?limit, stating the sample', async () => {
    const { server } = await start();
    const all = await request(server).get(route('acme-ai-gateway', 'metrics'));
    expect(all.status).toBe(200);
    expect(all.body.item).toEqual({
      ...(await client().aiGateway.getMetrics('acme-ai-gateway')),
    });
    expect(all.body.item.sample).toMatchObject({
      entries: 45,
      limit: 200,
      complete: true,
    });

    demo.state.resetCalls();
    const some = await request(server).get(
      route('acme-ai-gateway', 'metrics', '?limit=20'),
    );
    expect(some.body.item.sample).toMatchObject({
      entries: 20,
      limit: 20,
      pages: 1,
      complete: false,
    });
    expect(demo.state.callCounts()[LOGS]).toBe(1);
  });

  it('masks the OpenTelemetry endpoints unless the caller may and asks to see them', async () => {
    const { server } = await start();
    const masked = await request(server).get(
      route('acme-ai-gateway', 'config'),
    );
    expect(masked.body.item.otel).toEqual([{ url: '[masked]' }]);
    expect(masked.body.masked).toEqual({ 'otel[].url': 1 });
    expect(masked.body.item.rateLimiting).toEqual({
      enabled: true,
      limit: 600,
      intervalSeconds: 60,
      technique: 'sliding',
    });
    const clear = await request(server).get(
      route('acme-ai-gateway', 'config', '?view=unmasked'),
    );
    expect(clear.body.item.otel).toEqual([
      { url: 'https://otel.acme-org.org/v1/traces' },
    ]);
    expect(clear.body.item.providerConfigs.map((p: any) => p.provider)).toEqual(
      ['openai', 'anthropic'],
    );
  });
});
