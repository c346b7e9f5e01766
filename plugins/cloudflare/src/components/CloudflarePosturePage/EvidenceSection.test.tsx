import { fireEvent, screen, waitFor } from '@testing-library/react';
import { evidenceRecord } from '../../__fixtures__/posture';
import { CloudflareEvidenceRecord } from '../../api';
import { mockCloudflareApi, responseError } from '../../testUtils';
import { renderPosture } from './__testUtils__/renderPosturePage';
import { EvidenceSection } from './EvidenceSection';

const scope = {
  workers: ['acme-edge-router'],
  pages: ['acme-web'],
  truncated: false,
};

describe('EvidenceSection', () => {
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

  // Eleven steps (about 2.5 s alone): Jest's 5 s default times out on a loaded machine under
  // --coverage.
  it('lists evidence, verifies (ok and tampered), downloads and exports', async () => {
    const cloudflare = mockCloudflareApi();
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
    await renderPosture(<EvidenceSection provenanceScope={scope} />, {
      cloudflare,
    });

    expect(await screen.findByText('Zero Trust audit')).toBeInTheDocument();
    expect(
      screen.getByText('Deployment provenance', { selector: 'td' }),
    ).toBeInTheDocument();
    expect(screen.getByText('user:default/sec-lead')).toBeInTheDocument();
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
    await renderPosture(<EvidenceSection provenanceScope={scope} />, {
      cloudflare,
    });
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

  it('downloads the OSCAL assessment results, or says why not', async () => {
    const cloudflare = mockCloudflareApi();
    cloudflare.listEvidence.mockResolvedValue({ items: [] });
    cloudflare.downloadOscalAssessmentResults
      .mockResolvedValueOnce({
        blob: new Blob(['{}']),
        fileName: 'cloudflare-oscal-assessment-results-x.json',
      })
      .mockRejectedValueOnce(
        await responseError(
          503,
          'ServiceUnavailableError',
          'Tech Insights did not run the SOC 2 checks: it answered HTTP 403',
        ),
      );
    await renderPosture(<EvidenceSection provenanceScope={scope} />, {
      cloudflare,
    });
    const button = await screen.findByRole('button', {
      name: 'Download OSCAL assessment results',
    });
    fireEvent.click(button);
    expect(await screen.findByTestId('evidence-notice')).toHaveTextContent(
      'Saved cloudflare-oscal-assessment-results-x.json',
    );
    expect(clicked).toContain('cloudflare-oscal-assessment-results-x.json');
    fireEvent.click(button);
    expect(
      (await screen.findAllByText(/Tech Insights did not run the SOC 2 checks/))
        .length,
    ).toBeGreaterThan(0);
    expect(cloudflare.downloadOscalAssessmentResults).toHaveBeenCalledTimes(2);
  });

  it('shows permission denied for the list, an export error, and an empty list', async () => {
    const cloudflare = mockCloudflareApi();
    cloudflare.listEvidence.mockRejectedValueOnce(
      await responseError(403, 'NotAllowedError', 'Unauthorized'),
    );
    cloudflare.createDeploymentProvenanceSnapshot.mockRejectedValue(
      await responseError(500, 'Error', 'database is locked'),
    );
    await renderPosture(<EvidenceSection provenanceScope={scope} />, {
      cloudflare,
    });
    expect(
      await screen.findByTestId('cloudflare-permission-denied'),
    ).toHaveTextContent(
      "You don't have permission cloudflare.export.evidence; ask",
    );
    cloudflare.listEvidence.mockResolvedValue({ items: [] });
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Export deployment-provenance snapshot',
      }),
    );
    expect(
      (await screen.findAllByText(/database is locked/)).length,
    ).toBeGreaterThan(0);
  });
  it('shows the signing key, downloads it and a signature, and marks a stale snapshot', async () => {
    const cloudflare = mockCloudflareApi();
    cloudflare.listEvidence.mockResolvedValue({
      items: [
        {
          ...evidenceRecord('ev-1', 'zero-trust-audit', 'a', 'user:default/a'),
          staleAfter: '2026-01-01T00:00:00.000Z',
          stale: true,
        },
        {
          ...evidenceRecord('ev-2', 'r2-lifecycle', 'b', 'user:default/a'),
          staleAfter: '2099-01-01T00:00:00.000Z',
          stale: false,
        },
      ],
    });
    cloudflare.getEvidencePublicKey.mockResolvedValue({
      algorithm: 'ed25519',
      keyid: 'k'.repeat(64),
      publicKeyPem: '-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----\n',
    });
    cloudflare.downloadEvidenceEnvelope.mockResolvedValue({
      blob: new Blob(['{}']),
      fileName: 'ev-1.dsse.json',
    });
    await renderPosture(<EvidenceSection provenanceScope={scope} />, {
      cloudflare,
    });

    expect(await screen.findByTestId('evidence-public-key')).toHaveTextContent(
      `Signed with Ed25519 key ${'k'.repeat(64)}`,
    );
    expect(screen.getAllByTestId('evidence-stale')).toHaveLength(1);
    expect(screen.getByTestId('evidence-stale')).toHaveAttribute(
      'title',
      "Older than its kind's TTL: stale since 2026-01-01T00:00:00.000Z",
    );

    fireEvent.click(
      screen.getByRole('button', { name: 'Download signature ev-1' }),
    );
    expect(await screen.findByTestId('evidence-notice')).toHaveTextContent(
      'Saved ev-1.dsse.json',
    );
    expect(cloudflare.downloadEvidenceEnvelope).toHaveBeenCalledWith('ev-1');
    expect(clicked).toContain('ev-1.dsse.json');
    fireEvent.click(
      screen.getByRole('button', { name: 'Download public key' }),
    );
    expect(clicked).toContain('cloudflare-evidence-public-key.pem');
  });
});
