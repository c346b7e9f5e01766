import { ALL_SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import {
  DEMO_MAP_CONTEXT,
  annotationDependsOn,
  demoClient,
  demoState,
} from '../__testUtils__/demo';
import { aiSearchArea } from './aiSearch';

const NAMESPACES = 'GET /accounts/:account_id/ai-search/namespaces';
const JOBS = `${NAMESPACES}/:name/instances/:id/jobs`;
const DAY_MS = 86_400_000;

describe('aiSearchArea', () => {
  it('reads the instances of every namespace and one jobs page each', async () => {
    const state = demoState();
    const read = await aiSearchArea.read(demoClient(state), undefined);
    expect(state.callCounts()).toEqual({
      [NAMESPACES]: 1,
      [`${NAMESPACES}/:name/instances`]: 2,
      [JOBS]: 3,
    });
    expect(Object.keys(read.histories)).toEqual([
      'acme-site-index',
      'acme-docs-search',
      'support/acme-support-kb',
    ]);
  });

  it('maps each instance with its connector, last crawl and relations to its R2 bucket and AI Gateway', async () => {
    const read = await aiSearchArea.read(demoClient(), undefined);
    const entities = aiSearchArea
      .map(read, DEMO_MAP_CONTEXT)
      .map(e => e.entity);
    const byName = Object.fromEntries(entities.map(e => [e.metadata.name, e]));
    const site = byName['cf-ai-search-acme-site-index'];
    expect(site.metadata).toMatchObject({
      description:
        'Cloudflare AI Search instance acme-site-index indexing https://acme-org.org',
      tags: ['cloudflare', 'ai-search', 'website'],
      annotations: { 'cloudflare.com/resource-id': 'acme-site-index' },
    });
    expect(site.spec).toEqual({
      type: 'cloudflare-ai-search',
      owner: 'group:default/platform',
      dependsOn: ['resource:default/cf-ai-gateway-acme-ai-gateway'],
      parameters: {
        accountId: DEMO_MAP_CONTEXT.accountId,
        instanceId: 'acme-site-index',
        namespace: 'default',
        connectors: ['website'],
        source: 'https://acme-org.org',
        status: 'ready',
        enabled: true,
        paused: false,
        syncIntervalSeconds: 21600,
        embeddingModel: '@cf/baai/bge-m3',
        aiGatewayId: 'acme-ai-gateway',
        lastCrawlAt: expect.any(String),
        lastCrawlOutcome: 'succeeded',
        lastSuccessfulCrawlAt: expect.any(String),
        crawlsReadSince: expect.any(String),
        allCrawlsRead: true,
      },
    });
    const params = site.spec!.parameters as Record<string, string>;
    expect(params.lastSuccessfulCrawlAt).toBe(params.lastCrawlAt);

    const docs = byName['cf-ai-search-acme-docs-search'];
    expect(docs.spec).toMatchObject({
      dependsOn: ['resource:default/cf-r2-acme-static-assets'],
      parameters: {
        connectors: ['r2'],
        source: 'acme-static-assets',
        sourcePrefix: 'docs/',
        status: 'error',
        lastCrawlOutcome: 'failed',
      },
    });
    const docsParams = docs.spec!.parameters as Record<string, string>;
    expect(
      Date.now() - Date.parse(docsParams.lastSuccessfulCrawlAt),
    ).toBeGreaterThan(7 * DAY_MS);
    expect(docsParams).not.toHaveProperty('aiGatewayId');

    const kb = entities.find(
      e => (e.spec!.parameters as any).instanceId === 'acme-support-kb',
    )!;
    expect(kb.metadata).toMatchObject({
      name: expect.stringMatching(
        /^cf-ai-search-support-acme-support-kb-[0-9a-f]{8}$/,
      ),
      title: 'support/acme-support-kb',
    });
    expect(kb.spec!.dependsOn).toEqual([
      'resource:default/cf-ai-gateway-acme-support-bot',
      'resource:default/cf-r2-acme-prod-artifacts',
    ]);

    // people's emails and crawler headers never reach an entity
    const json = JSON.stringify(entities);
    for (const secret of [
      ...ALL_SECRET_CANARIES,
      '@acme-org.org',
      'X-Acme-Crawler-Token',
    ])
      expect(json).not.toContain(secret);
  });

  it('keeps no history for an instance deleted between the list and its jobs read', async () => {
    const state = demoState();
    state.addFault({
      route: '/ai-search/namespaces/default/instances/acme-docs-search/jobs',
      fault: { kind: 'server-error', status: 404 },
    });
    const read = await aiSearchArea.read(demoClient(state), undefined);
    expect(read.indexes).toHaveLength(3);
    expect(Object.keys(read.histories)).not.toContain('acme-docs-search');
    const docs = aiSearchArea
      .map(read, DEMO_MAP_CONTEXT)
      .find(e => e.entity.metadata.name === 'cf-ai-search-acme-docs-search')!;
    expect(docs.entity.spec!.parameters).not.toHaveProperty(
      'lastSuccessfulCrawlAt',
    );
  });

  it("relates a Component's cloudflare.com/ai-search annotation to the instance's entity", async () => {
    expect(
      await annotationDependsOn({
        'cloudflare.com/ai-search': 'acme-site-index',
      }),
    ).toContain('resource:default/cf-ai-search-acme-site-index');
  });
});
