import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { CatalogClient } from '@backstage/catalog-client';
import {
  FactRetriever,
  techInsightsFactRetrieversExtensionPoint,
} from '@backstage-community/plugin-tech-insights-node';
import { DEMO_ACCOUNT_ID } from '@cloudflare-backstage/cloudflare-demo-account';
import {
  CloudflareClientsService,
  cloudflareClientsServiceRef,
} from '@cloudflare-backstage/plugin-cloudflare-node';
import {
  techInsightsModuleCloudflare,
  cloudflareFactRetrievers,
} from './module';
import defaultFeature from './index';
import { exampleEntities } from './__fixtures__/catalog';
import {
  demoCloudflareConfig,
  retrieverContext,
  useDemoAccount,
} from './__testUtils__/demo';

describe('techInsightsModuleCloudflare', () => {
  it('adds the deployment, area, account-wide and coverage retrievers to the Tech Insights extension point, keyed by id', async () => {
    const addFactRetrievers = jest.fn();
    await startTestBackend({
      extensionPoints: [
        [techInsightsFactRetrieversExtensionPoint, { addFactRetrievers }],
      ],
      features: [techInsightsModuleCloudflare],
    });

    expect(addFactRetrievers).toHaveBeenCalledTimes(1);
    const added = addFactRetrievers.mock.calls[0][0];
    expect(Object.keys(added)).toEqual([
      'cloudflareDeploymentProvenanceFactRetriever',
      'cloudflareDeploymentAuditFactRetriever',
      'cloudflareWorkerPlaintextSecretsFactRetriever',
      'cloudflareKvPiiRetentionFactRetriever',
      'cloudflareR2LifecycleFactRetriever',
      'cloudflareDurableObjectsFactRetriever',
      'cloudflareWorkflowLastRunFactRetriever',
      'cloudflareWorkflowRetryPolicyFactRetriever',
      'cloudflareAiGatewayPolicyFactRetriever',
      'cloudflareVectorizeIndexFactRetriever',
      'cloudflareAiSearchCrawlFactRetriever',
      'cloudflareQueueBacklogFactRetriever',
      'cloudflareQueueDeadLetterFactRetriever',
      'cloudflareAccessAuditFactRetriever',
      'cloudflareApiTokenHygieneFactRetriever',
      'cloudflareCoverageFactRetriever',
    ]);
    for (const [key, retriever] of Object.entries(added) as any) {
      expect(retriever.id).toBe(key);
      expect(retriever.handler).toEqual(expect.any(Function));
    }
    expect(Object.keys(added)).toEqual(Object.keys(cloudflareFactRetrievers));
  });

  describe("with the backend's shared Cloudflare clients", () => {
    const demo = useDemoAccount();
    afterEach(() => jest.restoreAllMocks());

    it('reads Cloudflare through them, so the calls count in the budget every plugin shares', async () => {
      const addFactRetrievers = jest.fn();
      let shared: CloudflareClientsService | undefined;
      const probe = createBackendPlugin({
        pluginId: 'probe',
        register: reg =>
          reg.registerInit({
            deps: { clients: cloudflareClientsServiceRef },
            async init({ clients }) {
              shared = clients;
            },
          }),
      });
      await startTestBackend({
        extensionPoints: [
          [techInsightsFactRetrieversExtensionPoint, { addFactRetrievers }],
        ],
        features: [
          techInsightsModuleCloudflare,
          probe,
          mockServices.rootConfig.factory({ data: demoCloudflareConfig() }),
        ],
      });
      const added: Record<string, FactRetriever> =
        addFactRetrievers.mock.calls[0][0];
      const posture = exampleEntities(DEMO_ACCOUNT_ID).filter(
        e => e.metadata.name === 'cf-zt-access',
      );
      jest
        .spyOn(CatalogClient.prototype, 'getEntities')
        .mockResolvedValue({ items: posture });

      const { ctx } = retrieverContext();
      const facts = await added.cloudflareApiTokenHygieneFactRetriever.handler(
        ctx,
      );
      expect(facts.map(f => f.entity.name)).toEqual(['cf-zt-access']);
      const [health] = shared!.health();
      expect(health.calls).toBe(demo.state.totalCalls());
      expect(health.callsByArea.tokens).toBeGreaterThan(0);
      expect(health.budget.spent).toBe(demo.state.totalCalls());
    });
  });

  it('is the package default export', () => {
    expect(defaultFeature).toBe(techInsightsModuleCloudflare);
  });
});
