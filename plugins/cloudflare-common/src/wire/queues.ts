import { z } from 'zod';
import { defineRoute, defineWireType } from './contract';
import { resourceTagsSchema } from './tags';

/**
 * Queue names as Cloudflare accepts them: 1-63 lower-case letters, digits or `-`, starting with a
 * letter or digit.
 *
 * @public
 */
export const queueNameParam = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,62}$/,
    'must be a queue name: 1-63 lower-case letters, digits or "-", starting with a letter or digit',
  );

/**
 * What sends messages to a queue: a Worker that binds it (`worker`, with its `script`) or an R2
 * bucket's event notifications (`r2_bucket`, with its `bucketName`).
 *
 * @public
 */
export const queueProducerSchema = z.object({
  /** `worker` or `r2_bucket`. */
  type: z.string(),
  /** The producing Worker's script name (`worker`). */
  script: z.string().optional(),
  /** The notifying bucket's name (`r2_bucket`). */
  bucketName: z.string().optional(),
});

/**
 * What receives a queue's messages: a consumer Worker (`worker`, with its `script`) or an HTTP pull
 * consumer (`http_pull`), with its delivery settings and the dead-letter queue its failed messages
 * go to.
 *
 * @public
 */
export const queueConsumerSchema = z.object({
  /** Consumer id. */
  id: z.string().optional(),
  /** `worker` or `http_pull`. */
  type: z.string(),
  /** The consumer Worker's script name (`worker`). */
  script: z.string().optional(),
  /** Name of the dead-letter queue; absent when failed messages are dropped. */
  deadLetterQueue: z.string().optional(),
  /** Messages per batch. */
  batchSize: z.number().optional(),
  /** Delivery attempts before a message is dead-lettered (or dropped). */
  maxRetries: z.number().optional(),
  /** Seconds before a failed message is retried. */
  retryDelaySeconds: z.number().optional(),
  /** Most concurrent consumer invocations (`worker`). */
  maxConcurrency: z.number().optional(),
  /** Milliseconds a batch waits to fill (`worker`). */
  maxWaitTimeMs: z.number().optional(),
  /** Milliseconds a pulled message stays invisible to other pulls (`http_pull`). */
  visibilityTimeoutMs: z.number().optional(),
  /** When the consumer was added (ISO 8601). */
  createdOn: z.string().optional(),
});

/**
 * An event subscription that publishes a Cloudflare product's events into a queue. `source.type` is
 * one of `kv`, `r2`, `images`, `superSlurper`, `vectorize` (account-wide sources), or
 * `workflows.workflow`, `workersBuilds.worker`, `workers.script`, `workersAi.model`, which name one
 * resource.
 *
 * @public
 */
export const queueEventSubscriptionSchema = z.object({
  /** Subscription id. */
  id: z.string(),
  /** Subscription name. */
  name: z.string(),
  /** Whether events are delivered. */
  enabled: z.boolean(),
  /** The event types delivered (`instance.errored`, `namespace.created`, ...). */
  events: z.array(z.string()),
  /** The product (and for some sources the one resource) whose events are published. */
  source: z.object({
    type: z.string().optional(),
    /** `workflows.workflow`: the workflow's name. */
    workflowName: z.string().optional(),
    /** `workersBuilds.worker`: the Worker's name. */
    workerName: z.string().optional(),
    /** `workers.script`: the script's tag. */
    scriptTag: z.string().optional(),
    /** `workersAi.model`: the model's name. */
    modelName: z.string().optional(),
  }),
  /** When it was created (ISO 8601). */
  createdAt: z.string().optional(),
  /** When it was last changed (ISO 8601). */
  modifiedAt: z.string().optional(),
});

/**
 * An event subscription (see {@link queueEventSubscriptionSchema}).
 *
 * @public
 */
export type QueueEventSubscription = z.output<
  typeof queueEventSubscriptionSchema
>;

/**
 * A queue (spec section 3.3) with its producers, its consumers and the event subscriptions that
 * publish into it: the client's output and the route's item. Queue configuration holds nothing
 * secret; message bodies are never read.
 *
 * @public
 */
