import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { zeroTrustUsers } from '../../__fixtures__/envelopes';
import {
  configuredCheckIds,
  evidenceRecord,
  notConfiguredCheckId,
  postureChecks,
  postureComponents,
  postureResources,
  postureRuns,
} from '../../__fixtures__/posture';
import {
  cloudflareApiRef,
  CloudflareEvidenceRecord,
  cloudflareScorecardApiRef,
  ScorecardApi,
} from '../../api';
import { answerReads, mockCloudflareApi, responseError } from '../../testUtils';
import { CloudflarePosturePage } from './CloudflarePosturePage';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

function catalogApi(fail?: Error) {
  return {
    getEntities: jest.fn(async (req: any) => {
      if (fail) throw fail;
      return {
        items:
          req.filter.kind === 'component'
            ? postureComponents
            : postureResources,
      };
    }),
  };
}

function scorecardApi(): jest.Mocked<ScorecardApi> {
  const api: jest.Mocked<ScorecardApi> = {
    getChecks: jest.fn(),
    runChecks: jest.fn(),
    getLatestFacts: jest.fn(),
    runBulkChecks: jest.fn(),
    refresh: jest.fn(),
  };
  api.getChecks.mockResolvedValue(postureChecks);
  api.runBulkChecks.mockResolvedValue(postureRuns);
  return api;
}

async function renderPage(opts: {
  catalog?: ReturnType<typeof catalogApi>;
  scorecards?: ScorecardApi;
  cloudflare?: ReturnType<typeof mockCloudflareApi>;
}) {
  const cloudflare = opts.cloudflare ?? mockCloudflareApi();
  if (!opts.cloudflare) {
    cloudflare.listEvidence.mockResolvedValue({ items: [] });
    answerReads(cloudflare, { 'zeroTrust.users': zeroTrustUsers });
  }
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [catalogApiRef, opts.catalog ?? catalogApi()],
        [cloudflareScorecardApiRef, opts.scorecards ?? scorecardApi()],
        [cloudflareApiRef, cloudflare],
      ]}
    >
      <CloudflarePosturePage />
    </TestApiProvider>,
    { mountedRoutes },
  );
  return cloudflare;
}

