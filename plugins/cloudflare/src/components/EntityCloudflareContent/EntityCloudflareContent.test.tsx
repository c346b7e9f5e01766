import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { emptyEnvelope } from '../../__fixtures__/envelopes';
import { cloudflareApiRef } from '../../api';
import {
  answerReads,
  component,
  mockCloudflareApi,
  resource,
} from '../../testUtils';
import { EntityCloudflareContent } from './EntityCloudflareContent';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('EntityCloudflareContent', () => {
  it("renders the area card per name, and other areas' Resource parameters", async () => {
    const api = mockCloudflareApi();
    answerReads(api, {
      'workers.deployments': emptyEnvelope('workers'),
      'pages.deployments': emptyEnvelope('pages'),
    });
    const getEntitiesByRefs = jest.fn().mockResolvedValue({
      items: [
        resource('cf-queue-acme-events', 'cloudflare-queue', {
          queueId: '9a8b7c',
          backlogApprox: 42,
        }),
        undefined,
      ],
    });
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [cloudflareApiRef, api],
          [catalogApiRef, { getEntitiesByRefs }],
        ]}
      >
        <EntityProvider
          entity={component('acme', {
            'cloudflare.com/worker': 'acme-api',
            'cloudflare.com/pages': 'acme-web',
            'cloudflare.com/queue': 'acme-events, acme-jobs',
          })}
        >
          <EntityCloudflareContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes },
    );
    expect(await screen.findByText('Workers deployments')).toBeInTheDocument();
    expect(screen.getByText('Pages deployments')).toBeInTheDocument();
    expect(await screen.findAllByText('No deployments yet')).toHaveLength(2);
    expect(screen.getByText('Queues')).toBeInTheDocument();
    expect(await screen.findByText('Backlog approx')).toBeInTheDocument();
    expect(screen.getByText('42')).toBeInTheDocument();
    expect(screen.getByText('acme-events').closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/resource/cf-queue-acme-events',
    );
    expect(screen.getByText(/Not in the catalog yet/)).toBeInTheDocument();
    expect(getEntitiesByRefs).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRefs: [
          'resource:default/cf-queue-acme-events',
          'resource:default/cf-queue-acme-jobs',
        ],
      }),
    );
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
