import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  FactRetriever,
  techInsightsFactRetrieversExtensionPoint,
} from '@backstage-community/plugin-tech-insights-node';
import { AREAS_WITH_FACTS } from './areas';
import {
  cloudflareAccessAuditFactRetriever,
  cloudflareApiTokenHygieneFactRetriever,
  cloudflareCoverageFactRetriever,
  cloudflareDeploymentAuditFactRetriever,
  cloudflareDeploymentProvenanceFactRetriever,
} from './factRetrievers';

/**
 * The suite's fact retrievers, keyed by the name that turns each one on under
 * `techInsights.factRetrievers` (the same as its id): the deployment retrievers (over the areas
 * that deploy), each area's own retrievers (`CLOUDFLARE_AREA_FACTS`), the account-wide ones and the
 * coverage retriever.
 *
 * @public
 */
export const cloudflareFactRetrievers: Readonly<Record<string, FactRetriever>> =
  Object.fromEntries(
    [
      cloudflareDeploymentProvenanceFactRetriever,
      cloudflareDeploymentAuditFactRetriever,
      ...AREAS_WITH_FACTS.flatMap(a => a.facts.retrievers),
      cloudflareAccessAuditFactRetriever,
      cloudflareApiTokenHygieneFactRetriever,
      cloudflareCoverageFactRetriever,
    ].map(r => [r.id, r]),
  );

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
