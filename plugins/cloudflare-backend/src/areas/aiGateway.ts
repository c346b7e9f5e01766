import { AreaRouteDescriptors } from './types';

/**
 * AI Gateway routes: the gateways (the list and one Resource Tagging call), one gateway's config
 * (its read, its provider configs and one Resource Tagging call) and its metrics (its read and at
 * most `ceil(limit / 50) + 1` log pages, metadata only). Nothing reads a prompt, a response, a
 * provider key or a log's caller metadata.
 */
export const aiGatewayRouteDescriptors: AreaRouteDescriptors<'aiGateway'> = {
  gateways: {
    what: () => 'AI gateways',
    load: async client => ({ items: await client.aiGateway.listGateways() }),
  },
  config: {
    what: ({ params }) => `AI gateway '${params.name}'`,
    load: async (client, { params }) => ({
      item: await client.aiGateway.getConfig(params.name),
    }),
  },
  metrics: {
    what: ({ params }) => `AI gateway '${params.name}'`,
    load: async (client, { params, query }) => ({
      item: await client.aiGateway.getMetrics(params.name, {
        limit: query.limit,
      }),
    }),
  },
};
