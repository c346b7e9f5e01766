import { Entity } from '@backstage/catalog-model';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  CloudflareEnvelope,
  QueueMetrics,
  queuesRoutes,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { acmeEventsMetrics, acmeEventsResource } from '../__fixtures__/queues';
import { cloudflareApiRef } from '../api';
import { CloudflareEntityCard } from '../components/CloudflareCard';
import { EntityCloudflareResourceContent } from '../components/EntityCloudflareResourceContent';
import { answerReads, component, mockCloudflareApi } from '../testUtils';
import { ageInWords, queuesCard } from './queues';

async function render(
  entity: Entity,
  content: JSX.Element,
  options: {
    catalog?: Entity[];
    metrics?: CloudflareEnvelope<QueueMetrics>;
  } = {},
) {
  const api = mockCloudflareApi();
  answerReads(api, { 'queues.metrics': options.metrics ?? acmeEventsMetrics });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [cloudflareApiRef, api],
        [
          catalogApiRef,
          catalogApiMock({ entities: options.catalog ?? [acmeEventsResource] }),
        ],
      ]}
    >
      <EntityProvider entity={entity}>{content}</EntityProvider>
    </TestApiProvider>,
  );
  return api;
}

const acmeApi = component('acme-api', {
  'cloudflare.com/queue': 'acme-events',
});

describe('queuesCard', () => {
  it("reads the annotated queue's metrics by name: backlog, size, delivery, its DLQ's backlog and the wiring", async () => {
    const api = await render(
      acmeApi,
      <CloudflareEntityCard card={queuesCard} />,
    );
    expect(
      await screen.findByText('1,243 messages, oldest 95 s'),
    ).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(queuesRoutes.metrics, {
      params: { name: 'acme-events' },
    });
    expect(screen.getByText('2.4 MiB')).toBeInTheDocument();
    expect(screen.getByText('Active')).toBeInTheDocument();
    expect(
      screen.getByText('acme-events-dlq: 17 messages, oldest 3 d'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Producers: acme-api. Consumers: acme-worker-consumer. Event subscriptions: acme-api-build-events (workersBuilds.worker, disabled), acme-etl-instance-events (workflows.workflow).',
      ),
    ).toBeInTheDocument();
  });

  it('shows a paused, empty queue without a dead-letter queue, and says its failed messages are dropped', async () => {
    const resource = {
      ...acmeEventsResource,
      spec: {
        ...acmeEventsResource.spec,
        parameters: {
          queueName: 'acme-email-outbound',
          producers: ['resource:default/cf-worker-acme-api'],
          consumers: [],
          httpPullConsumers: 1,
          consumersWithoutDeadLetterQueue: 1,
        },
      },
    };
    await render(acmeApi, <CloudflareEntityCard card={queuesCard} />, {
      catalog: [resource],
      metrics: {
        ...acmeEventsMetrics,
        item: {
          queueId: '5d0a3b4c1e6f4071c8d9e0f1a2b3c4d5',
          queueName: 'acme-email-outbound',
          backlogCount: 0,
          backlogBytes: 0,
          deliveryPaused: true,
          deadLetterQueues: [],
          readAt: acmeEventsMetrics.item!.readAt,
        },
      },
    });
    expect(await screen.findByText('empty')).toBeInTheDocument();
    expect(screen.getByText('Paused')).toBeInTheDocument();
    expect(screen.getByText('None')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Producers: acme-api. Consumers: an HTTP pull consumer. 1 consumer(s) without a dead-letter queue: failed messages are dropped.',
      ),
    ).toBeInTheDocument();
  });

  it("shows on the queue's own Resource page", async () => {
    const api = await render(
      acmeEventsResource,
      <EntityCloudflareResourceContent />,
      { catalog: [] },
    );
    expect(
      await screen.findByText('1,243 messages, oldest 95 s'),
    ).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(queuesRoutes.metrics, {
      params: { name: 'acme-events' },
    });
  });

  it('puts ages in their largest whole unit', () => {
    expect([95, 2_400, 93_600, 259_200].map(ageInWords)).toEqual([
      '95 s',
      '40 min',
      '26 h',
      '3 d',
    ]);
  });
});
