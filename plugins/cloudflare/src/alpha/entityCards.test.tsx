import { Entity } from '@backstage/catalog-model';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import plugin from '../alpha';
import { component, resource } from '../testUtils';
import { cloudflareScorecardsEntityCard } from './entityCards';
import { cloudflarePosturePage } from './pages';

const entity = (kind: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x', namespace: 'default' },
});

describe('entity-card:cloudflare/scorecards', () => {
  it('is part of the plugin, enabled', () => {
    const card = plugin.getExtension('entity-card:cloudflare/scorecards');
    expect(card).toBeDefined();
    expect((card as unknown as { disabled: boolean }).disabled).toBe(false);
  });

  it('applies to Groups, Systems, suite Resources and annotated Components only', () => {
    const filter = createExtensionTester(cloudflareScorecardsEntityCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    expect(filter(entity('Group'))).toBe(true);
    expect(filter(entity('System'))).toBe(true);
    expect(filter(resource('cf-r2-b', 'cloudflare-r2'))).toBe(true);
    expect(filter(component('a', { 'cloudflare.com/worker': 'w' }))).toBe(true);
    expect(filter(component('a'))).toBe(false);
    expect(filter(resource('db', 'database'))).toBe(false);
    expect(filter(entity('User'))).toBe(false);
  });
});

describe('page:cloudflare', () => {
  it('routes /remediation to the remediation page', async () => {
    const tester = createExtensionTester(cloudflarePosturePage);
    renderInTestApp(tester.reactElement(), {
      initialRouteEntries: ['/remediation'],
    });
    // The page's routes are a lazy import: on a loaded machine they take more than findBy's 1 s.
    expect(
      await screen.findByText(
        /What to change in Cloudflare/,
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(document.getElementById('cloudflareQueueBacklog')).not.toBeNull();
  });
});
