import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  cloudflareApiRef,
  CloudflareClient,
  cloudflareScorecardApiRef,
  TechInsightsScorecardClient,
} from './api';
import { rootRouteRef } from './routes';

/**
 * The Cloudflare frontend plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const cloudflarePlugin = createPlugin({
  id: 'cloudflare',
  apis: [
    createApiFactory({
      api: cloudflareApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CloudflareClient({ discoveryApi, fetchApi }),
    }),
    createApiFactory({
      api: cloudflareScorecardApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new TechInsightsScorecardClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/**
 * The Cloudflare tab of a Component (use with `isCloudflareAvailable`).
 *
 * @public
 */
export const EntityCloudflareContent = cloudflarePlugin.provide(
  createComponentExtension({
    name: 'EntityCloudflareContent',
    component: {
      lazy: () =>
        import('./components/EntityCloudflareContent').then(
          m => m.EntityCloudflareContent,
        ),
    },
  }),
);

/**
 * The content of a Cloudflare `Resource` entity (use with `isCloudflareResource`).
 *
 * @public
 */
export const EntityCloudflareResourceContent = cloudflarePlugin.provide(
  createComponentExtension({
    name: 'EntityCloudflareResourceContent',
    component: {
      lazy: () =>
        import('./components/EntityCloudflareResourceContent').then(
          m => m.EntityCloudflareResourceContent,
        ),
    },
  }),
);

/**
 * Workers deployments card, for placing on an entity overview.
 *
 * @public
 */
export const EntityCloudflareWorkersDeploymentsCard = cloudflarePlugin.provide(
  createComponentExtension({
    name: 'EntityCloudflareWorkersDeploymentsCard',
    component: {
      lazy: () =>
        import('./components/WorkersDeploymentsCard').then(
          m => m.WorkersDeploymentsCard,
        ),
    },
  }),
);

/**
 * Pages deployments card, for placing on an entity overview.
 *
 * @public
 */
export const EntityCloudflarePagesDeploymentsCard = cloudflarePlugin.provide(
  createComponentExtension({
    name: 'EntityCloudflarePagesDeploymentsCard',
    component: {
      lazy: () =>
        import('./components/PagesDeploymentsCard').then(
          m => m.PagesDeploymentsCard,
        ),
    },
  }),
);

/**
 * The posture page, mounted at `/cloudflare` in `App.tsx`.
 *
 * @public
 */
export const CloudflarePosturePage = cloudflarePlugin.provide(
  createRoutableExtension({
    name: 'CloudflarePosturePage',
    component: () =>
      import('./components/CloudflarePosturePage').then(
        m => m.CloudflarePosturePage,
      ),
    mountPoint: rootRouteRef,
  }),
);
