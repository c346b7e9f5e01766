import { AreaRouteDescriptors } from './types';

/**
 * Vectorize routes: the indexes (the list call and one Resource Tagging call), and one index's
 * stats (its own read, `info`, its metadata indexes and one Resource Tagging call). No vector is
 * ever read: no `get_by_ids`, `query` or vector listing.
 */
export const vectorizeRouteDescriptors: AreaRouteDescriptors<'vectorize'> = {
  indexes: {
    what: () => 'Vectorize indexes',
    load: async client => ({ items: await client.vectorize.listIndexes() }),
  },
  stats: {
    what: ({ params }) => `Vectorize index '${params.index}'`,
    load: async (client, { params }) => ({
      item: await client.vectorize.getStats(params.index),
    }),
  },
};
