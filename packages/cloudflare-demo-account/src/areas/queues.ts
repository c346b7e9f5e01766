import { cfErrors, ok } from '../envelope';
import { DemoRoute, RouteContext, get } from '../route';
import type { QueueRecord } from '../fixtures/queues';

const QUEUES = '/accounts/:account_id/queues';

/** Answers with `answer(record)` for a known `:queue_id`, Cloudflare's 404 otherwise. */
const perQueue =
  (answer: (r: QueueRecord) => Response) => (ctx: RouteContext) => {
    const record = ctx.data.queues.queues.find(
      r => r.queue.queue_id === ctx.params.queue_id,
    );
    return record ? answer(record) : cfErrors.notFound('queue');
  };

/**
 * Routes of the Queues area: queues (one page; Cloudflare still sends page-style `result_info`),
 * queue detail, consumers and point-in-time backlog metrics. Message pull/ack are never served.
 *
 * @public
 */
export const queuesRoutes: DemoRoute[] = [
  get(QUEUES, ctx => {
    const queues = ctx.data.queues.queues.map(r => r.queue);
    return ok(queues, {
      page: 1,
      per_page: queues.length,
      count: queues.length,
      total_count: queues.length,
      total_pages: 1,
    });
  }),
  get(
    `${QUEUES}/:queue_id`,
    perQueue(r => ok(r.queue)),
  ),
  get(
    `${QUEUES}/:queue_id/consumers`,
    perQueue(r => ok(r.queue.consumers ?? [])),
  ),
  get(
    `${QUEUES}/:queue_id/metrics`,
    perQueue(r => ok(r.metrics)),
  ),
];
