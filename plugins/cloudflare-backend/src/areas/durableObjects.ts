import { AreaRouteDescriptors } from './types';

/**
 * Durable Objects routes: the classes (namespaces with their script, storage backend and object
 * counts within the client's call budget, and tags), and a class's last 24 hours from GraphQL
 * Analytics (one namespace list and one GraphQL query), which says "not exposed" rather than
 * failing when the token may not read analytics. No object id is listed, no object's storage read.
 */
export const durableObjectsRouteDescriptors: AreaRouteDescriptors<'durableObjects'> =
  {
    classes: {
      what: () => 'Durable Object namespaces',
      load: async client => ({
        items: await client.durableObjects.listClasses(),
      }),
    },
    metrics: {
      what: ({ params }) => `Durable Object class '${params.class}'`,
      load: async (client, { params }) => ({
        item: await client.durableObjects.getMetrics(params.class),
      }),
    },
  };
