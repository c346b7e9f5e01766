import { cfErrors, ok } from '../envelope';
import { pageOf } from '../pagination';
import { DemoRoute, RouteContext, get, post } from '../route';
import { currentMetrics, QueueRecord } from '../fixtures/queues';

const QUEUES = '/accounts/:account_id/queues';
const SUBSCRIPTIONS = '/accounts/:account_id/event_subscriptions/subscriptions';

/** Answers with `answer(record)` for a known `:queue_id`, Cloudflare's 404 otherwise. */
const perQueue =
  (answer: (r: QueueRecord, ctx: RouteContext) => Response) =>
  (ctx: RouteContext) => {
    const record = ctx.data.queues.queues.find(
      r => r.queue.queue_id === ctx.params.queue_id,
    );
    return record ? answer(record, ctx) : cfErrors.notFound('queue');
  };

/** The messages of a queue, as peek and pull hand them out. */
const messagesOf = (r: QueueRecord) =>
  r.messages.map(m => ({ ...m, metadata: { 'CF-Content-Type': 'json' } }));

/** The subscriptions in the order `?order=` and `?direction=` ask (Cloudflare's default: created_at). */
function ordered(ctx: RouteContext) {
  const order = ctx.url.searchParams.get('order') ?? 'created_at';
  const sign = ctx.url.searchParams.get('direction') === 'desc' ? -1 : 1;
  const key = (s: (typeof ctx.data.queues.subscriptions)[number]) => {
    if (order === 'name') return s.name;
    if (order === 'enabled') return String(s.enabled);
    if (order === 'source') return s.source.type ?? '';
    return s.created_at;
  };
  return [...ctx.data.queues.subscriptions].sort(
    (a, b) => sign * key(a).localeCompare(key(b)),
  );
}

/**
 * Routes of the Queues area: queues (one page; Cloudflare still sends page-style `result_info`),
 * queue detail, consumers, point-in-time backlog metrics (a growing backlog grows with the state's
 * clock),
 * purge status and event subscriptions (page paging).
 *
 * Peek, pull, ack and both purges are served too, as Cloudflare answers them, so that a call the
 * suite must never make is counted (and, for peek and pull, hands out the message bodies with their
 * canary); ack and purge change nothing here.
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
    perQueue((r, ctx) => ok(currentMetrics(r, ctx.state.now()))),
  ),
  get(
    `${QUEUES}/:queue_id/purge`,
    perQueue(() => ok({})),
  ),
  get(SUBSCRIPTIONS, ctx => {
    const page = pageOf(ordered(ctx), ctx.url, {
      defaultPerPage: 20,
      maxPerPage: 100,
    });
    return ok(page.items, page.resultInfo);
  }),
  get(`${SUBSCRIPTIONS}/:subscription_id`, ctx => {
    const sub = ctx.data.queues.subscriptions.find(
      s => s.id === ctx.params.subscription_id,
    );
    return sub ? ok(sub) : cfErrors.notFound('event subscription');
  }),
  post(
    `${QUEUES}/:queue_id/messages/peek`,
    perQueue(r => ok({ messages: messagesOf(r) })),
  ),
  post(
    `${QUEUES}/:queue_id/messages/pull`,
    perQueue((r, ctx) =>
      ok({
        message_backlog_count: currentMetrics(r, ctx.state.now()).backlog_count,
        messages: messagesOf(r).map(m => ({ ...m, lease_id: `lease-${m.id}` })),
      }),
    ),
  ),
  post(
    `${QUEUES}/:queue_id/messages/ack`,
    perQueue(() => ok({ ackCount: 0, retryCount: 0, warnings: [] })),
  ),
  post(
    `${QUEUES}/:queue_id/messages/purge`,
    perQueue(() => ok({})),
  ),
  post(
    `${QUEUES}/:queue_id/purge`,
    perQueue(r => ok(r.queue)),
  ),
];
