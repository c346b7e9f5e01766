import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { cloudflareApiRef } from '../../api';
import { component, mockCloudflareApi, responseError } from '../../testUtils';
import { PagesDeploymentsCard } from './PagesDeploymentsCard';

async function renderCard(
  api: ReturnType<typeof mockCloudflareApi>,
  annotations: Record<string, string> = { 'cloudflare.com/pages': 'acme-web' },
) {
  await renderInTestApp(
    <TestApiProvider apis={[[cloudflareApiRef, api]]}>
      <EntityProvider entity={component('acme-web', annotations)}>
        <PagesDeploymentsCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('PagesDeploymentsCard', () => {
  it('shows branch, commit and CI run', async () => {
    const api = mockCloudflareApi();
    api.getPagesDeployments.mockResolvedValue({
      name: 'acme-web',
      items: [
        {
          id: 'p1',
          createdOn: '2026-11-20T10:00:00Z',
          version: 'a1b2c3d4',
          environment: 'production',
          branch: 'main',
          commitSha: '0123456789abcdef',
          ciRunUrl: 'https://ci.example/run/7',
          status: 'success',
        },
      ],
    });
    await renderCard(api);
    expect(await screen.findByText('main')).toBeInTheDocument();
    // No commit URL: the short SHA is shown unlinked.
    expect(screen.getByText('0123456').closest('a')).toBeNull();
    expect(
      screen.getByText('CI run', { selector: 'a, a *' }).closest('a'),
    ).toHaveAttribute('href', 'https://ci.example/run/7');
    expect(screen.getByText('Pages deployments')).toBeInTheDocument();
    expect(api.getPagesDeployments).toHaveBeenCalledWith('acme-web');
  });

  it('marks a deployment without provenance', async () => {
    const api = mockCloudflareApi();
    api.getPagesDeployments.mockResolvedValue({
      name: 'acme-web',
      items: [
        { id: 'p2', createdOn: '2026-11-20T10:00:00Z', branch: 'feature' },
      ],
    });
    await renderCard(api);
    expect(await screen.findByTestId('missing-provenance')).toHaveAttribute(
      'title',
      expect.stringContaining('No commit SHA and CI run link'),
    );
  });

  it('explains a permission denial with the pages permission', async () => {
    const api = mockCloudflareApi();
    api.getPagesDeployments.mockRejectedValue(
      await responseError(403, 'NotAllowedError', 'Unauthorized'),
    );
    await renderCard(api);
    expect(
      await screen.findByTestId('cloudflare-permission-denied'),
    ).toHaveTextContent("You don't have permission cloudflare.read.pages");
  });

  it('says what to do when empty', async () => {
    const api = mockCloudflareApi();
    api.getPagesDeployments.mockResolvedValue({ name: 'acme-web', items: [] });
    await renderCard(api);
    expect(
      await screen.findByText('No deployments for acme-web yet'),
    ).toBeInTheDocument();
  });

  it('names the missing annotation', async () => {
    await renderCard(mockCloudflareApi(), {});
    expect(screen.getByText('cloudflare.com/pages')).toBeInTheDocument();
  });
});
