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
import { cloudflareClientsServiceRef } from '@cloudflare-backstage/plugin-cloudflare-node';
import {
  createCloudflareAccessAuditFactRetriever,
  createCloudflareApiTokenHygieneFactRetriever,
  createCloudflareCoverageFactRetriever,
  createCloudflareDeploymentAuditFactRetriever,
  createCloudflareDeploymentProvenanceFactRetriever,
} from './factRetrievers';
import { CloudflareFactRetrieverOptions } from './common';
import { CLOUDFLARE_TECH_INSIGHTS_CHECKS } from './checks';
import { createHistoryRouter } from './history/createHistoryRouter';
import { createRefreshRouter } from './refresh/createRefreshRouter';
import { scheduleRefreshPolling } from './refresh/refreshPolling';

/**
 * Options of {@link createCloudflareFactRetrievers}.
 *
 * @public
 */
export type CloudflareFactRetrieversOptions = Pick<
  CloudflareFactRetrieverOptions,
  'clients' | 'budgetWaitSeconds'
>;

/**
 * Builds the suite's fact retrievers, keyed by the name that turns each one on under
 * `techInsights.factRetrievers` (the same as its id): the deployment retrievers (over the areas
 * that deploy), each area's own retrievers (`CLOUDFLARE_AREA_FACTS`), the account-wide ones and the
 * coverage retriever. The ones that read Cloudflare read it through `options.clients` (the module
 * passes the backend's shared `cloudflareClientsServiceRef`), at background priority.
 *
 * @public
 */
export function createCloudflareFactRetrievers(
  options: CloudflareFactRetrieversOptions = {},
): Readonly<Record<string, FactRetriever>> {
  return Object.fromEntries(
    [
      createCloudflareDeploymentProvenanceFactRetriever(),
      createCloudflareDeploymentAuditFactRetriever(options),
      ...AREAS_WITH_FACTS.flatMap(a => a.facts.retrievers),
      createCloudflareAccessAuditFactRetriever(options),
      createCloudflareApiTokenHygieneFactRetriever(options),
      createCloudflareCoverageFactRetriever(),
    ].map(r => [r.id, r]),
  );
}

/**
 * The suite's fact retrievers (see {@link createCloudflareFactRetrievers}) for use without the
 * module: those that read Cloudflare build their clients once from the run's config.
 *
 * @public
 */
export const cloudflareFactRetrievers: Readonly<Record<string, FactRetriever>> =
  createCloudflareFactRetrievers();

/**
 * Tech Insights module adding the Cloudflare SOC 2 fact retrievers. Each one runs only when
 * `techInsights.factRetrievers.<id>` is configured (cadence and lifecycle); the checks are configured
 * for the jsonfc module under `techInsights.factChecker.checks`. The retrievers that read Cloudflare
 * use the backend's shared clients (`cloudflareClientsServiceRef` of
 * `@cloudflare-backstage/plugin-cloudflare-node`, one per account) at background priority, so they
 * share the call budget with the catalog module and the routes and never take the routes' share.
 * It also adds the route
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
        clients: cloudflareClientsServiceRef,
      },
      async init({
        factRetrievers,
        httpRouter,
        database,
        clients,
        ...services
      }) {
        const retrievers = createCloudflareFactRetrievers({ clients });
        factRetrievers.addFactRetrievers(retrievers);
        // Modules share their plugin's router: this is POST /api/tech-insights/cloudflare/refresh.
        httpRouter.use(
          await createRefreshRouter({
            retrievers,
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
