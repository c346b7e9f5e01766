import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  cloudflareApiRef,
  CloudflareClient,
  cloudflareScorecardApiRef,
  TechInsightsScorecardClient,
} from './api';
import {
  cloudflarePlugin,
  EntityCloudflareContent,
  EntityCloudflareResourceContent,
  EntityCloudflareWorkersDeploymentsCard,
} from './plugin';
import { component, mockCloudflareApi, resource } from './testUtils';

describe('cloudflarePlugin (legacy)', () => {
  it('provides both API clients', () => {
    expect(cloudflarePlugin.getId()).toBe('cloudflare');
    const deps = {
      discoveryApi: { getBaseUrl: jest.fn() },
      fetchApi: { fetch: jest.fn() },
    };
    const apis = [...cloudflarePlugin.getApis()];
    const byId = Object.fromEntries(
      apis.map(f => [f.api.id, f.factory(deps as any)]),
    );
    expect(byId[cloudflareApiRef.id]).toBeInstanceOf(CloudflareClient);
    expect(byId[cloudflareScorecardApiRef.id]).toBeInstanceOf(
      TechInsightsScorecardClient,
    );
  });

  it('renders the entity extensions', async () => {
    const api = mockCloudflareApi();
    api.getWorkerDeployments.mockResolvedValue({ name: 'w', items: [] });
    await renderInTestApp(
      <TestApiProvider apis={[[cloudflareApiRef, api]]}>
        <EntityProvider
          entity={component('c', { 'cloudflare.com/worker': 'w' })}
        >
          <EntityCloudflareContent />
          <EntityCloudflareWorkersDeploymentsCard />
        </EntityProvider>
        <EntityProvider entity={resource('cf-d1-core', 'cloudflare-d1')}>
          <EntityCloudflareResourceContent />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(
      (await screen.findAllByText('No deployments for w yet')).length,
    ).toBe(2);
    expect(await screen.findByText('D1 resource')).toBeInTheDocument();
  });
});
