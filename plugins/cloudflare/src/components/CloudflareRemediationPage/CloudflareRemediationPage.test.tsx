import { renderInTestApp } from '@backstage/test-utils';
import {
  CLOUDFLARE_CHECK_IDS,
  CLOUDFLARE_REMEDIATIONS,
  CLOUDFLARE_SCORECARDS,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { screen, waitFor, within } from '@testing-library/react';
import { CloudflarePostureRoutes } from './CloudflarePostureRoutes';
import { CloudflareRemediationPage } from './CloudflareRemediationPage';

describe('CloudflareRemediationPage', () => {
  const scrollIntoView = jest.fn();
  beforeEach(() => {
    scrollIntoView.mockReset();
    Element.prototype.scrollIntoView = scrollIntoView;
  });

  it('shows every check of the six scorecards under its id, with criterion, why, setting and steps', async () => {
    const { container } = await renderInTestApp(<CloudflareRemediationPage />);
    for (const { title } of CLOUDFLARE_SCORECARDS) {
      expect(screen.getByText(title)).toBeInTheDocument();
    }
    for (const id of CLOUDFLARE_CHECK_IDS) {
      expect(container.querySelector(`section#${id}`)).not.toBeNull();
    }
    const token = within(
      container.querySelector<HTMLElement>('#cloudflareApiTokenHygiene')!,
    );
    expect(
      token.getByText('CC6.1 Logical access security'),
    ).toBeInTheDocument();
    expect(
      token.getByText(CLOUDFLARE_REMEDIATIONS.cloudflareApiTokenHygiene.why),
    ).toBeInTheDocument();
    expect(token.getAllByRole('listitem')).toHaveLength(
      CLOUDFLARE_REMEDIATIONS.cloudflareApiTokenHygiene.steps.length,
    );
    expect(
      token.getByRole('link', { name: 'Runbook in TechDocs' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/component/cloudflare-suite/soc2-remediation/#cloudflareApiTokenHygiene',
    );
    expect(scrollIntoView).not.toHaveBeenCalled();
  });

  it('is the /remediation route of the posture page and scrolls to the check of the hash', async () => {
    const { container } = await renderInTestApp(
      <CloudflarePostureRoutes content />,
      { routeEntries: ['/remediation#cloudflareR2RegulatedLifecycle'] },
    );
    const section = container.querySelector('#cloudflareR2RegulatedLifecycle');
    expect(section).not.toBeNull();
    expect(
      within(section as HTMLElement).getByText(
        'C1.2 Disposal of confidential information',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(scrollIntoView).toHaveBeenCalledTimes(1));
    expect(scrollIntoView.mock.contexts[0]).toBe(section);
  });
});
