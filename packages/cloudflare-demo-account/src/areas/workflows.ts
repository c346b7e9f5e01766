import { cfErrors, ok } from '../envelope';
import { pageOf } from '../pagination';
import { DemoRoute, RouteContext, get } from '../route';
import type { WorkflowRecord } from '../fixtures/workflows';

const WORKFLOWS = '/accounts/:account_id/workflows';

const byName = (ctx: RouteContext): WorkflowRecord | undefined =>
  ctx.data.workflows.workflows.find(
    w => w.workflow.name === ctx.params.workflow_name,
  );

/** `GET .../workflows/{name}/instances`: `status`, `date_start`, `date_end`, `direction`; page paging. */
function listInstances(ctx: RouteContext): Response {
  const record = byName(ctx);
  if (!record) return cfErrors.notFound('workflow');
  const q = ctx.url.searchParams;
  const status = q.get('status');
  const from = q.get('date_start');
  const to = q.get('date_end');
  let instances = record.instances.filter(
    i =>
      (!status || i.status === status) &&
      (!from || i.created_on >= from) &&
      (!to || i.created_on <= to),
  );
  if (q.get('direction') === 'asc') instances = [...instances].reverse();
  const page = pageOf(instances, ctx.url, {
    defaultPerPage: 50,
    maxPerPage: 100,
  });
  return ok(page.items, page.resultInfo);
}

/** `GET .../workflows/{name}/versions`: newest first, page paging. */
function listVersions(ctx: RouteContext): Response {
  const record = byName(ctx);
  if (!record) return cfErrors.notFound('workflow');
  const page = pageOf(record.versions.versions, ctx.url, {
    defaultPerPage: 50,
    maxPerPage: 100,
  });
  return ok(page.items, page.resultInfo);
}

/**
 * Routes of the Workflows area: workflows (page paging, `search`), workflow detail, instances with
 * status, instance detail with steps and retry configuration, versions and their step graphs.
 * `GET .../instances/{id}/step` (untruncated step output) is not served: the suite never calls it.
 *
 * @public
 */
export const workflowsRoutes: DemoRoute[] = [
  get(WORKFLOWS, ctx => {
    const search = ctx.url.searchParams.get('search');
    const workflows = ctx.data.workflows.workflows
      .map(w => w.workflow)
      .filter(w => !search || w.name.includes(search));
    const page = pageOf(workflows, ctx.url, {
      defaultPerPage: 20,
      maxPerPage: 100,
    });
    return ok(page.items, page.resultInfo);
  }),
  get(`${WORKFLOWS}/:workflow_name`, ctx => {
    const record = byName(ctx);
    return record ? ok(record.workflow) : cfErrors.notFound('workflow');
  }),
  get(`${WORKFLOWS}/:workflow_name/instances`, listInstances),
  get(`${WORKFLOWS}/:workflow_name/instances/:instance_id`, ctx => {
    const detail = byName(ctx)?.details[ctx.params.instance_id];
    return detail ? ok(detail) : cfErrors.notFound('workflow instance');
  }),
  get(`${WORKFLOWS}/:workflow_name/versions`, listVersions),
  get(`${WORKFLOWS}/:workflow_name/versions/:version_id`, ctx => {
    const version = byName(ctx)?.versions.versions.find(
      v => v.id === ctx.params.version_id,
    );
    return version ? ok(version) : cfErrors.notFound('workflow version');
  }),
  get(`${WORKFLOWS}/:workflow_name/versions/:version_id/graph`, ctx => {
    const graph = byName(ctx)?.versions.graphs[ctx.params.version_id];
    return graph ? ok(graph) : cfErrors.notFound('workflow version');
  }),
];
