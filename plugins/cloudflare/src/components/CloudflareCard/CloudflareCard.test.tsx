import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { workersRoutes } from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  emptyEnvelope,
  pagesDeployments,
  tracedDeployment,
  workerDeployments,
  zeroTrustUsers,
} from '../../__fixtures__/envelopes';
import { cloudflareApiRef } from '../../api';
import { CLOUDFLARE_CARDS } from '../../cards';
import {
  answerReads,
  component,
  mockCloudflareApi,
  resource,
  responseError,
} from '../../testUtils';
import { CloudflareEntityCard } from './CloudflareCard';

/** Renders `card` on `entity`, the Cloudflare API answering `answers` (by route id) when given. */
async function renderCard(
  entity: Entity,
  card: (typeof CLOUDFLARE_CARDS)[keyof typeof CLOUDFLARE_CARDS],
  answers?: Parameters<typeof answerReads>[1],
) {
  const api = mockCloudflareApi();
  if (answers) answerReads(api, answers);
  await renderInTestApp(
    <TestApiProvider apis={[[cloudflareApiRef, api]]}>
      <EntityProvider entity={entity}>
        <CloudflareEntityCard card={card} />
      </EntityProvider>
    </TestApiProvider>,
  );
  return api;
}

const annotated = component('acme-edge', {
  'cloudflare.com/worker': 'acme-edge-router',
  'cloudflare.com/pages': 'acme-web',
});

describe('CloudflareEntityCard', () => {
  it('reads the route of the annotated name and shows progress meanwhile', async () => {
    const api = await renderCard(annotated, CLOUDFLARE_CARDS.workers, {});
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(workersRoutes.deployments, {
      params: { script: 'acme-edge-router' },
    });
  });

  it('lists Worker deployments: time, version, commit link, CI link, provenance, masked hint', async () => {
    await renderCard(annotated, CLOUDFLARE_CARDS.workers, {
      'workers.deployments': workerDeployments,
    });
    expect(await screen.findByText('abcdef1')).toBeInTheDocument();
    expect(screen.getByText('abcdef1').closest('a')).toHaveAttribute(
      'href',
      tracedDeployment.commitUrl,
    );
    expect(
      screen.getByText('CI run', { selector: 'a, a *' }).closest('a'),
    ).toHaveAttribute('href', tracedDeployment.ciRunUrl);
    expect(screen.getByText('3 hours ago')).toHaveAttribute(
      'title',
      expect.stringMatching(/UTC$/),
    );
    expect(screen.getByText('6f1c2d3e')).toBeInTheDocument();
    expect(screen.getByText('acme-edge-router')).toBeInTheDocument();
    expect(screen.getByText('a***@acme.example')).toBeInTheDocument();
    const rows = screen.getAllByRole('row');
    expect(
      within(rows[1]).queryByTestId('missing-provenance'),
    ).not.toBeInTheDocument();
    expect(
      within(rows[2]).getByTestId('missing-provenance'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/1 of 2 deployments lack provenance/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('cloudflare-masked')).toHaveTextContent(
      '1 sensitive value is masked (authorEmail)',
    );
  });

  it('lists Pages deployments with branch and status', async () => {
    const api = await renderCard(annotated, CLOUDFLARE_CARDS.pages, {
      'pages.deployments': pagesDeployments,
    });
    expect(await screen.findByText('feature/login')).toBeInTheDocument();
    expect(screen.getByText('preview')).toBeInTheDocument();
    expect(screen.getByText('a1b2c3d4')).toBeInTheDocument();
    expect(screen.getByText('fedcba9')).toBeInTheDocument();
    expect(screen.queryByTestId('missing-provenance')).not.toBeInTheDocument();
    expect(screen.queryByTestId('cloudflare-masked')).not.toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(expect.anything(), {
      params: { project: 'acme-web' },
    });
  });

  it('shows the missing-annotation state', async () => {
    const api = await renderCard(component('plain'), CLOUDFLARE_CARDS.workers);
    expect(screen.getByText('Workers deployments')).toBeInTheDocument();
    expect(screen.getByText('cloudflare.com/worker')).toBeInTheDocument();
    expect(api.read).not.toHaveBeenCalled();
  });

  it('shows the empty state', async () => {
    await renderCard(annotated, CLOUDFLARE_CARDS.workers, {
      'workers.deployments': emptyEnvelope('workers'),
    });
    expect(await screen.findByText('No deployments yet')).toBeInTheDocument();
  });

  it('explains a 403 with the area permission', async () => {
    await renderCard(annotated, CLOUDFLARE_CARDS.workers, {
      'workers.deployments': await responseError(
        403,
        'NotAllowedError',
        'Unauthorized',
      ),
    });
    expect(
      await screen.findByTestId('cloudflare-permission-denied'),
    ).toHaveTextContent("You don't have permission cloudflare.read.workers");
  });

  it('says when the annotated name does not exist (404)', async () => {
    await renderCard(annotated, CLOUDFLARE_CARDS.workers, {
      'workers.deployments': await responseError(
        404,
        'NotFoundError',
        'No Worker script acme-edge-router',
      ),
    });
    expect(
      await screen.findByText(
        'No Workers resource named acme-edge-router in the Cloudflare account',
      ),
    ).toBeInTheDocument();
  });

  it('shows other errors with the backend message', async () => {
    await renderCard(annotated, CLOUDFLARE_CARDS.workers, {
      'workers.deployments': await responseError(
        500,
        'Error',
        'Cloudflare API timed out',
      ),
    });
    expect(
      (await screen.findAllByText(/Cloudflare API timed out/)).length,
    ).toBeGreaterThan(0);
  });

  it('reads account-wide cards once, on the area Resource entity, and says when data is stale', async () => {
    const api = await renderCard(
      resource('cf-zt-acme-org', 'cloudflare-zero-trust'),
      CLOUDFLARE_CARDS.zeroTrust,
      {
        'zeroTrust.users': { ...zeroTrustUsers, stale: true },
      },
    );
    expect(await screen.findByText('a***@acme.example')).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledTimes(1);
    expect(api.read).toHaveBeenCalledWith(CLOUDFLARE_CARDS.zeroTrust.route, {
      params: {},
    });
    expect(screen.getByTestId('cloudflare-masked')).toHaveTextContent(
      '2 sensitive values are masked (email, name)',
    );
    expect(screen.getByTestId('cloudflare-stale')).toBeInTheDocument();
  });
});
