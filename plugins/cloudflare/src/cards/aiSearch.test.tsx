import { Entity } from '@backstage/catalog-model';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  AiSearchIndexHealth,
  aiSearchRoutes,
  CloudflareEnvelope,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  acmeDocsSearchHealth,
  acmeSiteIndexHealth,
  acmeSupportKbResource,
} from '../__fixtures__/aiSearch';
import { cloudflareApiRef } from '../api';
import { CloudflareEntityCard } from '../components/CloudflareCard';
import { EntityCloudflareResourceContent } from '../components/EntityCloudflareResourceContent';
import { answerReads, component, mockCloudflareApi } from '../testUtils';
import { aiSearchCard } from './aiSearch';

async function render(
  entity: Entity,
  content: JSX.Element,
  health: CloudflareEnvelope<AiSearchIndexHealth> = acmeSiteIndexHealth,
) {
  const api = mockCloudflareApi();
  answerReads(api, { 'aiSearch.health': health });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [cloudflareApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: [] })],
      ]}
    >
      <EntityProvider entity={entity}>{content}</EntityProvider>
    </TestApiProvider>,
  );
  return api;
}

const assistant = (name: string) =>
  component('acme-ai-assistant', { 'cloudflare.com/ai-search': name });

describe('aiSearchCard', () => {
  it("reads the annotated instance's health in the default namespace: connector, documents, last crawl within 7 days", async () => {
    const api = await render(
      assistant('acme-site-index'),
      <CloudflareEntityCard card={aiSearchCard} />,
    );
    expect(
      await screen.findByText(
        'Website https://acme-org.org (sends 1 header: [masked])',
      ),
    ).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(aiSearchRoutes.health, {
      params: { index: 'acme-site-index' },
      query: { namespace: 'default' },
    });
    expect(
      screen.getByText('1,840 indexed, 0 errors, 0 queued, 0 outdated'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Last successful crawl 2 hours ago: within 7 days (SOC 2 PI1.2).',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('cloudflare-masked')).toHaveTextContent(
      '1 sensitive value is masked (source.includeHeaders)',
    );
  });

  it('says when the last successful crawl is older than 7 days, with the failure', async () => {
    await render(
      assistant('acme-docs-search'),
      <CloudflareEntityCard card={aiSearchCard} />,
      acmeDocsSearchHealth,
    );
    expect(
      await screen.findByText(
        'Last successful crawl 12 days ago: acme-docs-search answers from content older than 7 days (SOC 2 PI1.2).',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('R2 bucket acme-static-assets/docs/'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/\(failed: error: R2 bucket access denied\)/),
    ).toBeInTheDocument();
  });

  it('reads an instance of another namespace by the <namespace>/<id> annotation', async () => {
    const api = await render(
      assistant('support/acme-support-kb'),
      <CloudflareEntityCard card={aiSearchCard} />,
    );
    await screen.findByText(/^Last successful crawl/);
    expect(api.read).toHaveBeenCalledWith(aiSearchRoutes.health, {
      params: { index: 'acme-support-kb' },
      query: { namespace: 'support' },
    });
  });

  it("shows on the instance's own Resource page, from its parameters", async () => {
    const api = await render(
      acmeSupportKbResource,
      <EntityCloudflareResourceContent />,
    );
    await screen.findByText(/^Last successful crawl/);
    expect(api.read).toHaveBeenCalledWith(aiSearchRoutes.health, {
      params: { index: 'acme-support-kb' },
      query: { namespace: 'support' },
    });
  });
});
