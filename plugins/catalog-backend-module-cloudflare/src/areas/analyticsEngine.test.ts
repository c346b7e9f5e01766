import { ALL_SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import {
  DEMO_MAP_CONTEXT,
  annotationDependsOn,
  demoClient,
  demoState,
  dependsOnOf,
  demoIngestion,
  runDemoAreas,
} from '../__testUtils__/demo';
import { analyticsEngineArea } from './analyticsEngine';
import { workersArea } from './workers';

const SETTINGS =
  'GET /accounts/:account_id/workers/scripts/:script_name/settings';

describe('analyticsEngineArea', () => {
  it("maps every dataset a Worker binds, reading the Workers' settings itself when the run has no Workers read", async () => {
    const state = demoState();
    const read = await analyticsEngineArea.read(demoClient(state), undefined);
    expect(state.callCounts()).toMatchObject({
      'GET /accounts/:account_id/workers/scripts': 1,
      [SETTINGS]: state.data.workers.scripts.length,
    });
    const entities = analyticsEngineArea
      .map(read, DEMO_MAP_CONTEXT)
      .map(e => e.entity);
    expect(entities.map(e => e.metadata.name)).toEqual([
      'cf-analytics-engine-acme_analytics',
    ]);
    expect(entities[0].metadata).toMatchObject({
      description: 'Workers Analytics Engine dataset acme_analytics',
      tags: ['cloudflare', 'analytics-engine'],
    });
    expect(entities[0].spec).toEqual({
      type: 'cloudflare-analytics-engine',
      owner: 'group:default/platform',
      parameters: {
        accountId: DEMO_MAP_CONTEXT.accountId,
        dataset: 'acme_analytics',
        workers: ['acme-api', 'acme-chat'],
      },
    });
    const json = JSON.stringify(entities);
    for (const canary of ALL_SECRET_CANARIES)
      expect(json).not.toContain(canary);
  });

  it("takes the datasets from the run's Workers read: no settings read twice", async () => {
    const state = demoState();
    const ingestion = demoIngestion();
    const lastGood = ingestion.lastGood;
    const [workers, datasets] = await runDemoAreas(
      { workers: workersArea, analyticsEngine: analyticsEngineArea },
      state,
      ingestion,
    );
    expect(datasets.status).toBe('ok');
    expect(state.callCounts()[SETTINGS]).toBe(
      state.data.workers.scripts.length,
    );
    expect(
      state.callCounts()['GET /accounts/:account_id/workers/scripts'],
    ).toBe(1);
    expect(lastGood.get('analyticsEngine')).toEqual([
      { name: 'acme_analytics', workers: ['acme-api', 'acme-chat'] },
    ]);
    // Relations: the binding Workers depend on the dataset, and so does an annotated Component.
    for (const script of ['cf-worker-acme-api', 'cf-worker-acme-chat']) {
      expect(dependsOnOf(workers.entities, script)).toContain(
        'resource:default/cf-analytics-engine-acme_analytics',
      );
    }
    expect(
      await annotationDependsOn({
        'cloudflare.com/analytics-engine': 'acme_analytics',
      }),
    ).toContain('resource:default/cf-analytics-engine-acme_analytics');
  });

  it("answers readOf only for areas read earlier in the run's order", async () => {
    const seen: Record<string, unknown> = {};
    const datasetsArea = {
      ...analyticsEngineArea,
      read: async (...args: Parameters<typeof analyticsEngineArea.read>) => {
        const run = args[2];
        seen.workers = run?.readOf?.(workersArea);
        // Its own last good read exists, but the area itself is not earlier than itself.
        seen.itself = run?.readOf?.(datasetsArea);
        return analyticsEngineArea.read(...args);
      },
    };
    const ingestion = demoIngestion();
    const lastGood = ingestion.lastGood;
    lastGood.set('analyticsEngine', [{ name: 'old', workers: [] }]);
    await runDemoAreas(
      { workers: workersArea, analyticsEngine: datasetsArea },
      demoState(),
      ingestion,
    );
    expect(seen.itself).toBeUndefined();
    expect(seen.workers).toBe(lastGood.get('workers'));
    expect((seen.workers as unknown[]).length).toBeGreaterThan(0);
  });
});
