import { AreaRouteDescriptors } from './types';

/**
 * Pages deployments read per request: Cloudflare's page size, so the route costs one upstream call
 * and shows the newest deployments.
 */
export const PAGES_DEPLOYMENTS_LIMIT = 25;

/** Pages routes: the newest deployments of a project. */
export const pagesRouteDescriptors: AreaRouteDescriptors<'pages'> = {
  deployments: {
    what: ({ params }) => `Pages project '${params.project}'`,
    load: async (client, { params }) => ({
      items: await client.pages.listDeployments(params.project, {
        limit: PAGES_DEPLOYMENTS_LIMIT,
      }),
    }),
  },
};
