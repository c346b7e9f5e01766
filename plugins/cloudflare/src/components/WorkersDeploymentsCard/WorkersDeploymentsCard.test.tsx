import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { cloudflareApiRef, CloudflareDeployment } from '../../api';
import { component, mockCloudflareApi, responseError } from '../../testUtils';
import { WorkersDeploymentsCard } from './WorkersDeploymentsCard';

const withProvenance: CloudflareDeployment = {
  id: 'd1',
  createdOn: new Date(Date.now() - 3 * 3600 * 1000).toISOString(),
  version: '6f1c2d3e-aaaa-bbbb-cccc-1234567890ab',
  environment: 'production',
  commitSha: 'abcdef1234567890',
  commitUrl: 'https://github.com/acme/edge/commit/abcdef1234567890',
  ciRunUrl: 'https://github.com/acme/edge/actions/runs/42',
  status: 'active',
};
const withoutProvenance: CloudflareDeployment = {
  id: 'd2',
  createdOn: '2026-11-01T08:00:00Z',
  version: 'v2',
  environment: 'production',
};

async function renderCard(entity: Entity, api = mockCloudflareApi()) {
  await renderInTestApp(
    <TestApiProvider apis={[[cloudflareApiRef, api]]}>
      <EntityProvider entity={entity}>
        <WorkersDeploymentsCard />
      </EntityProvider>
    </TestApiProvider>,
  );
  return api;
}

const annotated = component('acme-edge', {
  'cloudflare.com/worker': 'acme-edge-router',
});

describe('WorkersDeploymentsCard', () => {
  it('shows progress while loading', async () => {
    const api = mockCloudflareApi();
    api.getWorkerDeployments.mockReturnValue(new Promise(() => {}));
    await renderCard(annotated, api);
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(api.getWorkerDeployments).toHaveBeenCalledWith('acme-edge-router');
  });

  it('lists deployments with time, version, commit link and CI link', async () => {
    const api = mockCloudflareApi();
    api.getWorkerDeployments.mockResolvedValue({
      name: 'acme-edge-router',
      items: [withProvenance],
    });
    await renderCard(annotated, api);
    expect(await screen.findByText('abcdef1')).toBeInTheDocument();
    expect(screen.getByText('abcdef1').closest('a')).toHaveAttribute(
      'href',
      withProvenance.commitUrl,
    );
    expect(
      screen.getByText('CI run', { selector: 'a, a *' }).closest('a'),
    ).toHaveAttribute('href', withProvenance.ciRunUrl);
    expect(screen.getByText('3 hours ago')).toHaveAttribute(
      'title',
      expect.stringMatching(/UTC$/),
    );
    expect(screen.getByText('6f1c2d3e')).toBeInTheDocument();
    expect(screen.getByText('acme-edge-router')).toBeInTheDocument();
    expect(screen.queryByTestId('missing-provenance')).not.toBeInTheDocument();
  });

  it('marks deployments without commit SHA or CI link', async () => {
    const api = mockCloudflareApi();
    api.getWorkerDeployments.mockResolvedValue({
      name: 'acme-edge-router',
      items: [withProvenance, withoutProvenance],
    });
    await renderCard(annotated, api);
    expect(await screen.findByTestId('missing-provenance')).toBeInTheDocument();
    expect(
      screen.getByText(/1 of 2 deployments lack provenance/),
    ).toBeInTheDocument();
  });

  it('says what to do when there are no deployments', async () => {
    const api = mockCloudflareApi();
    api.getWorkerDeployments.mockResolvedValue({ name: 'acme-x', items: [] });
    await renderCard(
      component('x', { 'cloudflare.com/worker': 'acme-x' }),
      api,
    );
    expect(
      await screen.findByText('No deployments for acme-x yet'),
    ).toBeInTheDocument();
  });

  it('shows the error message', async () => {
    const api = mockCloudflareApi();
    api.getWorkerDeployments.mockRejectedValue(
      await responseError(500, 'Error', 'Cloudflare API timed out'),
    );
    await renderCard(annotated, api);
    expect(
      (await screen.findAllByText(/Cloudflare API timed out/)).length,
    ).toBeGreaterThan(0);
  });

  it('says when the script does not exist', async () => {
    const api = mockCloudflareApi();
    api.getWorkerDeployments.mockRejectedValue(
      await responseError(
        404,
        'NotFoundError',
        "Worker script 'acme-typo' not found",
      ),
    );
    await renderCard(
      component('x', { 'cloudflare.com/worker': 'acme-typo' }),
      api,
    );
    expect(
      await screen.findByText(
        'No Worker named acme-typo in the Cloudflare account',
      ),
    ).toBeInTheDocument();
  });

  it('explains a permission denial', async () => {
    const api = mockCloudflareApi();
    api.getWorkerDeployments.mockRejectedValue(
      await responseError(403, 'NotAllowedError', 'Unauthorized'),
    );
    await renderCard(annotated, api);
    const denied = await screen.findByTestId('cloudflare-permission-denied');
    expect(denied).toHaveTextContent(
      "You don't have permission cloudflare.read.workers; ask",
    );
  });

  it('names the missing annotation', async () => {
    const api = await renderCard(component('plain'));
    expect(screen.getByText('cloudflare.com/worker')).toBeInTheDocument();
    expect(api.getWorkerDeployments).not.toHaveBeenCalled();
  });

  it('renders one card per annotated name', async () => {
    const api = mockCloudflareApi();
    api.getWorkerDeployments.mockImplementation(async name => ({
      name,
      items: [],
    }));
    await renderCard(
      component('multi', { 'cloudflare.com/worker': 'a, b' }),
      api,
    );
    expect(
      await screen.findByText('No deployments for a yet'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No deployments for b yet'),
    ).toBeInTheDocument();
  });
});
