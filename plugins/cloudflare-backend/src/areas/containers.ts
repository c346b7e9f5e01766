import { AreaRouteDescriptors } from './types';

/**
 * Containers routes: the applications (Cloudflare's page-token list, 100 a page) and one
 * application's health (summary, active, starting and failed instances, error events with their
 * messages masked by the wire type). Environment variable values never reach the backend (the
 * client drops them), and registry credentials are never requested.
 */
export const containersRouteDescriptors: AreaRouteDescriptors<'containers'> = {
  services: {
    what: () => 'Containers applications',
    load: async client => ({ items: await client.containers.listServices() }),
  },
  status: {
    what: ({ params }) => `Container application '${params.service}'`,
    load: async (client, { params }) => ({
      item: await client.containers.getStatus(params.service),
    }),
  },
};
