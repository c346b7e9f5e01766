import { screen, within } from '@testing-library/react';
import { postureAcceptance } from '../../__fixtures__/posture';
import { responseError } from '../../testUtils';
import {
  postureCloudflareApi,
  renderPosture,
} from './__testUtils__/renderPosturePage';
import { AcceptanceSection } from './AcceptanceSection';

describe('AcceptanceSection', () => {
  it('shows every criterion with its target, measured value, status and detail', async () => {
    await renderPosture(<AcceptanceSection />);
    const rows = await screen.findAllByTestId(/^acceptance-(?!status)/);
    expect(rows.map(r => r.dataset.testid)).toEqual(
      postureAcceptance.criteria.map(c => `acceptance-${c.id}`),
    );
    expect(rows.map(r => r.dataset.status)).toEqual([
      'fail',
      'pass',
      'fail',
      'denied',
      'pass',
      'pass',
    ]);
    const provenance = screen.getByTestId('acceptance-provenance');
    expect(provenance).toHaveTextContent(
      '100% prod deployments show commit SHA + CI URL.',
    );
    expect(within(provenance).getByText('100%')).toBeInTheDocument();
    expect(within(provenance).getByText('5 of 6 (83.3%)')).toBeInTheDocument();
    expect(within(provenance).getByText('fail')).toBeInTheDocument();
    expect(provenance).toHaveTextContent(
      'acme-edge-router: deployment 6f1c2d3e has no commit SHA',
    );
    const statuses = screen
      .getAllByTestId('acceptance-status')
      .map(s => s.textContent);
    expect(statuses).toEqual([
      'fail',
      'pass',
      'fail',
      'not permitted',
      'pass',
      'pass',
    ]);
    expect(screen.getByTestId('acceptance-coverage')).toHaveTextContent(
      '>= 95%',
    );
    expect(
      screen.getByTitle('2026-11-20 10:00:00 UTC').closest('span'),
    ).toHaveTextContent(/^Measured/);
  });

  it('shows permission denied for a 403', async () => {
    const denied = postureCloudflareApi();
    denied.getAcceptance.mockRejectedValue(
      await responseError(403, 'NotAllowedError', 'Unauthorized'),
    );
    await renderPosture(<AcceptanceSection />, { cloudflare: denied });
    expect(
      await screen.findByTestId('cloudflare-permission-denied'),
    ).toHaveTextContent(
      "You don't have permission to read the figures the acceptance criteria measure",
    );
  });

  it('shows the backend error', async () => {
    const failing = postureCloudflareApi();
    failing.getAcceptance.mockRejectedValue(
      await responseError(500, 'Error', 'catalog read failed'),
    );
    await renderPosture(<AcceptanceSection />, { cloudflare: failing });
    expect(
      (await screen.findAllByText(/catalog read failed/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByTestId('acceptance-coverage')).not.toBeInTheDocument();
  });
});
