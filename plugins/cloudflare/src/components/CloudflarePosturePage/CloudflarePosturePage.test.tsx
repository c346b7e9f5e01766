import { screen, waitFor, within } from '@testing-library/react';
import {
  configuredCheckIds,
  notConfiguredCheckId,
} from '../../__fixtures__/posture';
import { responseError } from '../../testUtils';
import {
  postureCatalogApi,
  postureCloudflareApi,
  postureScorecardApi,
  renderPosture,
} from './__testUtils__/renderPosturePage';
import { CloudflarePosturePage } from './CloudflarePosturePage';

const FAILING_CHECKS = [
  'cloudflareDeploymentProvenance',
  'cloudflareR2RegulatedLifecycle',
  'cloudflareQueueDeadLetter',
  'cloudflareComponentCoverage',
];

describe('CloudflarePosturePage', () => {
  it('opens with the inventory, the pass rates and coverage, then acceptance and the details', async () => {
    await renderPosture(<CloudflarePosturePage />);
    await screen.findByTestId('scorecard-bar-coverage');
    const titles = [
      'Inventory',
      'Scorecard pass rates',
      'Catalog coverage',
      'Spec acceptance (section 11)',
      'SOC 2 scorecards',
      'Evidence',
    ].map(t => screen.getByText(t));
    for (let i = 1; i < titles.length; i++) {
      expect(
        titles[i - 1].compareDocumentPosition(titles[i]) &
          Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
    }
    expect(screen.getByTestId('inventory-area-workers')).toHaveTextContent('2');
    expect(await screen.findByTestId('acceptance-provenance')).toBeVisible();
    expect(await screen.findByText('Zero Trust users')).toBeInTheDocument();
    expect(await screen.findByText('a***@acme.example')).toBeInTheDocument();
  });

  it('shows one bar per scorecard with the share of results that pass, from one bulk run', async () => {
    const scorecards = postureScorecardApi();
    await renderPosture(<CloudflarePosturePage />, { scorecards });
    await screen.findByTestId('scorecard-bar-coverage');
    const bars = screen.getAllByTestId(/^scorecard-bar-/);
    expect(
      bars.map(b => [
        b.dataset.testid,
        within(b).getByTestId('scorecard-rate').textContent,
      ]),
    ).toEqual([
      ['scorecard-bar-access-hygiene', '1 of 1 results pass (100%)'],
      ['scorecard-bar-change-management', '0 of 1 results pass (0%)'],
      ['scorecard-bar-data-retention', '1 of 2 results pass (50%)'],
      ['scorecard-bar-resilience', '2 of 3 results pass (66.7%)'],
      ['scorecard-bar-ai-governance', 'no results yet'],
      ['scorecard-bar-coverage', '2 of 4 production Components pass (50%)'],
    ]);
    const level = (id: string) =>
      within(screen.getByTestId(`scorecard-bar-${id}`))
        .getByRole('progressbar')
        .getAttribute('data-level');
    expect(level('access-hygiene')).toBe('ok');
    expect(level('change-management')).toBe('error');
    expect(
      within(screen.getByTestId('scorecard-bar-ai-governance')).queryByRole(
        'progressbar',
      ),
    ).not.toBeInTheDocument();
    const coverage = screen.getByTestId('scorecard-bar-coverage');
    expect(within(coverage).getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      '50',
    );
    expect(within(coverage).getByTestId('pass-rate-target')).toHaveAttribute(
      'title',
      'Target 95%',
    );

    expect(scorecards.runBulkChecks).toHaveBeenCalledTimes(1);
    expect(scorecards.runBulkChecks).toHaveBeenCalledWith(
      [
        'component:default/acme-edge',
        'component:default/acme-web',
        'component:default/acme-billing',
        'component:default/acme-ghost',
        'resource:default/cf-worker-acme-edge-router',
        'resource:default/cf-worker-acme-api',
        'resource:default/cf-pages-acme-web',
        'resource:default/cf-kv-acme-sessions',
        'resource:default/cf-r2-acme-regulated-exports',
      ],
      configuredCheckIds,
    );
  });

  it('details each check under its scorecard, with its criterion, reason and a remediation link when it fails', async () => {
    await renderPosture(<CloudflarePosturePage />);
    const change = await screen.findByTestId('scorecard-change-management');
    expect(change).toHaveTextContent('Change Management / Provenance');
    expect(change).toHaveTextContent('0 of 1 pass (0%)');
    const failing = within(change).getByTestId(
      'check-cloudflareDeploymentProvenance',
    );
    expect(within(failing).getByText('fail')).toBeInTheDocument();
    expect(failing).toHaveAttribute('data-status', 'fail');
    expect(failing).toHaveTextContent('SOC 2 CC8.1 Change management');
    expect(
      within(failing).getByText(
        /1 of 3 deployments lacks a commit SHA: 1: worker:acme-edge-router@6f1c2d3e/,
      ),
    ).toBeInTheDocument();
    expect(
      within(failing).getByRole('link', { name: /cf-worker-acme-edge-router/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/cf-worker-acme-edge-router',
    );
    expect(
      within(failing).getByRole('link', { name: 'Remediation' }),
    ).toHaveAttribute(
      'href',
      '/cloudflare/remediation#cloudflareDeploymentProvenance',
    );
    expect(
      within(screen.getByTestId('check-cloudflareQueueDeadLetter')).getByText(
        /The consumer acme-worker has no dead-letter queue/,
      ),
    ).toBeInTheDocument();

    const passing = screen.getByTestId('check-cloudflareAccessAuditLog24h');
    expect(within(passing).getByText('pass')).toBeInTheDocument();
    expect(passing).toHaveAttribute('data-status', 'pass');
    expect(passing).toHaveTextContent('SOC 2 CC7.2 System monitoring');
    expect(within(passing).queryByText('Remediation')).not.toBeInTheDocument();
    const noData = screen.getByTestId('check-cloudflareApiTokenHygiene');
    expect(within(noData).getByText('no data')).toBeInTheDocument();
    expect(within(noData).queryByText('Remediation')).not.toBeInTheDocument();

    const links = screen.getAllByRole('link', { name: 'Remediation' });
    expect(links.map(l => l.getAttribute('href'))).toEqual(
      FAILING_CHECKS.map(id => `/cloudflare/remediation#${id}`),
    );
    // Coverage's failures are production Components only: acme-sandbox's result does not count.
    const coverage = screen.getByTestId('check-cloudflareComponentCoverage');
    expect(coverage).toHaveTextContent('2 of 4 entities pass.');
    expect(
      within(coverage).queryByRole('link', { name: /acme-sandbox/ }),
    ).not.toBeInTheDocument();
    expect(
      within(screen.getByTestId('scorecard-ai-governance')).getAllByText(
        'no data',
      ),
    ).toHaveLength(4);
    expect(
      screen.getByText(
        `Not configured in Tech Insights: ${notConfiguredCheckId}.`,
        { exact: false },
      ),
    ).toBeInTheDocument();
  });

  it('applies the common coverage rule: a dangling annotation does not cover', async () => {
    await renderPosture(<CloudflarePosturePage />);
    expect(await screen.findByTestId('coverage-summary')).toHaveTextContent(
      '2 of 4 production Components (50%) are related to a Cloudflare resource',
    );
    const uncovered = within(screen.getByTestId('coverage-uncovered'))
      .getAllByRole('link')
      .map(l => l.getAttribute('href'));
    expect(uncovered).toEqual([
      '/catalog/default/component/acme-billing',
      '/catalog/default/component/acme-ghost',
    ]);
    expect(
      screen.queryByRole('link', { name: /acme-sandbox/ }),
    ).not.toBeInTheDocument();
  });

  it('shows permission denied for the scorecards and an account card', async () => {
    const scorecards = postureScorecardApi();
    scorecards.getChecks.mockRejectedValue(
      await responseError(403, 'NotAllowedError', 'Unauthorized'),
    );
    const cloudflare = postureCloudflareApi();
    cloudflare.read.mockRejectedValue(
      await responseError(403, 'NotAllowedError', 'Unauthorized'),
    );
    await renderPosture(<CloudflarePosturePage />, { scorecards, cloudflare });
    await waitFor(() =>
      expect(
        screen.getAllByTestId('cloudflare-permission-denied').length,
      ).toBeGreaterThanOrEqual(2),
    );
    const denied = screen
      .getAllByTestId('cloudflare-permission-denied')
      .map(d => d.textContent)
      .join(' ');
    expect(denied).toContain(
      "You don't have permission to read and run Tech Insights checks",
    );
    expect(denied).toContain(
      "You don't have permission cloudflare.read.zerotrust; ask",
    );
    expect(
      screen.getByText(/^The checks could not be run:/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Remediation' })).toBeNull();
  });

  it('says so when the catalog holds no Cloudflare entity, without running the checks', async () => {
    const scorecards = postureScorecardApi();
    const catalog = postureCatalogApi();
    catalog.getEntities.mockResolvedValue({ items: [] });
    await renderPosture(<CloudflarePosturePage />, { scorecards, catalog });
    expect(
      await screen.findByText('No Cloudflare entities in the catalog yet'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByTestId('scorecard-rate').map(r => r.textContent),
    ).toEqual(Array(6).fill('no results yet'));
    expect(screen.getByTestId('inventory-area-workers')).toHaveTextContent('0');
    expect(scorecards.runBulkChecks).not.toHaveBeenCalled();
  });

  it('shows the catalog error, and still the acceptance figures and evidence', async () => {
    await renderPosture(<CloudflarePosturePage />, {
      catalog: postureCatalogApi(new Error('catalog unreachable')),
    });
    expect(
      (await screen.findAllByText(/catalog unreachable/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText('Inventory')).not.toBeInTheDocument();
    expect(await screen.findByTestId('acceptance-coverage')).toBeVisible();
    expect(
      await screen.findByText('No evidence snapshots yet'),
    ).toBeInTheDocument();
  });
});
