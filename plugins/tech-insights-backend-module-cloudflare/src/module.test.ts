import { startTestBackend } from '@backstage/backend-test-utils';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import {
  techInsightsModuleCloudflare,
  cloudflareFactRetrievers,
} from './module';
import defaultFeature from './index';

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
    expect(added).toBe(cloudflareFactRetrievers);
  });

  it('is the package default export', () => {
    expect(defaultFeature).toBe(techInsightsModuleCloudflare);
  });
});
