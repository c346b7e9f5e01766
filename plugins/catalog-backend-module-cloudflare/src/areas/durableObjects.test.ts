import {
  ALL_SECRET_CANARIES,
  DEMO_API_TOKEN_WITHOUT_ANALYTICS,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import {
  DEMO_MAP_CONTEXT,
  annotationDependsOn,
  demoClient,
  demoFetch,
  demoState,
  dependsOnOf,
  runDemoAreas,
  singleAccountConfig,
} from '../__testUtils__/demo';
import { durableObjectsArea } from './durableObjects';
import { workersArea } from './workers';

const SESSION = 'b4c3d2e1f0a94b8c7d6e5f4a3b2c1d0e';

describe('durableObjectsArea', () => {
  it('maps each namespace by class, with its script, storage, object count and last 24 hours', async () => {
    const state = demoState();
    const read = await durableObjectsArea.read(demoClient(state), undefined, {
      tags: {},
    });
    expect(state.callCounts()).toEqual({
      // the list, and the list again with the object counts (a live detail of the memo)
      'GET /accounts/:account_id/workers/durable_objects/namespaces': 4,
      'GET /accounts/:account_id/workers/durable_objects/namespaces/:id/objects': 5,
      'POST /graphql': 1,
    });
    const entities = durableObjectsArea
      .map(read, DEMO_MAP_CONTEXT)
      .map(e => e.entity);
    expect(entities.map(e => e.metadata.name)).toEqual([
      'cf-do-SessionCoordinator',
      'cf-do-RateLimiter',
      'cf-do-ChatRoom',
      'cf-do-RendererContainer',
    ]);
    expect(entities[0].metadata).toMatchObject({
      description:
        'Cloudflare Durable Object class SessionCoordinator hosted by Worker acme-session',
      tags: ['cloudflare', 'durable-object', 'sqlite'],
      annotations: { 'cloudflare.com/resource-id': SESSION },
    });
    expect(entities[0].spec).toEqual({
      type: 'cloudflare-durable-object',
      owner: 'group:default/platform',
      dependsOn: ['resource:default/cf-worker-acme-session'],
      parameters: {
        accountId: DEMO_MAP_CONTEXT.accountId,
        namespaceId: SESSION,
        namespaceName: 'acme-session_SessionCoordinator',
        class: 'SessionCoordinator',
        workerScript: 'acme-session',
        storage: 'sqlite',
        objectCount: 2000,
        objectCountComplete: false,
        metricsExposed: true,
        requests: 182_400,
        errors: 730,
        errorRate: 730 / 182_400,
        webSocketMessagesIn: 1_204_000,
        webSocketMessagesOut: 1_530_000,
        webSocketConnectionsMax: 1_840,
        storedBytes: 48_213_504,
      },
    });
    expect(entities[1].spec?.parameters).toMatchObject({
      storage: 'kv',
      objectCount: 120,
      objectCountComplete: true,
      webSocketMessagesIn: 0,
    });
    expect(entities[1].spec?.parameters).not.toHaveProperty('storedBytes');
    expect(entities[2].spec?.parameters).toMatchObject({
      errorRate: 1_310 / 41_200,
    });
    const json = JSON.stringify(entities);
    for (const canary of ALL_SECRET_CANARIES)
      expect(json).not.toContain(canary);
  });

  it('marks metrics not exposed, with no metric, when the token may not read analytics', async () => {
    const state = demoState();
    const client = CloudflareClient.fromConfig(
      singleAccountConfig({ apiToken: DEMO_API_TOKEN_WITHOUT_ANALYTICS }),
      { fetch: demoFetch(state) },
    );
    const read = await durableObjectsArea.read(client, undefined, { tags: {} });
    const [entity] = durableObjectsArea
      .map(read, DEMO_MAP_CONTEXT)
      .map(e => e.entity);
    expect(entity.spec?.parameters).toMatchObject({
      metricsExposed: false,
      metricsNotExposedReason: expect.stringMatching(/Account Analytics Read/),
    });
    expect(entity.spec?.parameters).not.toHaveProperty('errorRate');
    expect(entity.spec?.parameters).not.toHaveProperty('requests');
  });

  it("keeps the last run's metrics when analytics fail, and fails a first run", async () => {
    const state = demoState();
    const client = demoClient(state);
    const first = await durableObjectsArea.read(client, undefined, {
      tags: {},
    });
    state.addFault({ route: '/graphql', fault: { kind: 'server-error' } });
    const second = await durableObjectsArea.read(client, first, { tags: {} });
    expect(second.metrics).toBe(first.metrics);
    await expect(
      durableObjectsArea.read(client, undefined, { tags: {} }),
    ).rejects.toMatchObject({ kind: 'unavailable' });
  });

  it("relates a Worker's binding, a Component's cloudflare.com/durable-object annotation and the hosting Worker to one entity", async () => {
    const [workers, durableObjects] = await runDemoAreas({
      workers: workersArea,
      durableObjects: durableObjectsArea,
    });
    // Entity refs are case-insensitive; Backstage writes them lower-cased.
    const session = 'resource:default/cf-do-sessioncoordinator';
    expect(dependsOnOf(workers.entities, 'cf-worker-acme-api')).toContain(
      session,
    );
    expect(dependsOnOf(workers.entities, 'cf-worker-acme-session')).toContain(
      session,
    );
    expect(
      await annotationDependsOn({
        'cloudflare.com/durable-object': 'SessionCoordinator',
      }),
    ).toEqual([session]);
    expect(dependsOnOf(durableObjects.entities, 'cf-do-ChatRoom')).toEqual([
      'resource:default/cf-worker-acme-chat',
    ]);
  });
});
