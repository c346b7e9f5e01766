import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { r2LifecycleDiff } from '../../__fixtures__/evidenceDiff';
import { evidenceRecord } from '../../__fixtures__/posture';
import { cloudflareApiRef, CloudflareEvidenceRecord } from '../../api';
import { mockCloudflareApi, responseError } from '../../testUtils';
import { EvidenceDiff } from './EvidenceDiff';

// Rendering the app and MUI's table takes seconds on a loaded machine: more than Jest's 5 s default.
jest.setTimeout(20_000);

const at = (r: CloudflareEvidenceRecord, createdAt: string) => ({
  ...r,
  createdAt,
});
// Newest first, as the list route answers.
const snapshots = [
  at(
    evidenceRecord('zt-2', 'zero-trust-audit', 'c', 'user:default/a'),
    '2026-12-03T08:00:00Z',
  ),
  at(
    evidenceRecord('r2-2', 'r2-lifecycle', 'b', 'user:default/a'),
    '2026-12-02T08:00:00Z',
  ),
  at(
    evidenceRecord('r2-1', 'r2-lifecycle', 'a', 'user:default/a'),
    '2026-12-01T08:00:00Z',
  ),
];
const labels = { 'r2-lifecycle': 'R2 lifecycle' };

async function render(api = mockCloudflareApi()) {
  await renderInTestApp(
    <TestApiProvider apis={[[cloudflareApiRef, api]]}>
      <EvidenceDiff snapshots={snapshots} kindLabels={labels} />
    </TestApiProvider>,
  );
  return api;
}

const select = (name: RegExp) =>
  screen.getByLabelText(name) as HTMLSelectElement;

describe('EvidenceDiff', () => {
  it('pairs the newest snapshot that has an older one of its kind, and shows added, removed and changed', async () => {
    const api = await render();
    api.diffEvidence.mockResolvedValue(r2LifecycleDiff);
    expect(select(/^To snapshot/).value).toBe('r2-2');
    expect(select(/^From snapshot/).value).toBe('r2-1');
    // Only the same kind can be compared from.
    expect(
      within(select(/^From snapshot/))
        .getAllByRole('option')
        .map(o => (o as HTMLOptionElement).value),
    ).toEqual(['', 'r2-1']);
    expect(
      screen.getByRole('option', {
        name: /^R2 lifecycle · 2026-12-02 08:00:00 UTC · bbbbbbbb$/,
      }),
    ).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    expect(
      await screen.findByText(
        '1 added, 1 removed, 1 changed, 9 unchanged (masked view)',
      ),
    ).toBeInTheDocument();
    expect(api.diffEvidence).toHaveBeenCalledWith('r2-1', 'r2-2');

    const rows = within(
      screen.getByRole('table', { name: 'evidence differences' }),
    )
      .getAllByRole('row')
      .slice(1)
      .map(r =>
        within(r)
          .getAllByRole('cell')
          .map(c => c.textContent),
      );
    expect(rows).toEqual([
      [
        'added',
        'acme-static-assets/rules/archive-logs',
        '—',
        '—',
        '{"id":"archive-logs","enabled":true,"prefix":"logs/","expiration":{"afterDays":30},"transitions":[]}',
      ],
      [
        'removed',
        'acme-old-exports',
        '—',
        '{"bucket":"acme-old-exports","jurisdiction":"default"}',
        '—',
      ],
      [
        'changed',
        'acme-prod-artifacts/rules/retain-180-days',
        'expiration.afterDays',
        '180',
        '365',
      ],
      [
        'changed',
        'acme-prod-artifacts/rules/retain-180-days',
        'abortMultipartAfterDays',
        '7',
        '—',
      ],
    ]);
  });

  it('says when a snapshot has no other of its kind, and cannot compare it', async () => {
    await render();
    fireEvent.change(select(/^To snapshot/), { target: { value: 'zt-2' } });
    expect(select(/^From snapshot/)).toBeDisabled();
    expect(
      screen.getByRole('option', { name: 'No other snapshot of this kind' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Compare' })).toBeDisabled();
  });

  it('shows the denial of a caller who may not read the snapshots', async () => {
    const api = await render();
    api.diffEvidence.mockRejectedValue(
      await responseError(
        403,
        'NotAllowedError',
        "Not allowed: missing permission 'cloudflare.read.r2'",
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    await waitFor(() =>
      expect(
        screen.getByTestId('cloudflare-permission-denied'),
      ).toHaveTextContent(
        /cloudflare\.export\.evidence and the read permission/,
      ),
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
