import { Entity } from '@backstage/catalog-model';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  CloudflareEnvelope,
  VectorizeIndexStats,
  vectorizeRoutes,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  acmeIdxMainResource,
  acmeIdxMainStats,
} from '../__fixtures__/vectorize';
import { cloudflareApiRef } from '../api';
import { CloudflareEntityCard } from '../components/CloudflareCard';
import { EntityCloudflareResourceContent } from '../components/EntityCloudflareResourceContent';
import { answerReads, component, mockCloudflareApi } from '../testUtils';
import { metadataIndexesInWords, staleWrite, vectorizeCard } from './vectorize';

const DAY_MS = 86_400_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

async function render(
  entity: Entity,
  content: JSX.Element,
  stats: CloudflareEnvelope<VectorizeIndexStats>,
) {
  const api = mockCloudflareApi();
  answerReads(api, { 'vectorize.stats': stats });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [cloudflareApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: [acmeIdxMainResource] })],
      ]}
    >
      <EntityProvider entity={entity}>{content}</EntityProvider>
    </TestApiProvider>,
  );
  return api;
}

const assistant = component('acme-ai-assistant', {
  'cloudflare.com/vectorize': 'acme-idx-main',
});

describe('vectorizeCard', () => {
  it("reads the annotated index's stats: dimensions, vectors, last write and metadata indexes", async () => {
    const api = await render(
      assistant,
      <CloudflareEntityCard card={vectorizeCard} />,
      acmeIdxMainStats(ago(3_600_000)),
    );
    expect(await screen.findByText('125,000')).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(vectorizeRoutes.stats, {
      params: { index: 'acme-idx-main' },
    });
    expect(screen.getByText('1,536')).toBeInTheDocument();
    expect(screen.getByText('cosine')).toBeInTheDocument();
    expect(screen.getByText('1 hour ago')).toBeInTheDocument();
    expect(screen.getByText('acme-idx-main-mut-1e848')).toBeInTheDocument();
    expect(
      screen.getByText('url (string), published (boolean)'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/may have stalled/)).not.toBeInTheDocument();
  });

  it('says when the last write is older than 7 days', async () => {
    await render(
      assistant,
      <CloudflareEntityCard card={vectorizeCard} />,
      acmeIdxMainStats(ago(12 * DAY_MS + 60_000)),
    );
    expect(
      await screen.findByText(
        'acme-idx-main was last written 12 days ago: its embedding pipeline may have stalled (the check allows 7 days by default).',
      ),
    ).toBeInTheDocument();
  });

  it("shows on the index's own Resource page, by its name", async () => {
    const api = await render(
      acmeIdxMainResource,
      <EntityCloudflareResourceContent />,
      acmeIdxMainStats(undefined),
    );
    expect(await screen.findByText('Never')).toBeInTheDocument();
    expect(
      screen.getByText(
        'acme-idx-main has never been written: no mutation was ever processed.',
      ),
    ).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(vectorizeRoutes.stats, {
      params: { index: 'acme-idx-main' },
    });
  });

  it('says metadata indexes and stale writes in words', () => {
    expect(metadataIndexesInWords({ metadataIndexes: [] })).toBe('None');
    expect(
      metadataIndexesInWords({ metadataIndexes: [{ propertyName: 'url' }] }),
    ).toBe('url');
    const now = Date.parse('2026-11-20T10:00:00Z');
    const at = (days: number) => new Date(now - days * DAY_MS).toISOString();
    expect(
      staleWrite({ name: 'i', processedUpToDatetime: at(7) }, now),
    ).toBeUndefined();
    expect(
      staleWrite({ name: 'i', processedUpToDatetime: at(8) }, now),
    ).toMatch(/^i was last written 8 days ago/);
  });
});