export const queueSchema = z.object({
  /** Queue id (32 hex). */
  id: z.string(),
  /** Queue name. */
  name: z.string(),
  /** When it was created (ISO 8601). */
  createdOn: z.string().optional(),
  /** When it was last changed (ISO 8601). */
  modifiedOn: z.string().optional(),
  /** `eu` or `fedramp` when restricted to a jurisdiction. */
  jurisdiction: z.string().optional(),
  /** True when delivery to consumers is paused. */
  deliveryPaused: z.boolean().optional(),
  /** Seconds a new message waits before delivery. */
  deliveryDelaySeconds: z.number().optional(),
  /** Seconds an undelivered message is kept. */
  messageRetentionPeriodSeconds: z.number().optional(),
  /** What sends to the queue. */
  producers: z.array(queueProducerSchema),
  /** What receives from it. */
  consumers: z.array(queueConsumerSchema),
  /**
   * Event subscriptions publishing into the queue; absent when Cloudflare's event subscriptions
   * could not be read (an account or token without them).
   */
  eventSubscriptions: z.array(queueEventSubscriptionSchema).optional(),
  /** Cloudflare resource tags; absent when the Resource Tagging API could not be read. */
  tags: resourceTagsSchema.optional(),
});

/**
 * A queue (see {@link queueSchema}).
 *
 * @public
 */
export type CloudflareQueue = z.output<typeof queueSchema>;

/**
 * A queue's backlog at one moment (Cloudflare's point-in-time metrics): messages not yet
 * acknowledged, their size, and the oldest one's age.
 *
 * @public
 */
export const queueBacklogSchema = z.object({
  /** Queue name. */
  queueName: z.string(),
  /** Messages in the backlog. */
  backlogCount: z.number().nonnegative(),
  /** Their size in bytes. */
  backlogBytes: z.number().nonnegative(),
  /** When the oldest message was sent (ISO 8601); absent when the backlog is empty or unknown. */
  oldestMessageAt: z.string().optional(),
  /** The oldest message's age in seconds when read; absent with `oldestMessageAt`. */
  oldestMessageAgeSeconds: z.number().nonnegative().optional(),
});

/**
 * A queue's backlog (see {@link queueBacklogSchema}).
 *
 * @public
 */
export type QueueBacklog = z.output<typeof queueBacklogSchema>;

/**
 * A queue's delivery stats: its backlog, whether delivery is paused, and the backlog of each
 * dead-letter queue its consumers use (a DLQ not in the account has no backlog here).
 *
 * @public
 */
export const queueMetricsSchema = queueBacklogSchema.extend({
  /** Queue id. */
  queueId: z.string(),
  /** True when delivery to consumers is paused. */
  deliveryPaused: z.boolean().optional(),
  /** The backlog of each dead-letter queue of the queue's consumers. */
  deadLetterQueues: z.array(queueBacklogSchema),
  /** When the metrics were read (ISO 8601). */
  readAt: z.string(),
});

/**
 * A queue's delivery stats (see {@link queueMetricsSchema}).
 *
 * @public
 */
export type QueueMetrics = z.output<typeof queueMetricsSchema>;

/**
 * Routes of the Queues area. None peeks, pulls, acknowledges or purges a message.
 *
 * @public
 */
export const queuesRoutes = {
  queues: defineRoute({
    id: 'queues.queues',
    area: 'queues',
    path: '/v1/queues',
    description:
      'Queues with their producers (Workers, R2 buckets), consumers (Workers, HTTP pull) with their dead-letter queues, the event subscriptions publishing into them, and Cloudflare tags.',
    params: z.object({}),
    query: z.object({}),
    shape: 'list',
    wire: defineWireType({
      name: 'CloudflareQueue',
      schema: queueSchema,
      sensitive: [],
    }),
  }),
  metrics: defineRoute({
    id: 'queues.metrics',
    area: 'queues',
    path: '/v1/queues/:name/metrics',
    description:
      "A queue's backlog (messages, bytes, oldest message age) and the backlog of its dead-letter queues, as Cloudflare measures them at the time of the read.",
    params: z.object({ name: queueNameParam }),
    query: z.object({}),
    shape: 'item',
    wire: defineWireType({
      name: 'QueueMetrics',
      schema: queueMetricsSchema,
      sensitive: [],
    }),
  }),
};
