import { AreaRouteDescriptors } from './types';

/**
 * R2 routes: the buckets of every jurisdiction (with their tags), and one bucket's lifecycle and
 * object lock rules in the jurisdiction `?jurisdiction=` names. Objects are never listed or read.
 */
export const r2RouteDescriptors: AreaRouteDescriptors<'r2'> = {
  buckets: {
    what: () => 'R2 buckets',
    load: async client => ({ items: await client.r2.listBuckets() }),
  },
  lifecycle: {
    what: ({ params, query }) =>
      `R2 bucket '${params.bucket}' (jurisdiction ${query.jurisdiction})`,
    load: async (client, { params, query }) => ({
      item: await client.r2.getLifecycle(params.bucket, query.jurisdiction),
    }),
  },
};
