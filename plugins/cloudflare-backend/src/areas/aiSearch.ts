import { AreaRouteDescriptors } from './types';

/**
 * AI Search routes: the instances of every namespace with their data connectors (the namespace list
 * and one instance list per namespace), and one instance's health in the namespace `?namespace=`
 * names (the instance read, its stats and its newest sync jobs). Nothing searches, chats or reads
 * an item's content or chunks; the headers a crawler sends never leave the client.
 */
export const aiSearchRouteDescriptors: AreaRouteDescriptors<'aiSearch'> = {
  indexes: {
    what: () => 'AI Search instances',
    load: async client => ({ items: await client.aiSearch.listIndexes() }),
  },
  health: {
    what: ({ params, query }) =>
      `AI Search instance '${params.index}' (namespace ${query.namespace})`,
    load: async (client, { params, query }) => ({
      item: await client.aiSearch.getHealth(params.index, query.namespace),
    }),
  },
};
