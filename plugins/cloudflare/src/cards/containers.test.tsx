import { Entity } from '@backstage/catalog-model';
import { screen } from '@testing-library/react';
import {
  CloudflareEnvelope,
  ContainerStatus,
  containersRoutes,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  acmeContainersResource,
  acmeContainersStatus,
  acmeRendererStatus,
} from '../__fixtures__/containers';
import { renderEntityContent } from '../__testUtils__/renderEntityContent';
import { CloudflareEntityCard } from '../components/CloudflareCard';
import { EntityCloudflareResourceContent } from '../components/EntityCloudflareResourceContent';
import { component } from '../testUtils';
import { containersCard, statesInWords } from './containers';

const render = (
  entity: Entity,
  content: JSX.Element,
  options: {
    catalog?: Entity[];
    status?: CloudflareEnvelope<ContainerStatus>;
  } = {},
) =>
  renderEntityContent(entity, content, {
    answers: { 'containers.status': options.status ?? acmeContainersStatus },
    catalog: options.catalog ?? [acmeContainersResource],
  });

const acmeConverter = component('acme-converter', {
  'cloudflare.com/container': 'acme-containers',
});

describe('containersCard', () => {
  it("reads the annotated application's health: counts, states, the newest error with its message masked, the image", async () => {
    const api = await render(
      acmeConverter,
      <CloudflareEntityCard card={containersCard} />,
    );
    expect(await screen.findByText('degraded')).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(containersRoutes.status, {
      params: { service: 'acme-containers' },
    });
    expect(screen.getByText('Scheduled')).toBeInTheDocument();
    expect(screen.getByText('27')).toBeInTheDocument();
    expect(
      screen.getByText('running 27, failed 1, provisioning 1, unhealthy 1'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('ServiceHealthUpdates (Warn): [masked]'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'acme-containers runs registry.cloudflare.com/acme-org/acme-converter:2025-10-25: degraded, 1 failed instance, 2 error events. Environment variable values are never read.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('cloudflare-masked')).toBeInTheDocument();
  });

  it('shows a Durable Object application without a desired count, and no error', async () => {
    await render(
      component('acme-renderer', {
        'cloudflare.com/container': 'acme-renderer',
      }),
      <CloudflareEntityCard card={containersCard} />,
      { status: acmeRendererStatus, catalog: [] },
    );
    expect(await screen.findByText('Durable Object')).toBeInTheDocument();
    expect(screen.getByText('None')).toBeInTheDocument();
    expect(
      screen.getByText(
        'acme-renderer: no health summary, 0 failed instances, 0 error events. Environment variable values are never read.',
      ),
    ).toBeInTheDocument();
  });

  it("shows the card on the application's own Resource page", async () => {
    const api = await render(
      acmeContainersResource,
      <EntityCloudflareResourceContent />,
    );
    expect(await screen.findByText('degraded')).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(containersRoutes.status, {
      params: { service: 'acme-containers' },
    });
  });

  it('says when the instance counts are a lower bound', () => {
    expect(
      statesInWords({
        ...acmeContainersStatus.item!,
        instanceStates: { running: 1000 },
        instancesComplete: false,
      }),
    ).toBe('running 1,000 (at least)');
  });
});
