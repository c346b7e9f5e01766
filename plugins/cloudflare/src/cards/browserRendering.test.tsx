import { Entity } from '@backstage/catalog-model';
import { screen } from '@testing-library/react';
import { browserRenderingRoutes } from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  acmeBrowserResource,
  acmeBrowserSessions,
} from '../__fixtures__/browserRendering';
import { CloudflareEntityCard } from '../components/CloudflareCard';
import { EntityCloudflareResourceContent } from '../components/EntityCloudflareResourceContent';
import { renderEntityContent } from '../__testUtils__/renderEntityContent';
import { component, resource } from '../testUtils';
import {
  browserRenderingCard,
  browserSessionsSummary,
  sessionStatus,
} from './browserRendering';

const render = (entity: Entity, content: JSX.Element, catalog: Entity[]) =>
  renderEntityContent(entity, content, {
    answers: { 'browserRendering.pools': acmeBrowserSessions },
    catalog,
  });

const acmeRenderer = component('acme-renderer', {
  'cloudflare.com/browser-rendering': 'acme-browser',
});

describe('browserRenderingCard', () => {
  it("reads the account's sessions: open or ended, age and close reason, against the plan's documented limit", async () => {
    const api = await render(
      acmeRenderer,
      <CloudflareEntityCard card={browserRenderingCard} />,
      [acmeBrowserResource],
    );
    expect(
      await screen.findByText(
        '1 session open now of 120 concurrent browsers on Workers Paid (documented limit). Browser time used today: no API, see the dashboard. Session URLs are never read out.',
      ),
    ).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(browserRenderingRoutes.pools, {
      params: {},
    });
    expect(screen.getByText('Open')).toBeInTheDocument();
    expect(
      screen.getByText('Ended: Normal Closure (1000)'),
    ).toBeInTheDocument();
    expect(screen.getByText('Ended: BrowserIdle (1011)')).toBeInTheDocument();
    expect(screen.getByText('1m 35s')).toBeInTheDocument();
    expect(screen.getByText('4f0b7c1e')).toBeInTheDocument();
  });

  it("shows on the account's Browser Rendering Resource page", async () => {
    await render(acmeBrowserResource, <EntityCloudflareResourceContent />, []);
    expect(
      await screen.findByText('Browser Rendering sessions'),
    ).toBeInTheDocument();
    expect(await screen.findByText('2m 0s')).toBeInTheDocument();
  });

  it('names both plans when none is configured, and an ended session without a reason', () => {
    expect(
      browserSessionsSummary(
        acmeBrowserSessions.items!.slice(1),
        resource('cf-browser-rendering-x', 'cloudflare-browser-rendering', {}),
      ),
    ).toBe(
      '0 sessions open now (plan not configured: 3 concurrent browsers on Workers Free, 120 on Workers Paid). Browser time used today: no API, see the dashboard. Session URLs are never read out.',
    );
    expect(
      sessionStatus({
        sessionId: 'x',
        open: false,
        startedAt: '2026-11-24T01:00:00.000Z',
        ageSeconds: 1,
      }),
    ).toBe('Ended: no reason given');
  });
});
