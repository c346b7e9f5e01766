import { AreaRouteDescriptors } from './types';

/**
 * Hyperdrive routes: the configs (Cloudflare's configs list, page by page). Origin scheme, host,
 * port, database, user and Access client id are masked by the wire type; the origin password and
 * Access client secret never reach the backend (the client drops them).
 */
export const hyperdriveRouteDescriptors: AreaRouteDescriptors<'hyperdrive'> = {
  configs: {
    what: () => 'Hyperdrive configs',
    load: async client => ({ items: await client.hyperdrive.listConfigs() }),
  },
};