describe('CloudflarePosturePage', () => {
  const clicked: string[] = [];
  beforeAll(() => {
    (URL as any).createObjectURL = jest.fn(() => 'blob:x');
    (URL as any).revokeObjectURL = jest.fn();
    // jsdom cannot navigate; the <a download> click is what we assert.
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function recordClick(this: HTMLAnchorElement) {
        clicked.push(this.download);
      });
  });

  it('shows scorecards with pass, fail, reason and concerned entities', async () => {
    const scorecards = scorecardApi();
    await renderPage({ scorecards });
    const failing = await screen.findByTestId(
      'check-cloudflareDeploymentProvenance',
    );
    expect(within(failing).getByText('fail')).toBeInTheDocument();
    expect(
      within(failing).getByText(
        /Workers and Pages deployments show a commit SHA/,
      ),
    ).toBeInTheDocument();
    expect(
      within(failing).getByText(
        /1 of 3 deployments lacks a commit SHA: 1: worker:acme-edge-router@6f1c2d3e/,
      ),
    ).toBeInTheDocument();
    expect(
      within(failing).getByText('0 of 1 entities pass.'),
    ).toBeInTheDocument();
    expect(
      within(failing).getByRole('link', { name: /cf-worker-acme-edge-router/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/cf-worker-acme-edge-router',
    );

    const passing = screen.getByTestId('check-cloudflareAccessAuditLog24h');
    expect(within(passing).getByText('pass')).toBeInTheDocument();
    const noData = screen.getByTestId('check-cloudflareApiTokenHygiene');
    expect(within(noData).getByText('no data')).toBeInTheDocument();
    expect(
      screen.getByText(
        `Not configured in Tech Insights: ${notConfiguredCheckId}.`,
        { exact: false },
      ),
    ).toBeInTheDocument();

    // The storage checks of the suite: KV personal-data retention and R2 regulated-data lifecycle.
    const kv = screen.getByTestId('check-cloudflareKvPiiRetention');
    expect(within(kv).getByText('pass')).toBeInTheDocument();
    expect(
      within(kv).getByRole('link', { name: /cf-kv-acme-sessions/ }),
    ).toBeInTheDocument();
    const r2 = screen.getByTestId('check-cloudflareR2RegulatedLifecycle');
    expect(within(r2).getByText('fail')).toBeInTheDocument();
    expect(
      within(r2).getByText(/Regulated data has an enabled lifecycle rule: no/),
    ).toBeInTheDocument();
    expect(
      within(r2).getByRole('link', { name: /cf-r2-acme-regulated-exports/ }),
    ).toBeInTheDocument();

    expect(scorecards.runBulkChecks).toHaveBeenCalledWith(
      [
        'component:default/acme-edge',
        'resource:default/cf-worker-acme-edge-router',
        'resource:default/cf-pages-acme-web',
        'resource:default/cf-kv-acme-sessions',
        'resource:default/cf-r2-acme-regulated-exports',
      ],
      configuredCheckIds,
    );
  });

  it('computes coverage of production Components and lists the uncovered', async () => {
    await renderPage({});
    expect(await screen.findByTestId('coverage-summary')).toHaveTextContent(
      '2 of 3 production Components (66.7%) have a Cloudflare resource',
    );
    expect(screen.getByText('Uncovered (1)')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /acme-billing/ }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /acme-sandbox/ }),
    ).not.toBeInTheDocument();
  });

  // Eleven steps through the page (about 2.5 s alone): Jest's 5 s default times out on a loaded
  // machine under --coverage.
  it('lists evidence, verifies (ok and tampered), downloads and exports', async () => {
    const cloudflare = mockCloudflareApi();
    answerReads(cloudflare, { 'zeroTrust.users': zeroTrustUsers });
    cloudflare.listEvidence.mockResolvedValue({
      items: [
        evidenceRecord(
          'ev-1',
          'zero-trust-audit',
          'a',
          'user:default/sec-lead',
        ),
        evidenceRecord(
          'ev-2',
          'deployment-provenance',
          'b',
          'user:default/platform',
        ),
      ],
    });
    cloudflare.verifyEvidence.mockImplementation(async id => ({
      id,
      valid: id === 'ev-1',
      problems: id === 'ev-1' ? [] : ['the stored bytes changed'],
      document: {
        valid: id === 'ev-1',
        storedSha256: 'a'.repeat(64),
        computedSha256: 'a'.repeat(64),
      },
      chain: { valid: true, length: 2, headSha256: 'f'.repeat(64) },
    }));
    cloudflare.downloadEvidence.mockResolvedValue({
      blob: new Blob(['{}']),
      fileName: 'ev-1.json',
      sha256: 'a'.repeat(64),
    });
    cloudflare.exportZeroTrustAudit.mockResolvedValue({
      blob: new Blob(['{}']),
      fileName: 'zt.json',
      sha256: 'c'.repeat(64),
    });
    cloudflare.exportR2Lifecycle.mockResolvedValue({
      blob: new Blob(['{}']),
      fileName: 'r2.json',
      sha256: 'e'.repeat(64),
    });
    cloudflare.createDeploymentProvenanceSnapshot.mockResolvedValue(
      evidenceRecord(
        'ev-3',
        'deployment-provenance',
        'd',
        'user:default/sec-lead',
      ),
    );
    await renderPage({ cloudflare });

    expect(await screen.findByText('Zero Trust audit')).toBeInTheDocument();
    expect(
      screen.getByText('Deployment provenance', { selector: 'td' }),
    ).toBeInTheDocument();
    expect(screen.getByText('user:default/sec-lead')).toBeInTheDocument();
    expect(await screen.findByText('Zero Trust users')).toBeInTheDocument();
    expect(await screen.findByText('a***@acme.example')).toBeInTheDocument();
    expect(screen.getByTitle('a'.repeat(64))).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Verify ev-1' }));
    await waitFor(() =>
      expect(screen.getAllByTestId('verify-result')[0]).toHaveTextContent('ok'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Verify ev-2' }));
    await waitFor(() =>
      expect(screen.getByText('tampered')).toBeInTheDocument(),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Download ev-1' }));
    expect(await screen.findByTestId('evidence-notice')).toHaveTextContent(
      `Saved ev-1.json — SHA-256 ${'a'.repeat(64)}`,
    );
    expect(URL.createObjectURL).toHaveBeenCalled();
    expect(clicked).toContain('ev-1.json');

    fireEvent.click(
      screen.getByRole('button', { name: 'Export Zero Trust audit snapshot' }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('evidence-notice')).toHaveTextContent(
        `Saved zt.json — SHA-256 ${'c'.repeat(64)}`,
      ),
    );
    fireEvent.click(
      screen.getByRole('button', { name: 'Export R2 lifecycle snapshot' }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('evidence-notice')).toHaveTextContent(
        `Saved r2.json — SHA-256 ${'e'.repeat(64)}`,
      ),
    );
    expect(cloudflare.exportR2Lifecycle).toHaveBeenCalledWith();
    expect(clicked).toContain('r2.json');
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Export deployment-provenance snapshot',
      }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('evidence-notice')).toHaveTextContent(
        `Stored a deployment-provenance snapshot of 1 Worker scripts and 1 Pages projects — SHA-256 ${'d'.repeat(
          64,
        )}`,
      ),
    );
    expect(cloudflare.listEvidence.mock.calls.length).toBeGreaterThanOrEqual(4);
    expect(cloudflare.createDeploymentProvenanceSnapshot).toHaveBeenCalledWith({
      workers: ['acme-edge-router'],
      pages: ['acme-web'],
    });
  }, 20_000);

  it('lists a snapshot exported while the list was still loading', async () => {
    const cloudflare = mockCloudflareApi();
    answerReads(cloudflare, { 'zeroTrust.users': zeroTrustUsers });
    let firstList: (l: {
      items: CloudflareEvidenceRecord[];
    }) => void = () => {};
    cloudflare.listEvidence
      .mockReturnValueOnce(new Promise(resolve => (firstList = resolve)))
      .mockResolvedValue({
        items: [
          evidenceRecord('ev-r2', 'r2-lifecycle', 'e', 'user:default/sec-lead'),
        ],
      });
    cloudflare.exportR2Lifecycle.mockResolvedValue({
      blob: new Blob(['{}']),
      fileName: 'r2.json',
      sha256: 'e'.repeat(64),
    });
    await renderPage({ cloudflare });
    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Export R2 lifecycle snapshot',
      }),
    );
    await screen.findByTestId('evidence-notice');
    firstList({ items: [] });
    expect(
      await screen.findByText('R2 lifecycle', { selector: 'td' }),
    ).toBeInTheDocument();
  });

  it('shows permission denied for scorecards and evidence, and export errors', async () => {
    const scorecards = scorecardApi();
    scorecards.getChecks.mockRejectedValue(
      await responseError(403, 'NotAllowedError', 'Unauthorized'),
    );
    const cloudflare = mockCloudflareApi();
    cloudflare.listEvidence.mockRejectedValue(
      await responseError(403, 'NotAllowedError', 'Unauthorized'),
    );
    cloudflare.createDeploymentProvenanceSnapshot.mockRejectedValue(
      await responseError(500, 'Error', 'database is locked'),
    );
    answerReads(cloudflare, {
      'zeroTrust.users': await responseError(
        403,
        'NotAllowedError',
        'Unauthorized',
      ),
    });
    await renderPage({ scorecards, cloudflare });
    await waitFor(() =>
      expect(
        screen.getAllByTestId('cloudflare-permission-denied'),
      ).toHaveLength(3),
    );
    const denied = screen.getAllByTestId('cloudflare-permission-denied');
    expect(denied.map(d => d.textContent).join(' ')).toContain(
      "You don't have permission cloudflare.export.evidence; ask",
    );
    expect(denied.map(d => d.textContent).join(' ')).toContain(
      "You don't have permission to read and run Tech Insights checks",
    );
    expect(denied.map(d => d.textContent).join(' ')).toContain(
      "You don't have permission cloudflare.read.zerotrust; ask",
    );
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Export deployment-provenance snapshot',
      }),
    );
    expect(
      (await screen.findAllByText(/database is locked/)).length,
    ).toBeGreaterThan(0);
  });

  it('shows the catalog error and an empty evidence list', async () => {
    await renderPage({ catalog: catalogApi(new Error('catalog unreachable')) });
    expect(
      (await screen.findAllByText(/catalog unreachable/)).length,
    ).toBeGreaterThan(0);
    expect(
      await screen.findByText('No evidence snapshots yet'),
    ).toBeInTheDocument();
  });
});
