import {
  ALL_SECRET_CANARIES,
  DEMO_API_TOKEN_WITHOUT_ANALYTICS,
  DemoAccountState,
  createDemoAccountData,
  createScaleAccountData,
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
import {
  durableObjectResourceNames,
  durableObjectsArea,
} from './durableObjects';
import { workersArea } from './workers';

const SESSION = 'b4c3d2e1f0a94b8c7d6e5f4a3b2c1d0e';
const CHAT_SESSION = '5e55105e55105e55105e55105e55105e';

/**
 * The demo account where `acme-chat` hosts a `SessionCoordinator` class too (as `acme-session`
 * does), bound from acme-chat by class only (`LOCAL_SESSIONS`: its own script).
 */
function twoSessionCoordinators() {
  const data = createDemoAccountData();
  data.durableObjects.namespaces.push({
    id: CHAT_SESSION,
    name: 'acme-chat_SessionCoordinator',
    class: 'SessionCoordinator',
    script: 'acme-chat',
    use_sqlite: true,
  });
  data.workers.settings['acme-chat'].bindings!.push({
    type: 'durable_object_namespace',
    name: 'LOCAL_SESSIONS',
    class_name: 'SessionCoordinator',
  });
  return data;
}

const doRefs = (refs: unknown[] | undefined) =>
  (refs ?? []).filter(
    r => typeof r === 'string' && r.startsWith('resource:default/cf-do-'),
  );

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

  it('names two namespaces of one class in two Workers apart, and relates each Worker to its own', async () => {
    const data = twoSessionCoordinators();
    const [workers, durableObjects] = await runDemoAreas(
      { workers: workersArea, durableObjects: durableObjectsArea },
      new DemoAccountState({ data }),
    );
    const names = durableObjects.entities.map(e => e.entity.metadata.name);
    expect([...names].sort()).toEqual([
      'cf-do-ChatRoom',
      'cf-do-RateLimiter',
      'cf-do-RendererContainer',
      'cf-do-SessionCoordinator-acme-chat',
      'cf-do-SessionCoordinator-acme-session',
    ]);
    const inSession = 'resource:default/cf-do-sessioncoordinator-acme-session';
    const inChat = 'resource:default/cf-do-sessioncoordinator-acme-chat';
    // acme-api: namespace id and script_name; acme-session: namespace id; acme-chat: class only
    expect(doRefs(dependsOnOf(workers.entities, 'cf-worker-acme-api'))).toEqual(
      [inSession],
    );
    expect(
      doRefs(dependsOnOf(workers.entities, 'cf-worker-acme-session')),
    ).toEqual([inSession]);
    expect(
      doRefs(dependsOnOf(workers.entities, 'cf-worker-acme-chat')),
    ).toEqual([inChat]);
    expect(
      dependsOnOf(
        durableObjects.entities,
        'cf-do-SessionCoordinator-acme-chat',
      ),
    ).toEqual(['resource:default/cf-worker-acme-chat']);
    // The annotation takes `<class>-<script>` for a class two Workers host.
    expect(
      await annotationDependsOn({
        'cloudflare.com/durable-object': 'SessionCoordinator-acme-chat',
      }),
    ).toEqual([inChat]);
    expect(
      await annotationDependsOn({
        'cloudflare.com/durable-object': 'SessionCoordinator',
      }),
    ).not.toContain(inChat);
  });

  it('resolves a binding without a namespace id by its script_name and class', async () => {
    const data = twoSessionCoordinators();
    const api = data.workers.settings['acme-api'].bindings!;
    const i = api.findIndex(b => b.type === 'durable_object_namespace');
    api[i] = {
      type: 'durable_object_namespace',
      name: 'SESSIONS',
      class_name: 'SessionCoordinator',
      script_name: 'acme-chat',
    };
    const [workers] = await runDemoAreas(
      { workers: workersArea, durableObjects: durableObjectsArea },
      new DemoAccountState({ data }),
    );
    expect(doRefs(dependsOnOf(workers.entities, 'cf-worker-acme-api'))).toEqual(
      ['resource:default/cf-do-sessioncoordinator-acme-chat'],
    );
  });

  it('names namespaces the same whatever their order', async () => {
    const read = await durableObjectsArea.read(
      demoClient(new DemoAccountState({ data: twoSessionCoordinators() })),
      undefined,
      { tags: {} },
    );
    const names = (classes: typeof read.classes) =>
      durableObjectsArea
        .map({ ...read, classes }, DEMO_MAP_CONTEXT)
        .map(e => e.entity.metadata.name)
        .sort();
    expect(names([...read.classes].reverse())).toEqual(names(read.classes));
    expect(
      durableObjectResourceNames([
        { namespaceId: 'a', class: 'Room', script: 'w' },
        { namespaceId: 'b', class: 'Room', script: 'w' },
        { namespaceId: 'c', class: 'Room' },
        { namespaceId: 'd', class: 'Solo', script: 'w' },
      ]),
    ).toEqual(
      new Map([
        ['a', 'Room-w-a'],
        ['b', 'Room-w-b'],
        ['c', 'Room-c'],
        ['d', 'Solo'],
      ]),
    );
  });

  it('gives every namespace of a generated account a unique, valid entity name', async () => {
    const state = new DemoAccountState({
      data: createScaleAccountData({
        seed: 11,
        counts: { durableObjects: 60, workers: 0, pages: 0 },
      }),
    });
    const read = await durableObjectsArea.read(demoClient(state), undefined, {
      tags: {},
    });
    const names = durableObjectsArea
      .map(read, DEMO_MAP_CONTEXT)
      .map(e => e.entity.metadata.name);
    expect(names).toHaveLength(60);
    expect(new Set(names).size).toBe(60);
    for (const name of names)
      expect(name).toMatch(/^cf-do-ScaleObject-scale-worker-\d+$/);
  });
});
