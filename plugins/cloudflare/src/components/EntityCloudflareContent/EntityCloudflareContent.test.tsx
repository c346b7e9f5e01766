import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { cloudflareApiRef } from '../../api';
import { component, mockCloudflareApi } from '../../testUtils';
import { EntityCloudflareContent } from './EntityCloudflareContent';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('EntityCloudflareContent', () => {
  it('renders one card per annotated area, generic cards linking to Resources', async () => {
    const api = mockCloudflareApi();
    api.getWorkerDeployments.mockResolvedValue({ name: 'acme-api', items: [] });
    api.getPagesDeployments.mockResolvedValue({ name: 'acme-web', items: [] });
    await renderInTestApp(
      <TestApiProvider apis={[[cloudflareApiRef, api]]}>
        <EntityProvider
          entity={component('acme', {
            'cloudflare.com/worker': 'acme-api',
            'cloudflare.com/pages': 'acme-web',
            'cloudflare.com/kv': 'acme-cache',
          })}
        >
          <EntityCloudflareContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes },
    );
    expect(
      await screen.findByText('No deployments for acme-api yet'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No deployments for acme-web yet'),
    ).toBeInTheDocument();
    expect(screen.getByText('Workers KV')).toBeInTheDocument();
    expect(screen.getByText('acme-cache').closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/resource/cf-kv-acme-cache',
    );
    expect(
      screen.getByText(/Each name opens its Resource entity/),
    ).toBeInTheDocument();
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
