import {
  DEMO_API_TOKEN_WITHOUT_ANALYTICS,
  DemoAccountState,
  createScaleAccountData,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { useDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { demoContext } from '../__testUtils__/areaContext';
import { expectNoCanary, failure } from '../__testUtils__/demo';
import { GRAPHQL_NOT_EXPOSED_REASON } from '../graphql';
import { DurableObjectsApi } from './durableObjects';

const SESSION = 'b4c3d2e1f0a94b8c7d6e5f4a3b2c1d0e';
const OBJECTS =
  'GET /accounts/:account_id/workers/durable_objects/namespaces/:id/objects';

describe('DurableObjectsApi', () => {
  const demo = useDemoAccount();

  it('lists classes with script, storage, tags and object counts, "at least" beyond two pages', async () => {
    const ctx = demoContext();
    const classes = await new DurableObjectsApi(ctx).listClasses();
    expect(classes.map(c => [c.class, c.script, c.storage])).toEqual([
      ['SessionCoordinator', 'acme-session', 'sqlite'],
      ['RateLimiter', 'acme-api', 'kv'],
      ['ChatRoom', 'acme-chat', 'sqlite'],
      ['RendererContainer', 'acme-renderer', 'sqlite'],
    ]);
    expect(classes[0]).toEqual({
      namespaceId: SESSION,
      name: 'acme-session_SessionCoordinator',
      class: 'SessionCoordinator',
      script: 'acme-session',
      storage: 'sqlite',
      objects: {
        count: 2000,
        withStoredData: expect.any(Number),
        complete: false,
      },
      tags: expect.any(Object),
    });
    expect(classes[1].objects).toEqual({
      count: 120,
      withStoredData: demo.state.data.durableObjects.objects[
        classes[1].namespaceId
      ].filter(o => o.hasStoredData).length,
      complete: true,
    });
    expect(classes.map(c => c.objects?.count)).toEqual([2000, 120, 15, 2]);
    expect(demo.state.callCounts()[OBJECTS]).toBe(5);
    expectNoCanary(classes);
    expect(JSON.stringify(classes)).not.toMatch(/[0-9a-f]{64}/);
  });

  it('spends at most objectCountCalls pages in all: later namespaces get no count', async () => {
    const classes = await new DurableObjectsApi(demoContext()).listClasses({
      objectCountCalls: 3,
      tags: {},
    });
    expect(classes.map(c => c.objects?.count)).toEqual([
      2000,
      120,
      undefined,
      undefined,
    ]);
    expect(demo.state.callCounts()[OBJECTS]).toBe(3);
    expect(demo.state.callCounts()).not.toHaveProperty(
      'GET /accounts/:account_id/tags/resources',
    );
  });

  it("reads a class's last 24 hours in one GraphQL query", async () => {
    const ctx = demoContext();
    const now = new Date();
    const metrics = await new DurableObjectsApi(ctx).getMetrics(
      'SessionCoordinator',
      now,
    );
    expect(metrics).toEqual({
      class: 'SessionCoordinator',
      namespaceIds: [SESSION],
      scripts: ['acme-session'],
      storage: 'sqlite',
      from: new Date(now.getTime() - 86_400_000).toISOString(),
      to: now.toISOString(),
      exposed: true,
      requests: 182_400,
      errors: 730,
      errorRate: 730 / 182_400,
      webSocketMessagesIn: 1_204_000,
      webSocketMessagesOut: 1_530_000,
      webSocketConnectionsMax: 1_840,
      storedBytes: 48_213_504,
    });
    expect(demo.state.callCounts()['POST /graphql']).toBe(1);
    expectNoCanary(metrics);
  });

  it('gives a KV-backed class no storage figure, and a class without traffic no error rate', async () => {
    const api = new DurableObjectsApi(demoContext());
    const limiter = await api.getMetrics('RateLimiter');
    expect(limiter).toMatchObject({
      storage: 'kv',
      requests: 2_640_000,
      errors: 264,
    });
    expect(limiter).not.toHaveProperty('storedBytes');
    demo.state.data.durableObjects.analytics[
      demo.state.data.durableObjects.namespaces[3].id
    ] = {
      ...demo.state.data.durableObjects.analytics[SESSION],
      requests: 0,
      errors: 0,
    };
    const quiet = await api.getMetrics('RendererContainer');
    expect(quiet.requests).toBe(0);
    expect(quiet).not.toHaveProperty('errorRate');
  });

  it('says "not exposed" when the token may not read analytics', async () => {
    const metrics = await new DurableObjectsApi(
      demoContext({ token: DEMO_API_TOKEN_WITHOUT_ANALYTICS }),
    ).getMetrics('ChatRoom');
    expect(metrics).toMatchObject({
      class: 'ChatRoom',
      exposed: false,
      notExposedReason: GRAPHQL_NOT_EXPOSED_REASON,
    });
    expect(metrics).not.toHaveProperty('requests');
  });

  it('answers an unknown class with not-found before any GraphQL query', async () => {
    const err = await failure(
      new DurableObjectsApi(demoContext()).getMetrics('NoSuchClass'),
    );
    expect(err).toMatchObject({
      kind: 'not-found',
      operation: 'durableObjects.getMetrics',
    });
    expect(demo.state.callCounts()).not.toHaveProperty('POST /graphql');
  });

  it('reads the metrics of every namespace in one query, by namespace id', async () => {
    demo.state.data = createScaleAccountData({
      seed: 5,
      counts: { durableObjects: 30 },
    });
    const ids = demo.state.data.durableObjects.namespaces.map(n => n.id);
    const read = await new DurableObjectsApi(demoContext()).namespaceMetrics(
      ids,
    );
    if (!read.exposed) throw new Error('expected metrics');
    expect([...read.byNamespace.keys()]).toEqual(ids);
    expect(read.byNamespace.get(ids[0])?.requests).toBe(
      demo.state.data.durableObjects.analytics[ids[0]].requests,
    );
    expect(demo.state.callCounts()['POST /graphql']).toBe(1);
    expect(
      new DemoAccountState().tokens.has(DEMO_API_TOKEN_WITHOUT_ANALYTICS),
    ).toBe(true);
  });

  it('asks for at most 200 namespaces a query', async () => {
    demo.state.data = createScaleAccountData({
      seed: 6,
      counts: { durableObjects: 250 },
    });
    const ids = demo.state.data.durableObjects.namespaces.map(n => n.id);
    const read = await new DurableObjectsApi(demoContext()).namespaceMetrics(
      ids,
    );
    if (!read.exposed) throw new Error('expected metrics');
    expect(read.byNamespace.size).toBe(250);
    expect(read.byNamespace.get(ids[249])?.requests).toBe(
      demo.state.data.durableObjects.analytics[ids[249]].requests,
    );
    expect(demo.state.callCounts()['POST /graphql']).toBe(2);
  });
});
