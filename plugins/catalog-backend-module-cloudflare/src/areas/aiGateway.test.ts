import {
  ALL_SECRET_CANARIES,
  DemoAccountState,
  createScaleAccountData,
} from '@cloudflare-backstage/cloudflare-demo-account';
import {
  DEMO_MAP_CONTEXT,
  annotationDependsOn,
  demoClient,
  demoState,
  dependsOnOf,
  runDemoAreas,
} from '../__testUtils__/demo';
import { AI_GATEWAY_PROVIDER_READS_PER_RUN, aiGatewayArea } from './aiGateway';
import { secretsStoreArea } from './secretsStore';

const GATEWAYS = 'GET /accounts/:account_id/ai-gateway/gateways';
const PROVIDER_CONFIGS = `${GATEWAYS}/:gateway_id/provider_configs`;

describe('aiGatewayArea', () => {
  it('maps every gateway with its policy flags, stored providers and tags: the list (2), its tags (1), one provider read each', async () => {
    const state = demoState();
    const read = await aiGatewayArea.read(demoClient(state), undefined);
    expect(state.callCounts()).toEqual({
      [GATEWAYS]: 2,
      'GET /accounts/:account_id/tags/resources': 1,
      // a page each, and Cloudflare's empty page after acme-ai-gateway's two configs
      [PROVIDER_CONFIGS]: 5,
    });
    // the run's tag index gives the labels (and the owner rules their tags)
    const tags = { ai_gateway: { 'acme-ai-gateway': read.gateways[0].tags! } };
    const entities = aiGatewayArea
      .map(read, { ...DEMO_MAP_CONTEXT, tags })
      .map(e => e.entity);
    expect(entities.map(e => e.metadata.name)).toEqual([
      'cf-ai-gateway-acme-ai-gateway',
      'cf-ai-gateway-acme-support-bot',
      'cf-ai-gateway-acme-playground',
      'cf-ai-gateway-acme-batch-jobs',
    ]);
    const storeId = state.data.aiGateway.gateways[0].store_id!;
    const [gateway] = read.gateways;
    expect(entities[0].metadata).toMatchObject({
      description: 'Cloudflare AI Gateway acme-ai-gateway',
      tags: ['cloudflare', 'ai-gateway', 'ai'],
      labels: {
        'cloudflare.com/tag-backstage-owner': 'platform',
        'cloudflare.com/tag-backstage-system': 'acme-org',
      },
      annotations: { 'cloudflare.com/resource-id': 'acme-ai-gateway' },
    });
    expect(entities[0].spec).toEqual({
      type: 'cloudflare-ai-gateway',
      owner: 'group:default/platform',
      // the Secrets Store holding its provider keys (named by the run's index; here its id)
      dependsOn: [`resource:default/cf-secrets-store-${storeId}`],
      parameters: {
        accountId: DEMO_MAP_CONTEXT.accountId,
        gatewayId: 'acme-ai-gateway',
        createdAt: state.data.aiGateway.gateways[0].created_at,
        modifiedAt: state.data.aiGateway.gateways[0].modified_at,
        // the client's flags as read (its test pins their fields)
        rateLimiting: gateway.rateLimiting,
        retries: gateway.retries,
        caching: gateway.caching,
        authentication: true,
        logCollection: gateway.logCollection,
        stripeBilling: true,
        providers: ['anthropic', 'openai'],
        tags: { 'backstage-owner': 'platform', 'backstage-system': 'acme-org' },
      },
    });
    expect(entities[2].spec).not.toHaveProperty('dependsOn');
    expect(entities[2].spec!.parameters).toMatchObject({
      rateLimiting: { enabled: false },
      retries: { enabled: false },
      providers: [],
    });
    expect(entities[3].spec!.parameters).toMatchObject({
      rateLimiting: { enabled: true, limit: 5000, intervalSeconds: 3600 },
      retries: { enabled: false },
    });
    const json = JSON.stringify(entities);
    for (const canary of ALL_SECRET_CANARIES)
      expect(json).not.toContain(canary);
    expect(json).not.toMatch(/otel|authorization/);
    expect(Object.keys(state.callCounts()).join()).not.toMatch(/logs/);
  });

  it('reads no tags when the run has its index', async () => {
    const state = demoState();
    const read = await aiGatewayArea.read(demoClient(state), undefined, {
      tags: { ai_gateway: { 'acme-support-bot': { team: 'support' } } },
    });
    expect(state.callCounts()).not.toHaveProperty(
      'GET /accounts/:account_id/tags/resources',
    );
    expect(read.gateways[1].tags).toEqual({ team: 'support' });
  });

  it(`reads the providers of at most ${AI_GATEWAY_PROVIDER_READS_PER_RUN} gateways a run, the unread and the oldest first`, async () => {
    const count = 120;
    const state = new DemoAccountState({
      data: createScaleAccountData({ seed: 5, counts: { aiGateway: count } }),
    });
    const client = demoClient(state);
    const first = await aiGatewayArea.read(client, undefined);
    expect(first.gateways).toHaveLength(count);
    expect(Object.keys(first.providers.reads)).toHaveLength(
      AI_GATEWAY_PROVIDER_READS_PER_RUN,
    );
    expect(state.callCounts()[PROVIDER_CONFIGS]).toBe(
      AI_GATEWAY_PROVIDER_READS_PER_RUN,
    );
    const second = await aiGatewayArea.read(client, first);
    const third = await aiGatewayArea.read(client, second);
    expect(Object.keys(third.providers.reads)).toHaveLength(count);
    const fourth = await aiGatewayArea.read(client, third);
    const runIn = (id: string) => third.providers.reads[id].run;
    const ids = Object.keys(fourth.providers.reads);
    const refreshed = ids.filter(
      id => fourth.providers.reads[id].run === fourth.providers.run,
    );
    const kept = ids.filter(id => !refreshed.includes(id));
    expect(refreshed).toHaveLength(AI_GATEWAY_PROVIDER_READS_PER_RUN);
    expect(Math.max(...refreshed.map(runIn))).toBeLessThanOrEqual(
      Math.min(...kept.map(runIn)),
    );
    const mapped = aiGatewayArea.map(first, DEMO_MAP_CONTEXT);
    expect(
      mapped.filter(e => (e.entity.spec!.parameters as any).providers),
    ).toHaveLength(AI_GATEWAY_PROVIDER_READS_PER_RUN);
  });

  it('leaves out the providers of a gateway deleted between the list and their read', async () => {
    const state = demoState();
    state.addFault({
      route: '/ai-gateway/gateways/acme-playground/provider_configs',
      fault: { kind: 'server-error', status: 404 },
    });
    const read = await aiGatewayArea.read(demoClient(state), undefined);
    expect(read.gateways).toHaveLength(4);
    expect(Object.keys(read.providers.reads)).toEqual([
      'acme-ai-gateway',
      'acme-support-bot',
      'acme-batch-jobs',
    ]);
  });

  it('depends on the Secrets Store holding its provider keys, by the name the run gives its id', async () => {
    // the run reads the areas in registry order: AI Gateway, then Secrets Store
    const [aiGateway] = await runDemoAreas({
      secretsStore: secretsStoreArea,
      aiGateway: aiGatewayArea,
    });
    expect(
      dependsOnOf(aiGateway.entities, 'cf-ai-gateway-acme-ai-gateway'),
    ).toEqual(['resource:default/cf-secrets-store-acme-account-secrets']);
  });

  it("relates a Component's cloudflare.com/ai-gateway annotation to the gateway's entity", async () => {
    expect(
      await annotationDependsOn({
        'cloudflare.com/ai-gateway': 'acme-ai-gateway',
      }),
    ).toContain('resource:default/cf-ai-gateway-acme-ai-gateway');
  });
});
