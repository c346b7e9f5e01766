import { Entity } from '@backstage/catalog-model';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  CloudflareEnvelope,
  SecretsStoreMetadata,
  secretsStoreRoutes,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  ACME_SECRETS_STORE_ID,
  acmeSecretsMetadata,
  acmeSecretsResource,
} from '../__fixtures__/secretsStore';
import { cloudflareApiRef } from '../api';
import { CloudflareEntityCard } from '../components/CloudflareCard';
import { EntityCloudflareResourceContent } from '../components/EntityCloudflareResourceContent';
import { answerReads, component, mockCloudflareApi } from '../testUtils';
import { secretsStoreCard } from './secretsStore';

async function render(
  entity: Entity,
  content: JSX.Element,
  options: {
    catalog?: Entity[];
    metadata?: CloudflareEnvelope<SecretsStoreMetadata>;
  } = {},
) {
  const api = mockCloudflareApi();
  answerReads(api, {
    'secretsStore.metadata': options.metadata ?? acmeSecretsMetadata,
  });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [cloudflareApiRef, api],
        [
          catalogApiRef,
          catalogApiMock({
            entities: options.catalog ?? [acmeSecretsResource],
          }),
        ],
      ]}
    >
      <EntityProvider entity={entity}>{content}</EntityProvider>
    </TestApiProvider>,
  );
  return api;
}

const acmeApi = component('acme-api', {
  'cloudflare.com/secrets-store': 'acme-account-secrets',
});

describe('secretsStoreCard', () => {
  it("reads the annotated store's metadata by the id its Resource entity holds: counts by status and scope, quota", async () => {
    const api = await render(
      acmeApi,
      <CloudflareEntityCard card={secretsStoreCard} />,
    );
    expect(await screen.findByText('23 active, 1 pending')).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(secretsStoreRoutes.metadata, {
      params: { store: ACME_SECRETS_STORE_ID },
    });
    expect(
      screen.getByText(
        '19 workers, 2 ai_gateway, 2 containers, 1 access, 1 websearch',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('24 of 100 used')).toBeInTheDocument();
    expect(
      screen.getByText(
        '24 secrets in acme-account-secrets. Names, statuses and scopes only: secret values are never read.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('cloudflare-masked')).toBeInTheDocument();
  });

  it('marks a count the read budget cut short', async () => {
    await render(acmeApi, <CloudflareEntityCard card={secretsStoreCard} />, {
      metadata: {
        ...acmeSecretsMetadata,
        item: {
          ...acmeSecretsMetadata.item!,
          secretCount: 1000,
          complete: false,
        },
      },
    });
    expect(
      await screen.findByText(
        '1,000+ secrets in acme-account-secrets (counted within the read budget). Names, statuses and scopes only: secret values are never read.',
      ),
    ).toBeInTheDocument();
  });

  it('says the store is not in the catalog yet, and reads nothing, when its Resource entity is missing', async () => {
    const api = await render(
      acmeApi,
      <CloudflareEntityCard card={secretsStoreCard} />,
      { catalog: [] },
    );
    expect(
      await screen.findByText(
        'Secrets Store resource acme-account-secrets is not in the catalog yet',
      ),
    ).toBeInTheDocument();
    expect(api.read).not.toHaveBeenCalled();
  });

  it("shows on the store's own Resource page, from its parameters", async () => {
    const api = await render(
      acmeSecretsResource,
      <EntityCloudflareResourceContent />,
      { catalog: [] },
    );
    expect(await screen.findByText('24 of 100 used')).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(secretsStoreRoutes.metadata, {
      params: { store: ACME_SECRETS_STORE_ID },
    });
  });
});
