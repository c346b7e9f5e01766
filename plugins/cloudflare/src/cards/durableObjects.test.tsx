import { Entity } from '@backstage/catalog-model';
import { screen } from '@testing-library/react';
import {
  CloudflareEnvelope,
  DurableObjectMetrics,
  durableObjectsRoutes,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  sessionCoordinatorMetrics,
  sessionCoordinatorNotExposed,
  sessionCoordinatorResource,
} from '../__fixtures__/durableObjects';
import { CloudflareEntityCard } from '../components/CloudflareCard';
import { EntityCloudflareResourceContent } from '../components/EntityCloudflareResourceContent';
import { renderEntityContent } from '../__testUtils__/renderEntityContent';
import { component } from '../testUtils';
import { durableObjectsCard } from './durableObjects';

const render = (
  entity: Entity,
  content: JSX.Element,
  options: {
    catalog?: Entity[];
    metrics?: CloudflareEnvelope<DurableObjectMetrics>;
  } = {},
) =>
  renderEntityContent(entity, content, {
    answers: {
      'durableObjects.metrics': options.metrics ?? sessionCoordinatorMetrics,
    },
    catalog: options.catalog ?? [sessionCoordinatorResource],
  });

const acmeSession = component('acme-session', {
  'cloudflare.com/durable-object': 'SessionCoordinator',
});

describe('durableObjectsCard', () => {
  it("reads the annotated class's metrics: requests, error rate, WebSockets, storage, and the object count", async () => {
    const api = await render(
      acmeSession,
      <CloudflareEntityCard card={durableObjectsCard} />,
    );
    expect(await screen.findByText('182,400')).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(durableObjectsRoutes.metrics, {
      params: { class: 'SessionCoordinator' },
    });
    expect(screen.getByText('0.40% (730)')).toBeInTheDocument();
    expect(screen.getByText('1,204,000 / 1,530,000')).toBeInTheDocument();
    expect(screen.getByText('1,840')).toBeInTheDocument();
    expect(screen.getByText('48.2 MB')).toBeInTheDocument();
    expect(screen.getByText('SQLite')).toBeInTheDocument();
    expect(
      screen.getByText(
        "SessionCoordinator: at least 2,000 objects. Last 24 hours from Cloudflare's GraphQL Analytics.",
      ),
    ).toBeInTheDocument();
  });

  it('says "not exposed" in each metric, and why, when the token may not read analytics', async () => {
    await render(
      acmeSession,
      <CloudflareEntityCard card={durableObjectsCard} />,
      {
        metrics: sessionCoordinatorNotExposed,
      },
    );
    expect(await screen.findAllByText('not exposed')).toHaveLength(5);
    expect(
      screen.getByText(
        /Analytics not exposed: Cloudflare does not expose these analytics/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('acme-session')).toBeInTheDocument();
  });

  it("shows on the class's own Resource page, by the class its parameters name", async () => {
    const api = await render(
      sessionCoordinatorResource,
      <EntityCloudflareResourceContent />,
      { catalog: [] },
    );
    expect(await screen.findByText('182,400')).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(durableObjectsRoutes.metrics, {
      params: { class: 'SessionCoordinator' },
    });
  });

  it('reads by the annotated name while the class is not in the catalog yet', async () => {
    const api = await render(
      acmeSession,
      <CloudflareEntityCard card={durableObjectsCard} />,
      { catalog: [] },
    );
    expect(await screen.findByText('182,400')).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(durableObjectsRoutes.metrics, {
      params: { class: 'SessionCoordinator' },
    });
    expect(screen.queryByText(/objects\./)).not.toBeInTheDocument();
  });

  it('reads the class of a `<class>-<script>` annotation while it is not in the catalog yet', async () => {
    const api = await render(
      component('acme-chat', {
        'cloudflare.com/durable-object': 'SessionCoordinator-acme-chat',
      }),
      <CloudflareEntityCard card={durableObjectsCard} />,
      { catalog: [] },
    );
    expect(await screen.findByText('182,400')).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(durableObjectsRoutes.metrics, {
      params: { class: 'SessionCoordinator' },
    });
  });
});
