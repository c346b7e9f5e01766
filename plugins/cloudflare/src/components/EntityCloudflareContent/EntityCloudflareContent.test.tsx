import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { queuesRoutes } from '@cloudflare-backstage/plugin-cloudflare-common';
import { emptyEnvelope } from '../../__fixtures__/envelopes';
import {
  acmeEventsMetrics,
  acmeEventsResource,
} from '../../__fixtures__/queues';
import { cloudflareApiRef } from '../../api';
import { answerReads, component, mockCloudflareApi } from '../../testUtils';
import { EntityCloudflareContent } from './EntityCloudflareContent';

describe('EntityCloudflareContent', () => {
  it("renders each annotated area's card once per annotated name", async () => {
    const api = mockCloudflareApi();
    answerReads(api, {
      'workers.deployments': emptyEnvelope('workers'),
      'pages.deployments': emptyEnvelope('pages'),
    });
    // Each queue card reads its own queue: acme-events has metrics, acme-jobs an empty backlog.
    const answer = api.read.getMockImplementation()!;
    api.read.mockImplementation((route, req) =>
      route === queuesRoutes.metrics
        ? Promise.resolve(
            (req?.params as { name?: string } | undefined)?.name ===
              'acme-events'
              ? acmeEventsMetrics
              : {
                  ...acmeEventsMetrics,
                  item: {
                    ...acmeEventsMetrics.item!,
                    queueId: 'f0e1d2',
                    queueName: 'acme-jobs',
                    backlogCount: 0,
                    backlogBytes: 0,
                    oldestMessageAt: undefined,
                    oldestMessageAgeSeconds: undefined,
                    deadLetterQueues: [],
                  },
                },
          )
        : answer(route, req),
    );
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [cloudflareApiRef, api],
          [catalogApiRef, catalogApiMock({ entities: [acmeEventsResource] })],
        ]}
      >
        <EntityProvider
          entity={component('acme', {
            'cloudflare.com/worker': 'acme-api',
            'cloudflare.com/pages': 'acme-web',
            'cloudflare.com/queue': 'acme-events, acme-jobs',
            'cloudflare.com/kv': 'acme-cache',
          })}
        >
          <EntityCloudflareContent />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(await screen.findByText('Workers deployments')).toBeInTheDocument();
    expect(screen.getByText('Pages deployments')).toBeInTheDocument();
    expect(await screen.findAllByText('No deployments yet')).toHaveLength(2);
    // Queues: one card per name, each headed by its name, each reading its own queue.
    expect(screen.getAllByText('Queues')).toHaveLength(2);
    const [events, jobs] = await screen.findAllByRole('table', {
      name: 'Queues',
    });
    expect(within(events).getByText('acme-events')).toBeInTheDocument();
    expect(
      within(events).getByText('1,243 messages, oldest 95 s'),
    ).toBeInTheDocument();
    expect(within(jobs).getByText('acme-jobs')).toBeInTheDocument();
    expect(within(jobs).getByText('empty')).toBeInTheDocument();
    const queueReads = api.read.mock.calls.filter(
      ([route]) => route === queuesRoutes.metrics,
    );
    expect(queueReads.map(([, req]) => req?.params)).toEqual(
      expect.arrayContaining([{ name: 'acme-events' }, { name: 'acme-jobs' }]),
    );
    // The acme-events card states the wiring its Resource entity holds.
    expect(
      screen.getByText(
        /Producers: acme-api\. Consumers: acme-worker-consumer\./,
      ),
    ).toBeInTheDocument();
    // KV reads by the namespace id only the catalog knows: not there yet, so the card says so.
    expect(screen.getByText('KV namespace')).toBeInTheDocument();
    expect(
      await screen.findByText(
        'Workers KV resource acme-cache is not in the catalog yet',
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/not in the catalog yet/)).toHaveLength(1);
    expect(screen.queryByText(/coming soon/i)).not.toBeInTheDocument();
  });

  it('lists the annotations when none is present', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[cloudflareApiRef, mockCloudflareApi()]]}>
        <EntityProvider entity={component('plain')}>
          <EntityCloudflareContent />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(screen.getByText('cloudflare.com/worker')).toBeInTheDocument();
    expect(screen.getByText('cloudflare.com/pages')).toBeInTheDocument();
  });
});
