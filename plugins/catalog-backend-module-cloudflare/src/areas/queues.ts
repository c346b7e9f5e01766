import {
  CloudflareClient,
  isCloudflareApiError,
} from '@cloudflare-backstage/cloudflare-client';
import {
  CloudflareQueue,
  QueueEventSubscription,
  r2BucketResourceName,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ResourceTarget, byName, dependsOnRefs } from './bindings';
import { cloudflareResourceEntity } from './entity';
import { CatalogMapContext, defineCatalogArea, memoOf } from './types';

/** A queue's backlog as the catalog keeps it: its values and when they were first seen. */
export interface QueueObservation {
  /** Messages in the backlog. */
  count: number;
  /** Their size in bytes. */
  bytes: number;
  /** When the oldest message was sent (ISO 8601); absent for an empty backlog. */
  oldestMessageAt?: string;
  /** When Cloudflare first reported these values (ISO 8601); later runs that see them keep it. */
  observedAt: string;
}

/** One queue as read: the queue, its backlog, and the backlog before its last change. */
export interface QueueRead {
  queue: CloudflareQueue;
  /** The backlog Cloudflare reports now (as first seen with these values). */
  backlog?: QueueObservation;
  /** The backlog before it last changed (an earlier run), so that growth can be told. */
  previousBacklog?: QueueObservation;
  /** When this process last read the backlog (not part of the entity): the budget's order. */
  readAt?: string;
}

const sameValues = (a: QueueObservation, b: QueueObservation) =>
  a.count === b.count &&
  a.bytes === b.bytes &&
  a.oldestMessageAt === b.oldestMessageAt;

/** The backlog now, or undefined when the queue vanished between the list and the read. */
async function observe(
  client: CloudflareClient,
  queue: CloudflareQueue,
): Promise<QueueObservation | undefined> {
  try {
    const b = await client.queues.getBacklog(queue.id, queue.name);
    return {
      count: b.backlogCount,
      bytes: b.backlogBytes,
      ...(b.oldestMessageAt ? { oldestMessageAt: b.oldestMessageAt } : {}),
      observedAt: new Date().toISOString(),
    };
  } catch (e) {
    if (isCloudflareApiError(e) && e.kind === 'not-found') return undefined;
    throw e;
  }
}

/**
 * The resource an event subscription's source names: a workflow or a Worker (Workers Builds).
 * Cloudflare's KV, R2, Images, Super Slurper and Vectorize sources are account-wide (namespace or
 * bucket created and deleted, ...), so they name no one resource.
 */
function sourceTarget(s: QueueEventSubscription): ResourceTarget | undefined {
  if (s.source.type === 'workflows.workflow')
    return byName('workflows', s.source.workflowName);
  if (s.source.type === 'workersBuilds.worker')
    return byName('workers', s.source.workerName);
  return undefined;
}

/** The resources that send to a queue: Workers binding it and R2 buckets notifying it. */
const producerTargets = (q: CloudflareQueue) =>
  q.producers.map(p =>
    p.type === 'worker'
      ? byName('workers', p.script)
      : byName('r2', p.bucketName && r2BucketResourceName(p.bucketName)),
  );

/** The Workers that consume a queue (HTTP pull consumers are outside Cloudflare). */
const consumerTargets = (q: CloudflareQueue) =>
  q.consumers.map(c =>
    c.type === 'worker' ? byName('workers', c.script) : undefined,
  );

/** The dead-letter queues a queue's consumers use, by name. */
const deadLetterQueuesOf = (q: CloudflareQueue) => [
  ...new Set(q.consumers.flatMap(c => c.deadLetterQueue ?? [])),
];

/** A queue's event subscriptions as the entity states them. */
function subscriptionParameters(q: CloudflareQueue, ctx: CatalogMapContext) {
  return q.eventSubscriptions?.map(s => {
    const [source] = dependsOnRefs([sourceTarget(s)], ctx);
    return {
      name: s.name,
      enabled: s.enabled,
      sourceType: s.source.type ?? 'unknown',
      ...(source ? { source } : {}),
      events: s.events,
    };
  });
}

