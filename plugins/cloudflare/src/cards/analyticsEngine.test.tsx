import { Entity } from '@backstage/catalog-model';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { analyticsEngineRoutes } from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  acmeAnalyticsResource,
  analyticsEngineDatasets,
} from '../__fixtures__/analyticsEngine';
import { cloudflareApiRef } from '../api';
import { CloudflareEntityCard } from '../components/CloudflareCard';
import { EntityCloudflareResourceContent } from '../components/EntityCloudflareResourceContent';
import { answerReads, component, mockCloudflareApi } from '../testUtils';
import { analyticsEngineCard } from './analyticsEngine';

async function render(entity: Entity, content: JSX.Element) {
  const api = mockCloudflareApi();
  answerReads(api, { 'analyticsEngine.datasets': analyticsEngineDatasets });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [cloudflareApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: [acmeAnalyticsResource] })],
      ]}
    >
      <EntityProvider entity={entity}>{content}</EntityProvider>
    </TestApiProvider>,
  );
  return api;
}

describe('analyticsEngineCard', () => {
  it('shows the annotated dataset only, with the Workers that write it', async () => {
    const api = await render(
      component('acme-api', {
        'cloudflare.com/analytics-engine': 'acme_analytics',
      }),
      <CloudflareEntityCard card={analyticsEngineCard} />,
    );
    expect(
      await screen.findByText(
        'acme_analytics is written by acme-api and acme-chat. Queries of it are read-only, allow-listed and audited; blob columns are masked.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('acme-api and acme-chat')).toBeInTheDocument();
    expect(screen.queryByText('acme_billing_events')).not.toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(analyticsEngineRoutes.datasets, {
      params: {},
    });
  });

  it('says no Worker binds a dataset the list does not hold', async () => {
    await render(
      component('acme-api', { 'cloudflare.com/analytics-engine': 'nope' }),
      <CloudflareEntityCard card={analyticsEngineCard} />,
    );
    expect(
      await screen.findByText('No Worker binds this dataset'),
    ).toBeInTheDocument();
  });

  it("shows on the dataset's own Resource page", async () => {
    await render(acmeAnalyticsResource, <EntityCloudflareResourceContent />);
    expect(
      await screen.findByText('acme-api and acme-chat'),
    ).toBeInTheDocument();
    expect(screen.queryByText('acme-billing')).not.toBeInTheDocument();
  });
});
