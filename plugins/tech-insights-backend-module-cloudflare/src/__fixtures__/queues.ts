import { Entity } from '@backstage/catalog-model';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { resourceEntity } from './catalog';

/** A backlog observation, as the catalog module keeps it. */
export interface DemoObservation {
  count: number;
  bytes: number;
  oldestMessageAt?: string;
  observedAt: string;
}

/** One backlog observation of every queue of the demo account, by queue name (one call each). */
export async function observeDemoQueues(
  client: CloudflareClient,
): Promise<Map<string, DemoObservation>> {
  const out = new Map<string, DemoObservation>();
  for (const q of await client.queues.listQueues({ tags: {} })) {
    const b = await client.queues.getBacklog(q.id, q.name);
    out.set(q.name, {
      count: b.backlogCount,
      bytes: b.backlogBytes,
      ...(b.oldestMessageAt ? { oldestMessageAt: b.oldestMessageAt } : {}),
      observedAt: new Date().toISOString(),
    });
  }
  return out;
}

/** `before` when its values differ from `now`'s. */
function changedFrom(now?: DemoObservation, before?: DemoObservation) {
  return now &&
    before &&
    now.count === before.count &&
    now.bytes === before.bytes
    ? undefined
    : before;
}

/**
 * The queue `Resource` entities of the demo account, read through the real client, with the
 * catalog module's `spec.parameters` (consumers, dead-letter queues, the backlog of `latest`, and
 * the backlog of `previous` when it differs, as the catalog keeps the backlog before a change).
 */
export async function demoQueueResources(
  client: CloudflareClient,
  latest: Map<string, DemoObservation>,
  previous?: Map<string, DemoObservation>,
): Promise<Entity[]> {
  const queues = await client.queues.listQueues({ tags: {} });
  return queues.map(q =>
    resourceEntity(
      client.accountId,
      'queues',
      q.name,
      {
        queueId: q.id,
        queueName: q.name,
        deliveryPaused: q.deliveryPaused,
        consumerCount: q.consumers.length,
        consumersWithoutDeadLetterQueue: q.consumers.filter(
          c => !c.deadLetterQueue,
        ).length,
        deadLetterQueues: [
          ...new Set(q.consumers.flatMap(c => c.deadLetterQueue ?? [])),
        ],
        backlog: latest.get(q.name),
        previousBacklog: changedFrom(latest.get(q.name), previous?.get(q.name)),
      },
      q.id,
    ),
  );
}
