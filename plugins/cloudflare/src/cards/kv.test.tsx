import { Entity } from '@backstage/catalog-model';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { kvRoutes } from '@cloudflare-backstage/plugin-cloudflare-common';
import { ACME_CACHE_ID, acmeCacheResource, kvSample } from '../__fixtures__/kv';
import { cloudflareApiRef } from '../api';
import { CloudflareEntityCard } from '../components/CloudflareCard';
import { EntityCloudflareResourceContent } from '../components/EntityCloudflareResourceContent';
import { answerReads, component, mockCloudflareApi } from '../testUtils';
import { kvCard } from './kv';

async function render(
  entity: Entity,
  content: JSX.Element,
  catalogEntities: Entity[] = [acmeCacheResource],
) {
  const api = mockCloudflareApi();
  answerReads(api, { 'kv.sample': kvSample });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [cloudflareApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: catalogEntities })],
      ]}
    >
      <EntityProvider entity={entity}>{content}</EntityProvider>
    </TestApiProvider>,
  );
  return api;
}

const acmeApi = component('acme-api', { 'cloudflare.com/kv': 'acme-cache' });

describe('kvCard', () => {
  it("reads the annotated title's namespace by the id its Resource entity holds, and shows keys, masking and the key count", async () => {
    const api = await render(acmeApi, <CloudflareEntityCard card={kvCard} />);
    expect(
      await screen.findByText('cache:/api/orders/00000'),
    ).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(kvRoutes.sample, {
      params: { namespace: ACME_CACHE_ID },
    });
    expect(screen.getByText('masked')).toBeInTheDocument();
    expect(screen.getByText('withheld')).toBeInTheDocument();
    expect(screen.getByText('never expires')).toBeInTheDocument();
    expect(screen.getByText('3 h')).toBeInTheDocument();
    expect(
      screen.getByText(
        'About 2,500 keys. A sample of 3, 1 of which never expire; values are never read.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('cloudflare-masked')).toHaveTextContent(
      '1 sensitive value is masked (credentialName)',
    );
  });

  it('says the namespace is not in the catalog yet, and reads nothing, when its Resource entity is missing', async () => {
    const api = await render(
      acmeApi,
      <CloudflareEntityCard card={kvCard} />,
      [],
    );
    expect(
      await screen.findByText(
        'Workers KV resource acme-cache is not in the catalog yet',
      ),
    ).toBeInTheDocument();
    expect(api.read).not.toHaveBeenCalled();
  });

  it('shows on the namespace’s own Resource page, from its parameters', async () => {
    const api = await render(
      acmeCacheResource,
      <EntityCloudflareResourceContent />,
      [],
    );
    expect(
      await screen.findByText('cache:/api/orders/00000'),
    ).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(kvRoutes.sample, {
      params: { namespace: ACME_CACHE_ID },
    });
  });
});
