import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { cloudflareApiRef } from '../../api';
import { emptyEnvelope, zeroTrustUsers } from '../../__fixtures__/envelopes';
import { answerReads, mockCloudflareApi, resource } from '../../testUtils';
import { rootRouteRef } from '../../routes';
import { EntityCloudflareResourceContent } from './EntityCloudflareResourceContent';

describe('EntityCloudflareResourceContent', () => {
  it('shows the parameters with human labels and the Worker deployments', async () => {
    const api = mockCloudflareApi();
    answerReads(api, { 'workers.deployments': emptyEnvelope('workers') });
    await renderInTestApp(
      <TestApiProvider apis={[[cloudflareApiRef, api]]}>
        <EntityProvider
          entity={resource('cf-worker-acme-edge-router', 'cloudflare-worker', {
            accountId: 'acc-1',
            compatibilityDate: '2026-01-01',
            usage_model: 'standard',
            logpush: false,
            routes: ['acme.test/*', 'api.acme.test/*'],
            bindings: [{ name: 'CACHE', type: 'kv_namespace' }],
          })}
        >
          <EntityCloudflareResourceContent />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(screen.getByText('Workers resource')).toBeInTheDocument();
    expect(screen.getByText('Account ID')).toBeInTheDocument();
    expect(screen.getByText('Compatibility date')).toBeInTheDocument();
    expect(screen.getByText('Usage model')).toBeInTheDocument();
    expect(screen.getByText('Logpush')).toBeInTheDocument();
    expect(screen.getByText('No')).toBeInTheDocument();
    expect(
      screen.getByText('acme.test/*, api.acme.test/*'),
    ).toBeInTheDocument();
    expect(screen.getByText('CACHE')).toBeInTheDocument();
    expect(await screen.findByText('No deployments yet')).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(expect.anything(), {
      params: { script: 'acme-edge-router' },
    });
  });

  it('shows only the parameters for areas without a card', async () => {
    const api = mockCloudflareApi();
    await renderInTestApp(
      <TestApiProvider apis={[[cloudflareApiRef, api]]}>
        <EntityProvider entity={resource('cf-kv-acme-cache', 'cloudflare-kv')}>
          <EntityCloudflareResourceContent />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(screen.getByText('Workers KV resource')).toBeInTheDocument();
    expect(screen.getByText(/has no parameters/)).toBeInTheDocument();
    expect(api.read).not.toHaveBeenCalled();
  });

  it('shows the account-wide card on the Zero Trust Resource entity', async () => {
    const api = mockCloudflareApi();
    answerReads(api, { 'zeroTrust.users': zeroTrustUsers });
    await renderInTestApp(
      <TestApiProvider apis={[[cloudflareApiRef, api]]}>
        <EntityProvider
          entity={resource('cf-zt-acme-org', 'cloudflare-zero-trust')}
        >
          <EntityCloudflareResourceContent />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(screen.getByText('Zero Trust resource')).toBeInTheDocument();
    expect(await screen.findByText('a***@acme.example')).toBeInTheDocument();
  });

  it("reads in the Resource's account and links to that account's posture page", async () => {
    const api = mockCloudflareApi();
    answerReads(api, { 'workers.deployments': emptyEnvelope('workers') });
    await renderInTestApp(
      <TestApiProvider apis={[[cloudflareApiRef, api]]}>
        <EntityProvider
          entity={resource(
            'cf-worker-acme-api-1a2b3c4d',
            'cloudflare-worker',
            { name: 'acme-api' },
            { 'cloudflare.com/account-id': 'acc-2' },
          )}
        >
          <EntityCloudflareResourceContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/cloudflare': rootRouteRef } },
    );
    expect(await screen.findByText('No deployments yet')).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(expect.anything(), {
      params: { script: 'acme-api' },
      account: 'acc-2',
    });
    expect(screen.getByTestId('resource-account')).toHaveTextContent(
      'Cloudflare account acc-2',
    );
    expect(
      screen.getByRole('link', { name: 'Posture of this account' }),
    ).toHaveAttribute('href', '/cloudflare?account=acc-2');
  });
});
