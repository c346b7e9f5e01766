import Cloudflare from 'cloudflare';
import { SECRET_CANARIES } from '../canaries';
import { sdk, useDemoAccount } from '../__testUtils__/sdk';
import {
  ACME_AUDIT_EU_QUEUE_ID,
  ACME_EVENTS_DLQ_ID,
  ACME_EVENTS_QUEUE_ID,
  currentMetrics,
  generateQueuesData,
} from '../fixtures/queues';
import { createRng } from '../rng';

describe('Queues area', () => {
  const demo = useDemoAccount();
  const account_id = demo.account_id;

  it('lists queues with the SDK', async () => {
    const queues = [];
    for await (const q of sdk().queues.list({ account_id })) queues.push(q);
    expect(queues.map(q => q.queue_name)).toEqual([
      'acme-events',
      'acme-events-dlq',
      'acme-email-outbound',
      'acme-r2-notifications',
      'acme-audit-eu',
      'acme-audit-eu-dlq',
    ]);
    expect(queues[0]).toMatchObject({
      queue_id: ACME_EVENTS_QUEUE_ID,
      producers: [{ type: 'worker', script: 'acme-api' }],
      consumers_total_count: 1,
      producers_total_count: 1,
    });
  });

  it('reads a queue, its consumers (with DLQ) and backlog metrics', async () => {
    const queue = await sdk().queues.get(ACME_EVENTS_QUEUE_ID, { account_id });
    expect(queue.settings).toEqual({
      delivery_delay: 0,
      delivery_paused: false,
      message_retention_period: 345_600,
    });
    const consumers = [];
    for await (const c of sdk().queues.consumers.list(ACME_EVENTS_QUEUE_ID, {
      account_id,
    }))
      consumers.push(c);
    expect(consumers).toEqual([
      expect.objectContaining({
        type: 'worker',
        script_name: 'acme-worker-consumer',
        dead_letter_queue: 'acme-events-dlq',
      }),
    ]);
    const metrics = await sdk().queues.getMetrics(ACME_EVENTS_QUEUE_ID, {
      account_id,
    });
    expect(metrics.backlog_count).toBe(1243);
    expect(metrics.oldest_message_timestamp_ms).toBeLessThan(Date.now());
  });

  it("grows acme-events-dlq's backlog with the clock: one message every two minutes", async () => {
    const record = demo.state.data.queues.queues.find(
      r => r.queue.queue_id === ACME_EVENTS_DLQ_ID,
    )!;
    const since = record.growth!.since;
    expect(currentMetrics(record, since).backlog_count).toBe(17);
    expect(currentMetrics(record, since + 10 * 60_000)).toMatchObject({
      backlog_count: 22,
      backlog_bytes: 22 * 2048,
    });
    const now = await sdk().queues.getMetrics(ACME_EVENTS_DLQ_ID, {
      account_id,
    });
    expect(now.backlog_count).toBeGreaterThanOrEqual(17);
  });

  it('lists event subscriptions page by page, in the order asked', async () => {
    const subs = [];
    for await (const s of sdk().queues.subscriptions.list({
      account_id,
      per_page: 3,
      order: 'name',
    }))
      subs.push(s);
    expect(subs.map(s => s.name)).toEqual([
      'acme-api-build-events',
      'acme-etl-instance-events',
      'acme-kv-namespace-audit',
      'acme-r2-bucket-audit',
    ]);
    expect(subs[2]).toMatchObject({
      source: { type: 'kv' },
      destination: { type: 'queues.queue', queue_id: ACME_AUDIT_EU_QUEUE_ID },
    });
    expect(demo.state.callCounts()).toMatchObject({
      // Two pages and the empty page after them, where the SDK's page iterator stops.
      'GET /accounts/:account_id/event_subscriptions/subscriptions': 3,
    });
    const one = await sdk().queues.subscriptions.get(subs[1].id, {
      account_id,
    });
    expect(one.source).toEqual({
      type: 'workflows.workflow',
      workflow_name: 'acme-etl',
    });
  });

  it('hands message bodies out only to peek and pull, which the suite never calls', async () => {
    const peeked = await sdk().queues.messages.peek(ACME_EVENTS_QUEUE_ID, {
      account_id,
    });
    expect(JSON.stringify(peeked)).toContain(SECRET_CANARIES.queueMessageBody);
    expect(demo.state.callCounts()).toMatchObject({
      'POST /accounts/:account_id/queues/:queue_id/messages/peek': 1,
    });
  });

  it('answers an unknown queue with NotFoundError', async () => {
    await expect(
      sdk().queues.getMetrics('nope', { account_id }),
    ).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
  });

  it('generates scale-mode data deterministically from the seed', () => {
    const first = generateQueuesData(createRng(7), 40);
    const second = generateQueuesData(createRng(7), 40);
    expect(first.queues).toHaveLength(40);
    expect(first.queues.map(q => q.queue.queue_id)).toEqual(
      second.queues.map(q => q.queue.queue_id),
    );
    expect(generateQueuesData(createRng(7), 0).queues).toHaveLength(0);
  });
});
