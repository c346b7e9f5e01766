import {
  ALL_SECRET_CANARIES,
  DemoAccountState,
  createDemoAccountData,
} from '@cloudflare-backstage/cloudflare-demo-account';
import {
  DEMO_MAP_CONTEXT,
  annotationDependsOn,
  demoClient,
  dependsOnOf,
  runDemoAreas,
} from '../__testUtils__/demo';
import { workersArea } from './workers';
import { QueueRead, queuesArea } from './queues';

const QUEUES = 'GET /accounts/:account_id/queues';

/** A demo account whose clock the test moves (acme-events-dlq grows with it). */
function clockedState() {
  const data = createDemoAccountData();
  const clock = { now: Date.now() };
  const state = new DemoAccountState({ data, now: () => clock.now });
  return { state, clock };
}

const entitiesOf = (read: QueueRead[]) =>
  Object.fromEntries(
    queuesArea
      .map(read, DEMO_MAP_CONTEXT)
      .map(e => [e.entity.metadata.name, e.entity]),
  );

describe('queuesArea', () => {
  it('reads the queues, their event subscriptions and one backlog per queue, and no tags', async () => {
    const { state } = clockedState();
    const read = await queuesArea.read(demoClient(state), undefined, {
      tags: {},
    });
    expect(state.callCounts()).toEqual({
      [QUEUES]: 1,
      'GET /accounts/:account_id/event_subscriptions/subscriptions': 2,
      [`${QUEUES}/:queue_id/metrics`]: 6,
    });
    expect(read.map(r => [r.queue.name, r.backlog?.count])).toEqual([
      ['acme-events', 1243],
      ['acme-events-dlq', 17],
      ['acme-email-outbound', 0],
      ['acme-r2-notifications', 5210],
      ['acme-audit-eu', 88],
      ['acme-audit-eu-dlq', 0],
    ]);
    expect(read.every(r => r.previousBacklog === undefined)).toBe(true);
    expect(queuesArea.names!(read)).toContainEqual([
      '3b8e1f2a9c4d4e5fa6b7c8d9e0f1a2b3',
      'acme-events',
    ]);
  });

  it('maps acme-events to cf-queue-acme-events with its producers, consumers, DLQ and event sources as relations', async () => {
    const { state } = clockedState();
    const read = await queuesArea.read(demoClient(state), undefined, {
      tags: {},
    });
    const byName = entitiesOf(read);
    expect(Object.keys(byName)).toEqual([
      'cf-queue-acme-events',
      'cf-queue-acme-events-dlq',
      'cf-queue-acme-email-outbound',
      'cf-queue-acme-r2-notifications',
      'cf-queue-acme-audit-eu',
      'cf-queue-acme-audit-eu-dlq',
    ]);
    const events = byName['cf-queue-acme-events'];
    expect(events.metadata).toMatchObject({
      description: 'Cloudflare Queue acme-events',
      tags: ['cloudflare', 'queue'],
      annotations: {
        'cloudflare.com/resource-id': '3b8e1f2a9c4d4e5fa6b7c8d9e0f1a2b3',
      },
    });
    expect(events.spec).toEqual({
      type: 'cloudflare-queue',
      owner: 'group:default/platform',
      dependsOn: ['resource:default/cf-queue-acme-events-dlq'],
      dependencyOf: [
        'resource:default/cf-worker-acme-api',
        'resource:default/cf-worker-acme-worker-consumer',
        'resource:default/cf-workflow-acme-etl',
      ],
      parameters: {
        accountId: DEMO_MAP_CONTEXT.accountId,
        queueId: '3b8e1f2a9c4d4e5fa6b7c8d9e0f1a2b3',
        queueName: 'acme-events',
        createdOn: expect.any(String),
        modifiedOn: expect.any(String),
        deliveryPaused: false,
        deliveryDelaySeconds: 0,
        messageRetentionPeriodSeconds: 345_600,
        producers: ['resource:default/cf-worker-acme-api'],
        consumers: ['resource:default/cf-worker-acme-worker-consumer'],
        consumerCount: 1,
        httpPullConsumers: 0,
        consumersWithoutDeadLetterQueue: 0,
        deadLetterQueues: ['acme-events-dlq'],
        deadLetterQueueOf: [],
        eventSubscriptions: [
          {
            name: 'acme-api-build-events',
            enabled: false,
            sourceType: 'workersBuilds.worker',
            source: 'resource:default/cf-worker-acme-api',
            events: ['build.started', 'build.failed', 'build.succeeded'],
          },
          {
            name: 'acme-etl-instance-events',
            enabled: true,
            sourceType: 'workflows.workflow',
            source: 'resource:default/cf-workflow-acme-etl',
            events: [
              'instance.errored',
              'instance.terminated',
              'instance.completed',
            ],
          },
        ],
        backlog: {
          count: 1243,
          bytes: 1243 * 2048,
          oldestMessageAt: expect.any(String),
          observedAt: expect.any(String),
        },
      },
    });
  });

  it('relates R2 producers, account-wide event sources, HTTP pull consumers and dead-letter queues', async () => {
    const { state } = clockedState();
    const byName = entitiesOf(
      await queuesArea.read(demoClient(state), undefined, { tags: {} }),
    );
    expect(byName['cf-queue-acme-r2-notifications'].spec).toMatchObject({
      dependencyOf: [
        'resource:default/cf-r2-acme-prod-artifacts',
        'resource:default/cf-worker-acme-indexer',
      ],
      parameters: { deliveryPaused: true, consumersWithoutDeadLetterQueue: 1 },
    });
    const dlq = byName['cf-queue-acme-events-dlq'];
    expect(dlq.metadata.description).toBe(
      'Cloudflare Queue acme-events-dlq (dead-letter queue of acme-events)',
    );
    expect(dlq.metadata.tags).toEqual([
      'cloudflare',
      'queue',
      'dead-letter-queue',
    ]);
    expect(dlq.spec!.parameters).toMatchObject({
      deadLetterQueueOf: ['acme-events'],
      consumerCount: 0,
    });
    expect(dlq.spec!.dependencyOf).toBeUndefined();
    const email = byName['cf-queue-acme-email-outbound'].spec!;
    expect(email.parameters).toMatchObject({
      consumers: [],
      httpPullConsumers: 1,
      consumersWithoutDeadLetterQueue: 1,
      deadLetterQueues: [],
    });
    const audit = byName['cf-queue-acme-audit-eu'];
    expect(audit.metadata.tags).toEqual(['cloudflare', 'queue', 'eu']);
    // KV and R2 event sources are account-wide: listed, but no one resource to relate.
    expect((audit.spec!.parameters as any).eventSubscriptions).toEqual([
      expect.objectContaining({ sourceType: 'kv', enabled: true }),
      expect.objectContaining({ sourceType: 'r2', enabled: true }),
    ]);
    expect(audit.spec!.dependencyOf).toEqual([
      'resource:default/cf-worker-acme-api',
      'resource:default/cf-worker-acme-worker-consumer',
    ]);
    expect(JSON.stringify(byName)).not.toMatch(
      new RegExp(ALL_SECRET_CANARIES.join('|')),
    );
  });

  it('keeps the backlog before its last change beside the new one, so a later run tells a growing dead-letter queue', async () => {
    const { state, clock } = clockedState();
    const client = demoClient(state);
    const first = await queuesArea.read(client, undefined, { tags: {} });
    clock.now += 10 * 60_000;
    const second = await queuesArea.read(client, first, { tags: {} });
    const dlq = second.find(r => r.queue.name === 'acme-events-dlq')!;
    expect(dlq.previousBacklog?.count).toBe(17);
    expect(dlq.backlog?.count).toBe(22);
    // An unchanged backlog keeps its first observation and leaves the entity as it was.
    const steady = second.find(r => r.queue.name === 'acme-audit-eu-dlq')!;
    const before = first.find(r => r.queue.name === 'acme-audit-eu-dlq')!;
    expect(steady.backlog).toEqual(before.backlog);
    expect(steady.previousBacklog).toBeUndefined();
    expect(entitiesOf(second)['cf-queue-acme-audit-eu-dlq']).toEqual(
      entitiesOf(first)['cf-queue-acme-audit-eu-dlq'],
    );
    expect(
      (entitiesOf(second)['cf-queue-acme-events-dlq'].spec!.parameters as any)
        .previousBacklog,
    ).toMatchObject({ count: 17, bytes: 17 * 2048 });
  });

  it("meets a Worker's queue binding and a Component's cloudflare.com/queue annotation at cf-queue-acme-events", async () => {
    const [workers, queues] = await runDemoAreas({
      workers: workersArea,
      queues: queuesArea,
    });
    const ref = 'resource:default/cf-queue-acme-events';
    expect(dependsOnOf(workers.entities, 'cf-worker-acme-api')).toContain(ref);
    expect(queues.entities.map(e => e.entity.metadata.name)).toContain(
      'cf-queue-acme-events',
    );
    expect(
      await annotationDependsOn({ 'cloudflare.com/queue': 'acme-events' }),
    ).toEqual([ref]);
  });
});
