import { AreaRouteDescriptors } from './types';

/**
 * D1 routes: the databases (the list call and one Resource Tagging call), and one database's
 * metadata with its Time Travel bookmark (the database read, the bookmark read and one Resource
 * Tagging call). Nothing queries, exports or restores a database.
 */
export const d1RouteDescriptors: AreaRouteDescriptors<'d1'> = {
  databases: {
    what: () => 'D1 databases',
    load: async client => ({ items: await client.d1.listDatabases() }),
  },
  metadata: {
    what: ({ params }) => `D1 database '${params.db}'`,
    load: async (client, { params }) => ({
      item: await client.d1.getMetadata(params.db),
    }),
  },
};
