import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import plugin, {
  cloudflareEntityCards,
  cloudflareEntityContent,
  cloudflarePosturePage,
  cloudflareResourceEntityContent,
} from './alpha';
import {
  cloudflareApiRef,
  cloudflareScorecardApiRef,
  ScorecardApi,
} from './api';
import { zeroTrustUsers } from './__fixtures__/envelopes';
import {
  answerReads,
  component,
  mockCloudflareApi,
  resource,
} from './testUtils';

describe('alpha plugin', () => {
  it('is the cloudflare plugin with its extensions', () => {
    expect(plugin.id).toBe('cloudflare');
    for (const id of [
      'api:cloudflare',
      'api:cloudflare/scorecards',
      'entity-content:cloudflare',
      'entity-content:cloudflare/resource',
      'page:cloudflare',
      'entity-card:cloudflare/workers',
      'entity-card:cloudflare/pages',
      'entity-card:cloudflare/zeroTrust',
    ]) {
      expect(plugin.getExtension(id as any)).toBeDefined();
    }
  });

  it('puts the Component tab at /cloudflare, only for annotated Components', () => {
    const tester = createExtensionTester(cloudflareEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('/cloudflare');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Cloudflare',
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(component('a', { 'cloudflare.com/worker': 'w' }))).toBe(true);
    expect(filter(component('a'))).toBe(false);
    expect(filter(resource('cf-worker-w', 'cloudflare-worker'))).toBe(false);
  });

  it('puts the Resource tab on cloudflare-* Resources only', () => {
    const tester = createExtensionTester(cloudflareResourceEntityContent);
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(resource('cf-kv-x', 'cloudflare-kv'))).toBe(true);
    expect(filter(resource('db', 'database'))).toBe(false);
  });

  it('generates one entity card per card descriptor, for annotated Components and the area Resources', () => {
    const filterOf = (id: keyof typeof cloudflareEntityCards) =>
      createExtensionTester(cloudflareEntityCards[id]).get(
        EntityCardBlueprint.dataRefs.filterFunction,
      )!;
    const workers = filterOf('workers');
    expect(workers(component('a', { 'cloudflare.com/worker': 'w' }))).toBe(
      true,
    );
    expect(workers(component('a', { 'cloudflare.com/pages': 'p' }))).toBe(
      false,
    );
    expect(workers(resource('cf-worker-w', 'cloudflare-worker'))).toBe(true);
    const zeroTrust = filterOf('zeroTrust');
    expect(zeroTrust(resource('cf-zt-acme', 'cloudflare-zero-trust'))).toBe(
      true,
    );
    expect(zeroTrust(component('a', { 'cloudflare.com/worker': 'w' }))).toBe(
      false,
    );
  });

  it('renders the posture page at /cloudflare with a nav title', async () => {
    const tester = createExtensionTester(cloudflarePosturePage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/cloudflare');
    expect(tester.get(coreExtensionData.title)).toBe('Cloudflare');
    const cloudflare = mockCloudflareApi();
    cloudflare.listEvidence.mockResolvedValue({ items: [] });
    cloudflare.getAcceptance.mockResolvedValue({
      measuredAt: '',
      criteria: [],
    });
    answerReads(cloudflare, { 'zeroTrust.users': zeroTrustUsers });
    renderInTestApp(tester.reactElement(), {
      apis: [
        [cloudflareApiRef, cloudflare],
        [
          cloudflareScorecardApiRef,
          {
            getChecks: async () => [],
            runBulkChecks: async () => [],
            runChecks: async () => [],
            getLatestFacts: async () => ({}),
            refresh: async () => ({
              entityRef: '',
              retrievers: [],
              triggeredAt: '',
            }),
            getHistory: async () => ({ days: [], truncated: false }),
          } satisfies ScorecardApi,
        ],
        [catalogApiRef, { getEntities: async () => ({ items: [] }) } as any],
      ],
    });
    expect(await screen.findByText('Catalog coverage')).toBeInTheDocument();
    expect(
      await screen.findByText('No evidence snapshots yet'),
    ).toBeInTheDocument();
  });
});
