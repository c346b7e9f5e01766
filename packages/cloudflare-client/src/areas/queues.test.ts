import { useDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { demoContext } from '../__testUtils__/areaContext';
import { expectNoCanary, failure } from '../__testUtils__/demo';
import { QueuesApi } from './queues';

const SUBSCRIPTIONS = '/event_subscriptions/subscriptions';

describe('QueuesApi', () => {
  const demo = useDemoAccount();

  it('lists queues with producers, consumers, dead-letter queues and event subscriptions', async () => {
    const ctx = demoContext();
    const queues = await new QueuesApi(ctx).listQueues();
    expect(queues.map(q => q.name)).toEqual([
      'acme-events',
      'acme-events-dlq',
      'acme-email-outbound',
      'acme-r2-notifications',
      'acme-audit-eu',
      'acme-audit-eu-dlq',
    ]);
    const [events] = queues;
    expect(events).toMatchObject({
      id: '3b8e1f2a9c4d4e5fa6b7c8d9e0f1a2b3',
      deliveryPaused: false,
      deliveryDelaySeconds: 0,
      messageRetentionPeriodSeconds: 345_600,
      producers: [{ type: 'worker', script: 'acme-api' }],
      consumers: [
        {
          id: 'c0ffee00e1e2e3e4e5e6e7e8e9e0e1e2',
          type: 'worker',
          script: 'acme-worker-consumer',
          deadLetterQueue: 'acme-events-dlq',
          batchSize: 50,
          maxRetries: 3,
          retryDelaySeconds: 30,
        },
      ],
      tags: {},
    });
    expect(events.eventSubscriptions?.map(s => [s.name, s.source])).toEqual([
      [
        'acme-api-build-events',
        { type: 'workersBuilds.worker', workerName: 'acme-api' },
      ],
      [
        'acme-etl-instance-events',
        { type: 'workflows.workflow', workflowName: 'acme-etl' },
      ],
    ]);
    expect(queues[3]).toMatchObject({
      deliveryPaused: true,
      producers: [{ type: 'r2_bucket', bucketName: 'acme-prod-artifacts' }],
      consumers: [{ type: 'worker', script: 'acme-indexer' }],
    });
    expect(queues[3].consumers[0].deadLetterQueue).toBeUndefined();
    expect(queues[2].consumers).toEqual([
      expect.objectContaining({
        type: 'http_pull',
        visibilityTimeoutMs: 30_000,
      }),
    ]);
    expect(
      queues[4].eventSubscriptions?.map(s => [s.source.type, s.events]),
    ).toEqual([
      ['kv', ['namespace.created', 'namespace.deleted']],
      ['r2', ['bucket.created', 'bucket.deleted']],
    ]);
    expect(queues[1].eventSubscriptions).toEqual([]);
    expectNoCanary(queues);
    // The queue list, one subscriptions page and the empty page after it, the tags.
    expect(ctx.stats().callsByArea).toEqual({ queues: 3, tags: 1 });
  });

  it('pages event subscriptions within the budget it is given', async () => {
    const base = demo.state.data.queues.subscriptions[2];
    demo.state.data.queues.subscriptions = Array.from(
      { length: 250 },
      (_, i) => ({ ...base, id: `sub-${i}`, name: `etl-${i}` }),
    );
    const ctx = demoContext();
    const api = new QueuesApi(ctx);
    const all = await api.listQueues({ tags: {} });
    expect(all[0].eventSubscriptions).toHaveLength(250);
    expect(ctx.stats().callsByArea).toEqual({ queues: 5 });
    const some = await api.listQueues({ tags: {}, subscriptionPages: 2 });
    expect(some[0].eventSubscriptions).toHaveLength(200);
  });

  it('leaves event subscriptions out when Cloudflare refuses them, and fails on a fault', async () => {
    demo.state.addFault({
      route: SUBSCRIPTIONS,
      fault: { kind: 'server-error', status: 404 },
    });
    const queues = await new QueuesApi(demoContext()).listQueues({ tags: {} });
    expect(queues).toHaveLength(6);
    expect(queues.every(q => q.eventSubscriptions === undefined)).toBe(true);

    demo.state.clearFaults();
    demo.state.addFault({
      route: SUBSCRIPTIONS,
      fault: { kind: 'server-error', status: 500 },
    });
    const err = await failure(
      new QueuesApi(demoContext()).listQueues({ tags: {} }),
    );
    expect(err.kind).toBe('unavailable');
  });

  it("reads a queue's backlog and its dead-letter queue's by name", async () => {
    const ctx = demoContext();
    const metrics = await new QueuesApi(ctx).getMetrics('acme-events');
    expect(metrics).toEqual({
      queueId: '3b8e1f2a9c4d4e5fa6b7c8d9e0f1a2b3',
      queueName: 'acme-events',
      backlogCount: 1243,
      backlogBytes: 1243 * 2048,
      oldestMessageAt: expect.any(String),
      oldestMessageAgeSeconds: expect.any(Number),
      deliveryPaused: false,
      deadLetterQueues: [
        {
          queueName: 'acme-events-dlq',
          backlogCount: 17,
          backlogBytes: 17 * 2048,
          oldestMessageAt: expect.any(String),
          oldestMessageAgeSeconds: expect.any(Number),
        },
      ],
      readAt: expect.any(String),
    });
    expect(metrics.oldestMessageAgeSeconds).toBeGreaterThanOrEqual(95);
    expect(metrics.oldestMessageAgeSeconds).toBeLessThan(120);
    expect(metrics.deadLetterQueues[0].oldestMessageAgeSeconds).toBeGreaterThan(
      3 * 86_400 - 60,
    );
    expect(ctx.stats().callsByArea).toEqual({ queues: 3 });
    expect(demo.state.callCounts()).not.toHaveProperty(
      'POST /accounts/:account_id/queues/:queue_id/messages/peek',
    );
  });

  it('gives an empty backlog no oldest message', async () => {
    const got = await new QueuesApi(demoContext()).getMetrics(
      'acme-email-outbound',
    );
    expect(got).toMatchObject({ backlogCount: 0, deadLetterQueues: [] });
    expect(got.oldestMessageAt).toBeUndefined();
    expect(got.oldestMessageAgeSeconds).toBeUndefined();
  });

  it('fails with not-found for a name the account does not hold', async () => {
    const err = await failure(new QueuesApi(demoContext()).getMetrics('nope'));
    expect(err.kind).toBe('not-found');
  });

  it('reads one backlog with one call', async () => {
    const ctx = demoContext();
    const got = await new QueuesApi(ctx).getBacklog(
      '4c9f2a3b0d5e4f60b7c8d9e0f1a2b3c4',
      'acme-events-dlq',
    );
    expect(got).toMatchObject({
      queueName: 'acme-events-dlq',
      backlogCount: 17,
    });
    expect(ctx.stats().calls).toBe(1);
  });
});
