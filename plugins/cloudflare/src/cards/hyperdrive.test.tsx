import { Entity } from '@backstage/catalog-model';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { hyperdriveRoutes } from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  acmeHyperdriveResource,
  hyperdriveConfigs,
} from '../__fixtures__/hyperdrive';
import { cloudflareApiRef } from '../api';
import { CloudflareEntityCard } from '../components/CloudflareCard';
import { EntityCloudflareResourceContent } from '../components/EntityCloudflareResourceContent';
import { answerReads, component, mockCloudflareApi } from '../testUtils';
import { cachingInWords, hyperdriveCard, tlsInWords } from './hyperdrive';

async function render(entity: Entity, content: JSX.Element) {
  const api = mockCloudflareApi();
  answerReads(api, { 'hyperdrive.configs': hyperdriveConfigs });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [cloudflareApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: [acmeHyperdriveResource] })],
      ]}
    >
      <EntityProvider entity={entity}>{content}</EntityProvider>
    </TestApiProvider>,
  );
  return api;
}

describe('hyperdriveCard', () => {
  it('shows the annotated config only: network, masked origin, caching and TLS', async () => {
    const api = await render(
      component('acme-api', { 'cloudflare.com/hyperdrive': 'acme-hyperdrive' }),
      <CloudflareEntityCard card={hyperdriveCard} />,
    );
    expect(
      await screen.findByText(
        'acme-hyperdrive: caching on: max age 60 s, stale-while-revalidate 15 s; TLS verify-full, custom CA. The origin password is never read.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Public')).toBeInTheDocument();
    expect(screen.getByText('[masked]:[masked]')).toBeInTheDocument();
    expect(screen.getByText('[masked] as [masked]')).toBeInTheDocument();
    expect(screen.getByText('60')).toBeInTheDocument();
    expect(
      screen.queryByText('acme-hyperdrive-analytics'),
    ).not.toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(hyperdriveRoutes.configs, {
      params: {},
    });
  });

  it('says when the list holds no config of the name', async () => {
    await render(
      component('acme-api', { 'cloudflare.com/hyperdrive': 'nope' }),
      <CloudflareEntityCard card={hyperdriveCard} />,
    );
    expect(
      await screen.findByText('No Hyperdrive config of this name'),
    ).toBeInTheDocument();
  });

  it("shows on the config's own Resource page", async () => {
    await render(acmeHyperdriveResource, <EntityCloudflareResourceContent />);
    expect(await screen.findByText('Public')).toBeInTheDocument();
    expect(screen.queryByText('Access + Tunnel')).not.toBeInTheDocument();
  });

  it('states caching and TLS in words, with the defaults Cloudflare applies', () => {
    expect(cachingInWords({ enabled: false })).toBe('Off');
    expect(cachingInWords({ enabled: true })).toBe(
      'On: max age 60 s, stale-while-revalidate 15 s (default max age and stale-while-revalidate)',
    );
    expect(cachingInWords({ enabled: true, maxAgeSeconds: 300 })).toBe(
      'On: max age 300 s, stale-while-revalidate 15 s (default stale-while-revalidate)',
    );
    expect(tlsInWords(undefined)).toBe('Cloudflare default');
    expect(tlsInWords({ sslmode: 'require', mtlsCertificateId: 'c1' })).toBe(
      'require, mTLS client certificate',
    );
  });
});
