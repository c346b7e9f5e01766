import { Entity } from '@backstage/catalog-model';
import { screen } from '@testing-library/react';
import {
  cloudflareEntityName,
  kvRoutes,
  workersRoutes,
  zeroTrustRoutes,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  workerDeployments,
  zeroTrustUsers,
} from '../../__fixtures__/envelopes';
import { ACME_CACHE_ID, kvSample } from '../../__fixtures__/kv';
import { renderEntityContent } from '../../__testUtils__/renderEntityContent';
import { CLOUDFLARE_CARDS } from '../../cards';
import { component, resource, responseError } from '../../testUtils';
import { CloudflareEntityCard } from './CloudflareCard';

/** Renders the area's entity card on `entity`, the catalog holding `catalog`. */
const renderCard = (
  entity: Entity,
  card: (typeof CLOUDFLARE_CARDS)[keyof typeof CLOUDFLARE_CARDS],
  answers: Parameters<typeof renderEntityContent>[2]['answers'],
  catalog: Entity[] = [],
) =>
  renderEntityContent(entity, <CloudflareEntityCard card={card} />, {
    answers,
    catalog,
  });

const minutesAgo = (m: number) =>
  new Date(Date.now() - m * 60_000).toISOString();

describe('CloudflareCard when Cloudflare cannot be reached', () => {
  it('shows stale data with a notice of its age', async () => {
    await renderCard(
      component('acme', { 'cloudflare.com/worker': 'acme-edge-router' }),
      CLOUDFLARE_CARDS.workers,
      {
        'workers.deployments': {
          ...workerDeployments,
          stale: true,
          fetchedAt: minutesAgo(12),
        },
      },
    );
    // The data is still there...
    expect(await screen.findByText('abcdef1')).toBeInTheDocument();
    // ...under a notice of how old it is.
    expect(screen.getByTestId('cloudflare-stale')).toHaveTextContent(
      'Cloudflare could not be reached: showing data read 12 minutes ago',
    );
  });

  it('shows no notice over a fresh answer', async () => {
    await renderCard(
      component('acme', { 'cloudflare.com/worker': 'acme-edge-router' }),
      CLOUDFLARE_CARDS.workers,
      { 'workers.deployments': workerDeployments },
    );
    expect(await screen.findByText('abcdef1')).toBeInTheDocument();
    expect(screen.queryByTestId('cloudflare-stale')).not.toBeInTheDocument();
  });

  it('says when to retry after a 503 without a cached answer', async () => {
    await renderCard(
      component('acme', { 'cloudflare.com/worker': 'acme-edge-router' }),
      CLOUDFLARE_CARDS.workers,
      {
        'workers.deployments': await responseError(
          503,
          'ServiceUnavailableError',
          "Cloudflare is unavailable or timed out while reading Worker script 'acme-edge-router'",
          { 'Retry-After': '120' },
        ),
      },
    );
    expect(
      await screen.findByTestId('cloudflare-unavailable'),
    ).toHaveTextContent(
      'Cloudflare could not be reached, and there is no earlier answer to show',
    );
    expect(screen.getByTestId('cloudflare-retry-after')).toHaveTextContent(
      /^Try again in 2 minutes \(after \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)\.$/,
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});

describe('CloudflareCard with several accounts', () => {
  it("passes the Component's cloudflare.com/account-id as account", async () => {
    const api = await renderCard(
      component('acme', {
        'cloudflare.com/worker': 'acme-edge-router',
        'cloudflare.com/account-id': 'acc-2',
      }),
      CLOUDFLARE_CARDS.workers,
      { 'workers.deployments': workerDeployments },
    );
    expect(await screen.findByText('abcdef1')).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(workersRoutes.deployments, {
      params: { script: 'acme-edge-router' },
      account: 'acc-2',
    });
  });

  it("passes a Resource entity's account on its account-wide card", async () => {
    const api = await renderCard(
      resource('cf-zt-acme-org', 'cloudflare-zero-trust', undefined, {
        'cloudflare.com/account-id': 'acc-1',
      }),
      CLOUDFLARE_CARDS.zeroTrust,
      { 'zeroTrust.users': zeroTrustUsers },
    );
    expect(await screen.findByText('a***@acme.example')).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(zeroTrustRoutes.users, {
      params: {},
      account: 'acc-1',
    });
  });

  it("finds the name's Resource entity in the Component's account and reads with its account", async () => {
    // A provider of several accounts names each entity with a hash of its account.
    const inAccount = (account: string, id: string) =>
      resource(
        cloudflareEntityName('kv', 'acme-cache', account),
        'cloudflare-kv',
        { namespaceId: id, title: 'acme-cache' },
        { 'cloudflare.com/account-id': account },
      );
    const api = await renderCard(
      component('acme', {
        'cloudflare.com/kv': 'acme-cache',
        'cloudflare.com/account-id': 'acc-2',
      }),
      CLOUDFLARE_CARDS.kv,
      { 'kv.sample': kvSample },
      [inAccount('acc-1', 'id-in-acc-1'), inAccount('acc-2', ACME_CACHE_ID)],
    );
    expect(
      await screen.findByText('cache:/api/orders/00000'),
    ).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(kvRoutes.sample, {
      params: { namespace: ACME_CACHE_ID },
      account: 'acc-2',
    });
  });

  it('takes the account of the Resource entity when the Component names none', async () => {
    const api = await renderCard(
      component('acme', { 'cloudflare.com/kv': 'acme-cache' }),
      CLOUDFLARE_CARDS.kv,
      { 'kv.sample': kvSample },
      [
        resource(
          'cf-kv-acme-cache',
          'cloudflare-kv',
          { namespaceId: ACME_CACHE_ID },
          { 'cloudflare.com/account-id': 'acc-9' },
        ),
      ],
    );
    expect(
      await screen.findByText('cache:/api/orders/00000'),
    ).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(kvRoutes.sample, {
      params: { namespace: ACME_CACHE_ID },
      account: 'acc-9',
    });
  });
});
