import { AreaRouteDescriptors } from './types';

/**
 * KV routes: the namespaces (with their approximate key counts and tags), one page of a
 * namespace's keys (Cloudflare's cursor passed through), and a sample of keys with their TTL.
 * Values are never read: the client calls neither `GET .../values/{key}` nor `POST .../bulk/get`.
 */
export const kvRouteDescriptors: AreaRouteDescriptors<'kv'> = {
  namespaces: {
    what: () => 'KV namespaces',
    load: async client => ({ items: await client.kv.listNamespaces() }),
  },
  keys: {
    what: ({ params }) => `KV namespace '${params.namespace}'`,
    load: (client, { params, query }) =>
      client.kv.listKeys(params.namespace, query),
  },
  sample: {
    what: ({ params }) => `KV namespace '${params.namespace}'`,
    load: async (client, { params, query }) => ({
      items: await client.kv.sampleKeys(params.namespace, query.limit),
    }),
  },
};
