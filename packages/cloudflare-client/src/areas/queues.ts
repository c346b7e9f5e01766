import { z } from 'zod';
import {
  CloudflareQueue,
  QueueBacklog,
  QueueEventSubscription,
  QueueMetrics,
  ResourceTagIndex,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ClientContext } from '../context';
import { compact } from '../envelope';
import { CloudflareApiError, isCloudflareApiError } from '../errors';
import { tagsOf, tagsOfType } from './tags';

const AREA = 'queues';
/** Event subscriptions per page (the SDK's page iterator asks for the next page until one is empty). */
const SUBSCRIPTIONS_PAGE = 100;
/** Subscription page reads of one {@link QueuesApi.listQueues}, the empty last page included. */
const DEFAULT_SUBSCRIPTION_PAGES = 5;

const str = z.string().nullish();
const num = z.number().nullish();

const producerSchema = z.object({
  type: z.string(),
  script: str,
  bucket_name: str,
});

const consumerSchema = z.object({
  type: z.string(),
  consumer_id: str,
  script_name: str,
  dead_letter_queue: str,
  created_on: str,
  settings: z
    .object({
      batch_size: num,
      max_retries: num,
      retry_delay: num,
      max_concurrency: num,
      max_wait_time_ms: num,
      visibility_timeout_ms: num,
    })
    .nullish(),
});

const queueRawSchema = z.object({
  queue_id: z.string(),
  queue_name: z.string(),
  created_on: str,
  modified_on: str,
  jurisdiction: str,
  producers: z.array(producerSchema).nullish(),
  consumers: z.array(consumerSchema).nullish(),
  settings: z
    .object({
      delivery_delay: num,
      delivery_paused: z.boolean().nullish(),
      message_retention_period: num,
    })
    .nullish(),
});

const subscriptionRawSchema = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  events: z.array(z.string()).nullish(),
  created_at: str,
  modified_at: str,
  source: z
    .object({
      type: str,
      workflow_name: str,
      worker_name: str,
      script_tag: str,
      model_name: str,
    })
    .nullish(),
  destination: z.object({ type: z.string(), queue_id: z.string() }).nullish(),
});

const metricsRawSchema = z.object({
  backlog_count: z.number().nonnegative(),
  backlog_bytes: z.number().nonnegative(),
  oldest_message_timestamp_ms: z.number().nullish(),
});

type RawQueue = z.output<typeof queueRawSchema>;
type RawConsumer = z.output<typeof consumerSchema>;

const v = <T>(x: T | null | undefined): T | undefined => x ?? undefined;

/**
 * Options of {@link QueuesApi.listQueues}.
 *
 * @public
 */
export interface QueuesListOptions {
  /** Tags read once for the run; read for `queue` when absent. */
  tags?: ResourceTagIndex;
  /** Event subscription pages the read may spend (default 5, the empty last page included). */
  subscriptionPages?: number;
}

/**
 * Queues reads: queues with producers, consumers and the event subscriptions publishing into them,
 * and point-in-time backlog metrics. Never peeks, pulls, acknowledges or purges a message.
 *
 * @public
 */
export class QueuesApi {
  constructor(private readonly ctx: ClientContext) {}

  /**
   * Every queue (one page: Cloudflare lists them all at once) with its tags and the event
   * subscriptions whose destination it is. Subscriptions are read page by page within
   * `subscriptionPages`; when Cloudflare refuses them (an account or token without event
   * subscriptions) the queues carry none and say so by leaving `eventSubscriptions` out, and when
   * the budget ends first the queues carry those read so far.
   */
  async listQueues(
    options: QueuesListOptions = {},
  ): Promise<CloudflareQueue[]> {
    return this.ctx.run(AREA, 'queues.listQueues', async () => {
      const raw = await this.rawQueues();
      const subscriptions = await this.subscriptions(
        options.subscriptionPages ?? DEFAULT_SUBSCRIPTION_PAGES,
      );
      const tags = await tagsOfType(this.ctx, 'queue', options.tags);
      return raw.map(q =>
        compact({
          id: q.queue_id,
          name: q.queue_name,
          createdOn: v(q.created_on),
          modifiedOn: v(q.modified_on),
          jurisdiction: v(q.jurisdiction),
          deliveryPaused: v(q.settings?.delivery_paused),
          deliveryDelaySeconds: v(q.settings?.delivery_delay),
          messageRetentionPeriodSeconds: v(
            q.settings?.message_retention_period,
          ),
          producers: (q.producers ?? []).map(p =>
            compact({
              type: p.type,
              script: v(p.script),
              bucketName: v(p.bucket_name),
            }),
          ),
          consumers: (q.consumers ?? []).map(c => this.toConsumer(c)),
          eventSubscriptions:
            subscriptions?.get(q.queue_id) ?? (subscriptions && []),
          tags: tagsOf(tags, q.queue_id),
        }),
      );
    });
  }

  /**
   * One queue's backlog now (one call): messages, bytes and the oldest message's time and age.
   */
  async getBacklog(queueId: string, queueName: string): Promise<QueueBacklog> {
    return this.ctx.run(AREA, 'queues.getBacklog', () =>
      this.backlog(queueId, queueName),
    );
  }

