import { createBackendModule } from '@backstage/backend-plugin-api';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import { CLOUDFLARE_FACT_RETRIEVER_IDS } from './constants';
import {
  cloudflareAccessAuditFactRetriever,
  cloudflareApiTokenHygieneFactRetriever,
  cloudflareDeploymentAuditFactRetriever,
  cloudflareDeploymentProvenanceFactRetriever,
} from './factRetrievers';

/**
 * The suite's fact retrievers, keyed by the name that turns each one on under
 * `techInsights.factRetrievers` (the same as its id).
 *
 * @public
 */
export const cloudflareFactRetrievers = {
  [CLOUDFLARE_FACT_RETRIEVER_IDS.deploymentProvenance]:
    cloudflareDeploymentProvenanceFactRetriever,
  [CLOUDFLARE_FACT_RETRIEVER_IDS.deploymentAudit]:
    cloudflareDeploymentAuditFactRetriever,
  [CLOUDFLARE_FACT_RETRIEVER_IDS.accessAudit]:
    cloudflareAccessAuditFactRetriever,
  [CLOUDFLARE_FACT_RETRIEVER_IDS.apiTokenHygiene]:
    cloudflareApiTokenHygieneFactRetriever,
};

/**
 * Tech Insights module adding the Cloudflare SOC 2 fact retrievers. Each one runs only when
 * `techInsights.factRetrievers.<id>` is configured (cadence and lifecycle); the checks are configured
 * for the jsonfc module under `techInsights.factChecker.checks`.
 *
 * @public
 */
export const techInsightsModuleCloudflare = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'cloudflare',
  register(reg) {
    reg.registerInit({
      deps: {
        factRetrievers: techInsightsFactRetrieversExtensionPoint,
      },
      async init({ factRetrievers }) {
        factRetrievers.addFactRetrievers(cloudflareFactRetrievers);
      },
    });
  },
});
