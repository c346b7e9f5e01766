import { Entity } from '@backstage/catalog-model';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  CloudflareEnvelope,
  d1Routes,
  D1DatabaseMetadata,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  ACME_CORE_UUID,
  acmeCoreMetadata,
  acmeCoreResource,
} from '../__fixtures__/d1';
import { cloudflareApiRef } from '../api';
import { CloudflareEntityCard } from '../components/CloudflareCard';
import { EntityCloudflareResourceContent } from '../components/EntityCloudflareResourceContent';
import { answerReads, component, mockCloudflareApi } from '../testUtils';
import { d1Card } from './d1';

async function render(
  entity: Entity,
  content: JSX.Element,
  options: {
    catalog?: Entity[];
    metadata?: CloudflareEnvelope<D1DatabaseMetadata>;
  } = {},
) {
  const api = mockCloudflareApi();
  answerReads(api, { 'd1.metadata': options.metadata ?? acmeCoreMetadata });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [cloudflareApiRef, api],
        [
          catalogApiRef,
          catalogApiMock({ entities: options.catalog ?? [acmeCoreResource] }),
        ],
      ]}
    >
      <EntityProvider entity={entity}>{content}</EntityProvider>
    </TestApiProvider>,
  );
  return api;
}

const acmeApi = component('acme-api', { 'cloudflare.com/d1': 'acme-core' });

describe('d1Card', () => {
  it("reads the annotated name's database by the uuid its Resource entity holds: size, version, created, bookmark", async () => {
    const api = await render(acmeApi, <CloudflareEntityCard card={d1Card} />);
    expect(await screen.findByText('412.1 MB')).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(d1Routes.metadata, {
      params: { db: ACME_CORE_UUID },
    });
    expect(screen.getByText('production')).toBeInTheDocument();
    expect(screen.getByText('auto')).toBeInTheDocument();
    // The 60-character bookmark wraps anywhere, so it does not squeeze the other columns'
    // words apart ("Databas e", "producti on").
    expect(screen.getByText(acmeCoreMetadata.item!.bookmark!)).toHaveStyle({
      wordBreak: 'break-all',
      maxWidth: '32ch',
    });
    expect(
      screen.getByText(
        /^Point-in-time recovery: Time Travel gave a current bookmark/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('cloudflare-masked')).not.toBeInTheDocument();
  });

  it('says when Time Travel gave no bookmark', async () => {
    const {
      bookmark: _b,
      bookmarkReadAt: _r,
      ...item
    } = acmeCoreMetadata.item!;
    await render(acmeApi, <CloudflareEntityCard card={d1Card} />, {
      metadata: { ...acmeCoreMetadata, item },
    });
    expect(
      await screen.findByText(
        'acme-core has no Time Travel bookmark: point-in-time recovery cannot be shown for it.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('None')).toBeInTheDocument();
  });

  it('says the database is not in the catalog yet, and reads nothing, when its Resource entity is missing', async () => {
    const api = await render(acmeApi, <CloudflareEntityCard card={d1Card} />, {
      catalog: [],
    });
    expect(
      await screen.findByText(
        'D1 resource acme-core is not in the catalog yet',
      ),
    ).toBeInTheDocument();
    expect(api.read).not.toHaveBeenCalled();
  });

  it("shows on the database's own Resource page, from its parameters", async () => {
    const api = await render(
      acmeCoreResource,
      <EntityCloudflareResourceContent />,
      { catalog: [] },
    );
    expect(await screen.findByText('412.1 MB')).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(d1Routes.metadata, {
      params: { db: ACME_CORE_UUID },
    });
  });
});