  /**
   * The delivery stats of the queue named `name`: its backlog and the backlog of each dead-letter
   * queue its consumers use (the queue list, then one metrics call per queue). A name the account
   * does not hold fails with `not-found`.
   */
  async getMetrics(name: string): Promise<QueueMetrics> {
    return this.ctx.run(AREA, 'queues.getMetrics', async () => {
      const queues = await this.rawQueues();
      const queue = queues.find(q => q.queue_name === name);
      if (!queue)
        throw new CloudflareApiError({
          kind: 'not-found',
          operation: 'queues.getMetrics',
          status: 404,
        });
      const own = await this.backlog(queue.queue_id, queue.queue_name);
      const dlqNames = [
        ...new Set(
          (queue.consumers ?? []).flatMap(c =>
            c.dead_letter_queue ? [c.dead_letter_queue] : [],
          ),
        ),
      ];
      const deadLetterQueues: QueueBacklog[] = [];
      for (const dlq of dlqNames) {
        const found = queues.find(q => q.queue_name === dlq);
        if (found)
          deadLetterQueues.push(
            await this.backlog(found.queue_id, found.queue_name),
          );
      }
      return compact({
        ...own,
        queueId: queue.queue_id,
        deliveryPaused: v(queue.settings?.delivery_paused),
        deadLetterQueues,
        readAt: new Date().toISOString(),
      });
    });
  }

  private async rawQueues(): Promise<RawQueue[]> {
    const out: RawQueue[] = [];
    for await (const q of this.ctx.sdk.queues.list({
      account_id: this.ctx.accountId,
    }))
      out.push(queueRawSchema.parse(q));
    return out;
  }

  private async backlog(queueId: string, queueName: string) {
    const m = metricsRawSchema.parse(
      await this.ctx.sdk.queues.getMetrics(queueId, {
        account_id: this.ctx.accountId,
      }),
    );
    const oldest = m.oldest_message_timestamp_ms || undefined;
    return compact({
      queueName,
      backlogCount: m.backlog_count,
      backlogBytes: m.backlog_bytes,
      oldestMessageAt: oldest ? new Date(oldest).toISOString() : undefined,
      oldestMessageAgeSeconds: oldest
        ? Math.max(0, Math.round((Date.now() - oldest) / 1000))
        : undefined,
    });
  }

  /**
   * Event subscriptions by destination queue id, page by page within `pages` calls; undefined when
   * Cloudflare refuses them (404 or 403: an account or token without event subscriptions).
   */
  private async subscriptions(
    pages: number,
  ): Promise<Map<string, QueueEventSubscription[]> | undefined> {
    const byQueue = new Map<string, QueueEventSubscription[]>();
    try {
      await this.ctx.run(AREA, 'queues.listSubscriptions', async () => {
        let page = await this.ctx.sdk.queues.subscriptions.list({
          account_id: this.ctx.accountId,
          per_page: SUBSCRIPTIONS_PAGE,
        });
        for (let read = 1; ; read += 1) {
          for (const item of page.getPaginatedItems()) {
            const s = subscriptionRawSchema.parse(item);
            if (s.destination?.type !== 'queues.queue') continue;
            const list = byQueue.get(s.destination.queue_id) ?? [];
            list.push(this.toSubscription(s));
            byQueue.set(s.destination.queue_id, list);
          }
          if (read >= pages || !page.hasNextPage()) return;
          page = await page.getNextPage();
        }
      });
    } catch (e) {
      if (
        isCloudflareApiError(e) &&
        (e.kind === 'not-found' || e.kind === 'auth')
      ) {
        this.ctx.logger?.debug('Cloudflare event subscriptions not readable', {
          kind: e.kind,
        });
        return undefined;
      }
      throw e;
    }
    return byQueue;
  }

  private toSubscription(
    s: z.output<typeof subscriptionRawSchema>,
  ): QueueEventSubscription {
    return compact({
      id: s.id,
      name: s.name,
      enabled: s.enabled,
      events: s.events ?? [],
      source: compact({
        type: v(s.source?.type),
        workflowName: v(s.source?.workflow_name),
        workerName: v(s.source?.worker_name),
        scriptTag: v(s.source?.script_tag),
        modelName: v(s.source?.model_name),
      }),
      createdAt: v(s.created_at),
      modifiedAt: v(s.modified_at),
    });
  }

  private toConsumer(c: RawConsumer): CloudflareQueue['consumers'][number] {
    return compact({
      id: v(c.consumer_id),
      type: c.type,
      script: v(c.script_name),
      deadLetterQueue: v(c.dead_letter_queue),
      batchSize: v(c.settings?.batch_size),
      maxRetries: v(c.settings?.max_retries),
      retryDelaySeconds: v(c.settings?.retry_delay),
      maxConcurrency: v(c.settings?.max_concurrency),
      maxWaitTimeMs: v(c.settings?.max_wait_time_ms),
      visibilityTimeoutMs: v(c.settings?.visibility_timeout_ms),
      createdOn: v(c.created_on),
    });
  }
}
