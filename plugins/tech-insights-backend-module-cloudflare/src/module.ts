import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
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
import { CLOUDFLARE_TECH_INSIGHTS_CHECKS } from './checks';
import { createHistoryRouter } from './history/createHistoryRouter';
import { createRefreshRouter } from './refresh/createRefreshRouter';
import { scheduleRefreshPolling } from './refresh/refreshPolling';

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
 * for the jsonfc module under `techInsights.factChecker.checks`. It also adds the route
 * `POST /api/tech-insights/cloudflare/refresh` (`{ entityRef }`), which re-runs now the configured
 * retrievers that apply to one Component or Resource (needs `tech-insights.check.run`).
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
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        scheduler: coreServices.scheduler,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
        database: coreServices.database,
      },
      async init({ factRetrievers, httpRouter, database, ...services }) {
        factRetrievers.addFactRetrievers(cloudflareFactRetrievers);
        // Modules share their plugin's router: this is POST /api/tech-insights/cloudflare/refresh.
        httpRouter.use(
          await createRefreshRouter({
            retrievers: cloudflareFactRetrievers,
            ...services,
          }),
        );
        // GET /api/tech-insights/cloudflare/history: pass rates per day from the facts Tech Insights keeps.
        httpRouter.use(
          await createHistoryRouter({
            database,
            checks: Object.values(CLOUDFLARE_TECH_INSIGHTS_CHECKS),
            ...services,
          }),
        );
        await scheduleRefreshPolling(services.config, services.scheduler);
      },
    });
  },
});
