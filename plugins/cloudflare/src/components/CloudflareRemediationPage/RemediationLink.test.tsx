import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { rootRouteRef } from '../../routes';
import { RemediationLink } from './RemediationLink';

describe('RemediationLink', () => {
  it('links to the check on the remediation page under the mounted posture page', async () => {
    await renderInTestApp(
      <RemediationLink checkId="cloudflareApiTokenHygiene" />,
      {
        mountedRoutes: { '/security/cloudflare': rootRouteRef },
      },
    );
    const link = screen.getByRole('link', { name: 'Remediation' });
    expect(link.getAttribute('href')).toBe(
      '/security/cloudflare/remediation#cloudflareApiTokenHygiene',
    );
  });

  it('falls back to the default path when the posture page is not mounted', async () => {
    await renderInTestApp(
      <RemediationLink checkId="cloudflareQueueBacklog">
        How to fix
      </RemediationLink>,
    );
    expect(
      screen.getByRole('link', { name: 'How to fix' }).getAttribute('href'),
    ).toBe('/cloudflare/remediation#cloudflareQueueBacklog');
  });
});