/**
 * Queues: one `Resource` (`cf-queue-<name>`, type `cloudflare-queue`) per queue. Its producers
 * (Workers that bind it, R2 buckets that notify it), its consumer Workers and the resources whose
 * event subscriptions publish into it (a workflow, a Worker's builds) go to `spec.dependencyOf`, so
 * each of them depends on the queue; the queue `dependsOn` the dead-letter queues of its consumers.
 * A Worker's `queue` binding (by name, in the Workers descriptor) and a Component's
 * `cloudflare.com/queue: acme-events` meet at `cf-queue-acme-events`.
 *
 * `spec.parameters` holds the producers and consumers (entity refs), the consumers without a
 * dead-letter queue, the dead-letter queues it uses and the queues it is the dead-letter queue of,
 * the event subscriptions, the backlog (`backlog`, with when these values were first seen) and the
 * backlog before its last change (`previousBacklog`), so that Tech Insights can tell a growing
 * dead-letter queue without asking Cloudflare again. A backlog that did not change leaves the
 * entity as it was.
 *
 * Calls per run: the queue list (1), the event subscription pages (2 for up to 100); tags come from
 * the run. The backlog (one read per queue) is a live detail of the run's memo (messages come and
 * go without the queue's `modified_on` moving): read for a new queue and again every few cycles.
 */
export const queuesArea = defineCatalogArea<QueueRead[]>({
  async read(client, previous, run) {
    const memo = memoOf(run);
    const queues = await client.queues.listQueues({ tags: run?.tags ?? {} });
    const before = new Map(previous?.map(r => [r.queue.id, r]));
    const reads: QueueRead[] = [];
    for (const queue of queues) {
      const now = await memo.detail(`backlog/${queue.id}`, { live: true }, () =>
        observe(client, queue),
      );
      const old = before.get(queue.id);
      if (!now) reads.push({ ...old, queue });
      // Unchanged values keep their first observation, so the entity changes only with the backlog.
      else if (old?.backlog && sameValues(now, old.backlog))
        reads.push({ ...old, queue, readAt: now.observedAt });
      else
        reads.push({
          queue,
          backlog: now,
          previousBacklog: old?.backlog,
          readAt: now.observedAt,
        });
    }
    return reads;
  },

  names: read => read.map(({ queue }) => [queue.id, queue.name] as const),

  map: (read, ctx) => {
    const dlqOf = new Map<string, string[]>();
    for (const { queue } of read)
      for (const dlq of deadLetterQueuesOf(queue))
        dlqOf.set(dlq, [...(dlqOf.get(dlq) ?? []), queue.name]);
    return read.map(({ queue: q, backlog, previousBacklog }) => {
      const deadLetterQueues = deadLetterQueuesOf(q);
      const isDlq = dlqOf.has(q.name);
      return cloudflareResourceEntity(ctx, {
        area: 'queues',
        resourceName: q.name,
        resourceId: q.id,
        description: `Cloudflare Queue ${q.name}${
          isDlq
            ? ` (dead-letter queue of ${dlqOf.get(q.name)!.join(', ')})`
            : ''
        }`,
        tags: [q.jurisdiction, isDlq ? 'dead-letter-queue' : undefined],
        dependsOn: dependsOnRefs(
          deadLetterQueues.map(name => byName('queues', name)),
          ctx,
        ),
        dependencyOf: dependsOnRefs(
          [
            ...producerTargets(q),
            ...consumerTargets(q),
            ...(q.eventSubscriptions ?? []).map(sourceTarget),
          ],
          ctx,
        ),
        parameters: {
          accountId: ctx.accountId,
          queueId: q.id,
          queueName: q.name,
          jurisdiction: q.jurisdiction,
          createdOn: q.createdOn,
          modifiedOn: q.modifiedOn,
          deliveryPaused: q.deliveryPaused,
          deliveryDelaySeconds: q.deliveryDelaySeconds,
          messageRetentionPeriodSeconds: q.messageRetentionPeriodSeconds,
          producers: dependsOnRefs(producerTargets(q), ctx),
          consumers: dependsOnRefs(consumerTargets(q), ctx),
          consumerCount: q.consumers.length,
          httpPullConsumers: q.consumers.filter(c => c.type === 'http_pull')
            .length,
          consumersWithoutDeadLetterQueue: q.consumers.filter(
            c => !c.deadLetterQueue,
          ).length,
          deadLetterQueues,
          deadLetterQueueOf: dlqOf.get(q.name) ?? [],
          eventSubscriptions: subscriptionParameters(q, ctx),
          backlog,
          previousBacklog,
        },
      });
    });
  },
});
