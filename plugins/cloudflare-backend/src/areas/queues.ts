import { AreaRouteDescriptors } from './types';

/**
 * Queues routes: the queues with their producers, consumers and event subscriptions (the queue
 * list, the subscription pages and one Resource Tagging call), and one queue's backlog with its
 * dead-letter queues' (the queue list and one metrics call per queue). No message is ever peeked,
 * pulled, acknowledged or purged.
 */
export const queuesRouteDescriptors: AreaRouteDescriptors<'queues'> = {
  queues: {
    what: () => 'Queues',
    load: async client => ({ items: await client.queues.listQueues() }),
  },
  metrics: {
    what: ({ params }) => `Queue '${params.name}'`,
    load: async (client, { params }) => ({
      item: await client.queues.getMetrics(params.name),
    }),
  },
};
