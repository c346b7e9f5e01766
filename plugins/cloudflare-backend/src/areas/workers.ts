import { AreaRouteDescriptors } from './types';

/** Workers routes: deployments with their provenance. */
export const workersRouteDescriptors: AreaRouteDescriptors<'workers'> = {
  deployments: {
    what: ({ params }) => `Worker script '${params.script}'`,
    load: async (client, { params }) => ({
      items: await client.workers.listDeploymentsWithProvenance(params.script),
    }),
  },
};
