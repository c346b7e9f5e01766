import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  cloudflareApiRef,
  CloudflareApiClient,
  cloudflareScorecardApiRef,
  TechInsightsScorecardClient,
} from './api';
import {
  cloudflarePlugin,
  EntityCloudflareContent,
  EntityCloudflareResourceContent,
  EntityCloudflarePagesDeploymentsCard,
  EntityCloudflareWorkersDeploymentsCard,
} from './plugin';
import { emptyEnvelope } from './__fixtures__/envelopes';
import {
  answerReads,
  component,
  mockCloudflareApi,
  resource,
} from './testUtils';

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
    expect(byId[cloudflareApiRef.id]).toBeInstanceOf(CloudflareApiClient);
    expect(byId[cloudflareScorecardApiRef.id]).toBeInstanceOf(
      TechInsightsScorecardClient,
    );
  });

  it('renders the entity extensions', async () => {
    const api = mockCloudflareApi();
    answerReads(api, { 'workers.deployments': emptyEnvelope('workers') });
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
    expect(await screen.findAllByText('No deployments yet')).toHaveLength(2);
    expect(await screen.findByText('D1 resource')).toBeInTheDocument();
  });

  it('generates the legacy single cards from the card table', async () => {
    const api = mockCloudflareApi();
    answerReads(api, { 'pages.deployments': emptyEnvelope('pages') });
    await renderInTestApp(
      <TestApiProvider apis={[[cloudflareApiRef, api]]}>
        <EntityProvider entity={component('c')}>
          <EntityCloudflarePagesDeploymentsCard name="acme-web" />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(await screen.findByText('Pages deployments')).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(expect.anything(), {
      params: { project: 'acme-web' },
    });
  });
});
