import Cloudflare from 'cloudflare';
import { sdk, useDemoAccount } from '../__testUtils__/sdk';
import { generateQueuesData, ACME_EVENTS_QUEUE_ID } from '../fixtures/queues';
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
