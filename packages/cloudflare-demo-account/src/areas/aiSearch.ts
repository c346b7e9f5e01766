import { cfErrors, ok } from '../envelope';
import { pageOf } from '../pagination';
import { DemoRoute, RouteContext, get } from '../route';
import type { AiSearchRecord } from '../fixtures/aiSearch';

const INSTANCES = '/accounts/:account_id/ai-search/instances';

const byId = (ctx: RouteContext): AiSearchRecord | undefined =>
  ctx.data.aiSearch.instances.find(r => r.instance.id === ctx.params.id);

/** Answers with `answer(record)` for a known `:id`, Cloudflare's 404 otherwise. */
const perInstance =
  (answer: (r: AiSearchRecord, ctx: RouteContext) => Response) =>
  (ctx: RouteContext) => {
    const record = byId(ctx);
    return record
      ? answer(record, ctx)
      : cfErrors.notFound('ai search instance');
  };

/**
 * Routes of the AI Search area: instances (page paging, `namespace`), instance detail, stats and sync
 * jobs (page paging). Item downloads and chunks are deliberately not served.
 *
 * @public
 */
export const aiSearchRoutes: DemoRoute[] = [
  get(INSTANCES, ctx => {
    const namespace = ctx.url.searchParams.get('namespace');
    const instances = ctx.data.aiSearch.instances
      .map(r => r.instance)
      .filter(i => !namespace || i.namespace === namespace);
    const page = pageOf(instances, ctx.url, {
      defaultPerPage: 20,
      maxPerPage: 100,
    });
    return ok(page.items, page.resultInfo);
  }),
  get(
    `${INSTANCES}/:id`,
    perInstance(r => ok(r.instance)),
  ),
  get(
    `${INSTANCES}/:id/stats`,
    perInstance(r => ok(r.stats)),
  ),
  get(
    `${INSTANCES}/:id/jobs`,
    perInstance((r, ctx) => {
      const page = pageOf(r.jobs, ctx.url, {
        defaultPerPage: 20,
        maxPerPage: 100,
      });
      return ok(page.items, page.resultInfo);
    }),
  ),
  get(
    `${INSTANCES}/:id/jobs/:job_id`,
    perInstance((r, ctx) => {
      const job = r.jobs.find(j => j.id === ctx.params.job_id);
      return job ? ok(job) : cfErrors.notFound('ai search job');
    }),
  ),
];
