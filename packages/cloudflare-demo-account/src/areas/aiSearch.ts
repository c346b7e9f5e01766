import { cfErrors, ok } from '../envelope';
import { Page, pageOf } from '../pagination';
import { DemoRoute, RouteContext, get } from '../route';
import type { AiSearchRecord } from '../fixtures/aiSearch';

/** The deprecated account-level instance paths (every namespace, `?namespace=` filters). */
const INSTANCES = '/accounts/:account_id/ai-search/instances';
const NAMESPACES = '/accounts/:account_id/ai-search/namespaces';
/** The instances of one namespace, where current SDKs read them. */
const NS_INSTANCES = `${NAMESPACES}/:name/instances`;

const PAGING = { defaultPerPage: 20, maxPerPage: 100 };

const listed = (page: Page<unknown>) => ok(page.items, page.resultInfo);

/** The instance `:id` (in namespace `:name` where the path names one). */
const byId = (ctx: RouteContext): AiSearchRecord | undefined =>
  ctx.data.aiSearch.instances.find(
    r =>
      r.instance.id === ctx.params.id &&
      (ctx.params.name === undefined ||
        r.instance.namespace === ctx.params.name),
  );

/** Answers with `answer(record)` for a known `:id`, Cloudflare's 404 otherwise. */
const perInstance =
  (answer: (r: AiSearchRecord, ctx: RouteContext) => Response) =>
  (ctx: RouteContext) => {
    const record = byId(ctx);
    return record
      ? answer(record, ctx)
      : cfErrors.notFound('ai search instance');
  };

/** The detail, stats and sync job routes of the instances under `base`. */
const instanceRoutes = (base: string): DemoRoute[] => [
  get(
    `${base}/:id`,
    perInstance(r => ok(r.instance)),
  ),
  get(
    `${base}/:id/stats`,
    perInstance(r => ok(r.stats)),
  ),
  get(
    `${base}/:id/jobs`,
    perInstance((r, ctx) => listed(pageOf(r.jobs, ctx.url, PAGING))),
  ),
  get(
    `${base}/:id/jobs/:job_id`,
    perInstance((r, ctx) => {
      const job = r.jobs.find(j => j.id === ctx.params.job_id);
      return job ? ok(job) : cfErrors.notFound('ai search job');
    }),
  ),
];

/**
 * Routes of the AI Search area: namespaces (page paging), the instances of a namespace (page
 * paging), instance detail, stats and sync jobs (page paging, newest first), under the namespace
 * and at the deprecated account-level paths. Item downloads, chunks, `search` and
 * `chat/completions` are deliberately not served.
 *
 * @public
 */
export const aiSearchRoutes: DemoRoute[] = [
  get(NAMESPACES, ctx =>
    listed(pageOf(ctx.data.aiSearch.namespaces, ctx.url, PAGING)),
  ),
  get(`${NAMESPACES}/:name`, ctx => {
    const ns = ctx.data.aiSearch.namespaces.find(
      n => n.name === ctx.params.name,
    );
    return ns ? ok(ns) : cfErrors.notFound('ai search namespace');
  }),
  get(NS_INSTANCES, ctx => {
    if (!ctx.data.aiSearch.namespaces.some(n => n.name === ctx.params.name))
      return cfErrors.notFound('ai search namespace');
    const instances = ctx.data.aiSearch.instances
      .map(r => r.instance)
      .filter(i => i.namespace === ctx.params.name);
    return listed(pageOf(instances, ctx.url, PAGING));
  }),
  ...instanceRoutes(NS_INSTANCES),
  get(INSTANCES, ctx => {
    const namespace = ctx.url.searchParams.get('namespace');
    const instances = ctx.data.aiSearch.instances
      .map(r => r.instance)
      .filter(i => !namespace || i.namespace === namespace);
    return listed(pageOf(instances, ctx.url, PAGING));
  }),
  ...instanceRoutes(INSTANCES),
];
