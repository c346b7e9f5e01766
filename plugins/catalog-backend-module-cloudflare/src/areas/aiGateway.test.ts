import { ALL_SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import {
  DEMO_MAP_CONTEXT,
  annotationDependsOn,
  demoClient,
  demoState,
  dependsOnOf,
  runDemoAreas,
} from '../__testUtils__/demo';
import { aiGatewayArea } from './aiGateway';
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

  it('leaves out the providers of a gateway deleted between the list and their read', async () => {
    const state = demoState();
    state.addFault({
      route: '/ai-gateway/gateways/acme-playground/provider_configs',
      fault: { kind: 'server-error', status: 404 },
    });
    const read = await aiGatewayArea.read(demoClient(state), undefined);
    expect(read.gateways).toHaveLength(4);
    expect(Object.keys(read.providers)).toEqual([
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
