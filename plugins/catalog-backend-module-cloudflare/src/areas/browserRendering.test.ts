import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { ALL_SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import {
  DEMO_MAP_CONTEXT,
  annotationDependsOn,
  demoClient,
  demoFetch,
  demoState,
  runDemoAreas,
  singleAccountConfig,
} from '../__testUtils__/demo';
import { readProviderConfigs } from '../providers/CloudflareEntityProviderConfig';
import { browserRenderingArea } from './browserRendering';
import { workersArea } from './workers';

describe('browserRenderingArea', () => {
  it('maps one Resource per account, named and planned by configuration, after one session read', async () => {
    const state = demoState();
    const client = CloudflareClient.fromConfig(
      singleAccountConfig({
        browserRendering: { name: 'acme-browser', plan: 'paid' },
      }),
      { fetch: demoFetch(state) },
    );
    const read = await browserRenderingArea.read(client, undefined);
    expect(state.callCounts()).toEqual({
      'GET /accounts/:account_id/browser-rendering/devtools/session': 1,
    });
    const entities = browserRenderingArea
      .map(read, DEMO_MAP_CONTEXT)
      .map(e => e.entity);
    expect(entities).toHaveLength(1);
    expect(entities[0].metadata).toMatchObject({
      name: 'cf-browser-rendering-acme-browser',
      description: 'Headless browser pool for capture/render (Browser Run)',
      tags: ['cloudflare', 'browser-rendering'],
    });
    expect(entities[0].spec).toEqual({
      type: 'cloudflare-browser-rendering',
      owner: 'group:default/platform',
      parameters: {
        accountId: DEMO_MAP_CONTEXT.accountId,
        name: 'acme-browser',
        plan: 'paid',
        usageWindow: '24h',
        workers: [],
      },
    });
  });

  it('is named by the account id when no name is configured, and states no plan', async () => {
    const read = await browserRenderingArea.read(demoClient(), undefined);
    const [{ entity }] = browserRenderingArea.map(read, DEMO_MAP_CONTEXT);
    expect(entity.metadata.name).toBe(
      `cf-browser-rendering-${DEMO_MAP_CONTEXT.accountId}`,
    );
    expect(entity.spec?.parameters).not.toHaveProperty('plan');
  });

  it("is a dependency of every Worker with a browser binding, from the run's Workers read", async () => {
    const state = demoState();
    const [workers, browser] = await runDemoAreas(
      { workers: workersArea, browserRendering: browserRenderingArea },
      state,
    );
    expect(browser.status).toBe('ok');
    const [{ entity }] = browser.entities;
    expect(entity.spec?.dependencyOf).toEqual([
      'resource:default/cf-worker-acme-renderer',
    ]);
    expect(entity.spec?.parameters).toMatchObject({
      workers: ['acme-renderer'],
    });
    expect(
      workers.entities.some(
        e => e.entity.metadata.name === 'cf-worker-acme-renderer',
      ),
    ).toBe(true);
    expect(
      await annotationDependsOn({
        'cloudflare.com/browser-rendering': DEMO_MAP_CONTEXT.accountId,
      }),
    ).toContain(
      `resource:default/cf-browser-rendering-${DEMO_MAP_CONTEXT.accountId}`,
    );
    const json = JSON.stringify(browser.entities);
    for (const canary of ALL_SECRET_CANARIES)
      expect(json).not.toContain(canary);
  });

  it('fails its read when Cloudflare refuses the session list, so the run keeps its last good entity', async () => {
    const state = demoState();
    state.addFault({
      route: '/browser-rendering/',
      fault: { kind: 'server-error', status: 500 },
    });
    await expect(
      browserRenderingArea.read(demoClient(state), undefined),
    ).rejects.toMatchObject({ operation: 'browserRendering.listSessions' });
  });

  it("gives each account's client its own browserRendering settings, the single account the top-level block's", () => {
    const TOKEN = 'a-token-value-that-is-long-enough-000';
    const OTHER = 'aaaabbbbccccddddeeeeffff00001111';
    const settings = (cloudflare: JsonObject) =>
      readProviderConfigs(new ConfigReader({ cloudflare })).map(c =>
        new CloudflareClient(c.clientConfig).browserRendering.settings(),
      );
    expect(
      settings({
        accountId: DEMO_MAP_CONTEXT.accountId,
        apiToken: TOKEN,
        browserRendering: { name: 'acme-browser', plan: 'paid' },
      }),
    ).toEqual([{ name: 'acme-browser', plan: 'paid' }]);
    expect(
      settings({
        browserRendering: { name: 'ignored', plan: 'paid' },
        accounts: [
          {
            id: 'prod',
            accountId: DEMO_MAP_CONTEXT.accountId,
            apiToken: TOKEN,
            browserRendering: { name: 'prod-browser', plan: 'paid' },
          },
          { id: 'eu', accountId: OTHER, apiToken: TOKEN },
        ],
      }),
    ).toEqual([{ name: 'prod-browser', plan: 'paid' }, { name: OTHER }]);
  });
});
