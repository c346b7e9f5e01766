import { cfError, ok } from '../envelope';
import { pageOf } from '../pagination';
import { DemoRoute, RouteContext, get } from '../route';

const PROJECTS = '/accounts/:account_id/pages/projects';

/** Cloudflare's Pages errors. */
const projectNotFound = () =>
  cfError(
    404,
    8000007,
    'Project not found. The specified project name does not match any of your existing projects.',
  );
const deploymentNotFound = () =>
  cfError(
    404,
    8000009,
    'The deployment ID you have specified does not exist. Update the deployment ID and try again.',
  );

const projectOf = (ctx: RouteContext) =>
  ctx.data.pages.projects.find(p => p.name === ctx.params.project_name);

/**
 * Routes of the Pages area: projects (page paging, default 10), project, deployments (page paging,
 * default 25, `env=production|preview`) and deployment detail.
 *
 * @public
 */
export const pagesRoutes: DemoRoute[] = [
  get(PROJECTS, ctx => {
    const page = pageOf(ctx.data.pages.projects, ctx.url, {
      defaultPerPage: 10,
      maxPerPage: 100,
    });
    return ok(page.items, page.resultInfo);
  }),
  get(`${PROJECTS}/:project_name`, ctx => {
    const project = projectOf(ctx);
    return project ? ok(project) : projectNotFound();
  }),
  get(`${PROJECTS}/:project_name/deployments`, ctx => {
    const project = projectOf(ctx);
    if (!project) return projectNotFound();
    const env = ctx.url.searchParams.get('env');
    const all = ctx.data.pages.deployments[project.name] ?? [];
    const filtered =
      env === 'production' || env === 'preview'
        ? all.filter(d => d.environment === env)
        : all;
    const page = pageOf(filtered, ctx.url, {
      defaultPerPage: 25,
      maxPerPage: 25,
    });
    return ok(page.items, page.resultInfo);
  }),
  get(`${PROJECTS}/:project_name/deployments/:deployment_id`, ctx => {
    const project = projectOf(ctx);
    if (!project) return projectNotFound();
    const d = ctx.data.pages.deployments[project.name]?.find(
      x => x.id === ctx.params.deployment_id,
    );
    return d ? ok(d) : deploymentNotFound();
  }),
];
