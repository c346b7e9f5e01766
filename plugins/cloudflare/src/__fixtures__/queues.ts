import {
  CloudflareEnvelope,
  QueueMetrics,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { resource } from '../testUtils';

/** The `Resource` entity of the demo account's `acme-events` as the catalog module makes it. */
export const acmeEventsResource = resource(
  'cf-queue-acme-events',
  'cloudflare-queue',
  {
    queueId: '3b8e1f2a9c4d4e5fa6b7c8d9e0f1a2b3',
    queueName: 'acme-events',
    producers: ['resource:default/cf-worker-acme-api'],
    consumers: ['resource:default/cf-worker-acme-worker-consumer'],
    consumerCount: 1,
    httpPullConsumers: 0,
    consumersWithoutDeadLetterQueue: 0,
    deadLetterQueues: ['acme-events-dlq'],
    eventSubscriptions: [
      {
        name: 'acme-api-build-events',
        enabled: false,
        sourceType: 'workersBuilds.worker',
        source: 'resource:default/cf-worker-acme-api',
        events: ['build.started'],
      },
      {
        name: 'acme-etl-instance-events',
        enabled: true,
        sourceType: 'workflows.workflow',
        source: 'resource:default/cf-workflow-acme-etl',
        events: ['instance.errored'],
      },
    ],
  },
);

/** The metrics of `acme-events` as the backend answers them. */
export const acmeEventsMetrics: CloudflareEnvelope<QueueMetrics> = {
  account: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  area: 'queues',
  view: 'masked',
  item: {
    queueId: '3b8e1f2a9c4d4e5fa6b7c8d9e0f1a2b3',
    queueName: 'acme-events',
    backlogCount: 1243,
    backlogBytes: 2_545_664,
    oldestMessageAt: '2026-11-20T09:58:25.000Z',
    oldestMessageAgeSeconds: 95,
    deliveryPaused: false,
    deadLetterQueues: [
      {
        queueName: 'acme-events-dlq',
        backlogCount: 17,
        backlogBytes: 34_816,
        oldestMessageAt: '2026-11-17T10:00:00.000Z',
        oldestMessageAgeSeconds: 259_200,
      },
    ],
    readAt: '2026-11-20T10:00:00.000Z',
  },
  masked: {},
  fetchedAt: '2026-11-20T10:00:00.000Z',
};
