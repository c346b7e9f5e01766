import Cloudflare from 'cloudflare';
import { sdk, useDemoAccount } from '../__testUtils__/sdk';
import { SECRET_CANARIES } from '../canaries';
import { createRng } from '../rng';
import { generateAiGatewayData } from '../fixtures/aiGateway';

describe('AI Gateway area', () => {
  const demo = useDemoAccount();
  const account_id = demo.account_id;

  it('lists gateways across pages with the SDK iterator', async () => {
    const ids: string[] = [];
    for await (const g of sdk().aiGateway.list({ account_id, per_page: 2 }))
      ids.push(g.id);
    expect(ids).toEqual([
      'acme-ai-gateway',
      'acme-support-bot',
      'acme-playground',
      'acme-batch-jobs',
    ]);
    expect(
      demo.state.callCounts()['GET /accounts/:account_id/ai-gateway/gateways'],
    ).toBe(3);
  });

  it('reads a gateway with its rate limit and OpenTelemetry exporter', async () => {
    const gw = await sdk().aiGateway.get('acme-ai-gateway', { account_id });
    expect(gw).toMatchObject({
      rate_limiting_limit: 600,
      rate_limiting_interval: 60,
      rate_limiting_technique: 'sliding',
    });
    expect(gw.otel?.[0].headers.authorization).toContain(
      SECRET_CANARIES.aiGatewayOtelAuth,
    );
    const open = await sdk().aiGateway.get('acme-playground', { account_id });
    expect(open.rate_limiting_limit).toBeNull();
  });

  it('pages logs (per_page max 50) and filters them', async () => {
    const logs = [];
    for await (const l of sdk().aiGateway.logs.list('acme-ai-gateway', {
      account_id,
      per_page: 20,
    }))
      logs.push(l);
    expect(logs).toHaveLength(45);
    expect(logs[0]).toMatchObject({
      provider: 'openai',
      model: 'gpt-4o-mini',
      cached: true,
      success: true,
    });
    const failed = await sdk().aiGateway.logs.list('acme-ai-gateway', {
      account_id,
      success: false,
    });
    expect(failed.result.every(l => l.status_code === 429)).toBe(true);
  });

  it("lists a gateway's provider configs with their key preview, and none for a gateway without", async () => {
    const configs = [];
    for await (const c of sdk().aiGateway.providerConfigs.list(
      'acme-ai-gateway',
      { account_id },
    ))
      configs.push(c);
    expect(configs.map(c => c.provider_slug)).toEqual(['openai', 'anthropic']);
    expect(configs[0].secret_preview).toBe(
      SECRET_CANARIES.aiGatewayProviderKey,
    );
    const none = await sdk().aiGateway.providerConfigs.list('acme-playground', {
      account_id,
    });
    expect(none.result).toEqual([]);
  });

  it('serves the prompt of a log (a call the suite must never make), counted', async () => {
    const [log] = demo.state.data.aiGateway.logs['acme-ai-gateway'];
    const body = await sdk().aiGateway.logs.request(log.id, {
      account_id,
      gateway_id: 'acme-ai-gateway',
    });
    expect(JSON.stringify(body)).toContain(SECRET_CANARIES.aiGatewayPrompt);
    expect(
      demo.state.callCounts()[
        'GET /accounts/:account_id/ai-gateway/gateways/:gateway_id/logs/:id/request'
      ],
    ).toBe(1);
  });

  it('answers an unknown gateway with NotFoundError', async () => {
    await expect(
      sdk().aiGateway.get('nope', { account_id }),
    ).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
  });

  it('generates scale-mode data deterministically from the seed', () => {
    const first = generateAiGatewayData(createRng(7), 40);
    const second = generateAiGatewayData(createRng(7), 40);
    expect(first.gateways).toHaveLength(40);
    expect(first.gateways.map(g => g.rate_limiting_limit)).toEqual(
      second.gateways.map(g => g.rate_limiting_limit),
    );
    expect(generateAiGatewayData(createRng(7), 0).gateways).toHaveLength(0);
  });
});
