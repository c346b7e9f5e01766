import { cfErrors, ok } from '../envelope';
import { pageTokenOf } from '../pagination';
import { DemoRoute, RouteContext, get } from '../route';
import type {
  ContainerApplication,
  ContainerInstance,
} from '../fixtures/containers';

const APPS = '/accounts/:account_id/containers/applications';

/** The image of an application (Durable Object applications may have none). */
const imageOf = (a: ContainerApplication) =>
  a.configuration && 'image' in a.configuration
    ? a.configuration.image
    : undefined;

const ACTIVE = new Set<ContainerInstance['status']['state']>([
  'provisioning',
  'running',
  'unhealthy',
]);

/** Instances of `:application_id` filtered by `state=active|not-active` and `name_prefix`, or undefined. */
function instancesOf(ctx: RouteContext): ContainerInstance[] | undefined {
  if (
    !ctx.data.containers.applications.some(
      a => a.id === ctx.params.application_id,
    )
  )
    return undefined;
  const state = ctx.url.searchParams.get('state');
  const prefix = ctx.url.searchParams.get('name_prefix');
  return (
    ctx.data.containers.instances[ctx.params.application_id] ?? []
  ).filter(
    i =>
      (!state || (state === 'active') === ACTIVE.has(i.status.state)) &&
      (!prefix || (i.name ?? '').startsWith(prefix)),
  );
}

/**
 * Routes of the Containers area: applications (page-token paging, filters `name` and `image`),
 * application detail, instances (`instances-v2` with page tokens, and the older `instances` with
 * `result.instances`) and instance detail.
 *
 * @public
 */
export const containersRoutes: DemoRoute[] = [
  get(APPS, ctx => {
    const name = ctx.url.searchParams.get('name');
    const image = ctx.url.searchParams.get('image');
    const apps = ctx.data.containers.applications.filter(
      a => (!name || a.name === name) && (!image || imageOf(a) === image),
    );
    const page = pageTokenOf(apps, ctx.url);
    return ok(page.items, page.resultInfo);
  }),
  get(`${APPS}/:application_id`, ctx => {
    const app = ctx.data.containers.applications.find(
      a => a.id === ctx.params.application_id,
    );
    return app ? ok(app) : cfErrors.notFound('container application');
  }),
  get(`${APPS}/:application_id/instances-v2`, ctx => {
    const instances = instancesOf(ctx);
    if (!instances) return cfErrors.notFound('container application');
    const page = pageTokenOf(instances, ctx.url);
    return ok(page.items, page.resultInfo);
  }),
  get(`${APPS}/:application_id/instances`, ctx => {
    const instances = instancesOf(ctx);
    if (!instances) return cfErrors.notFound('container application');
    const page = pageTokenOf(instances, ctx.url);
    return ok({ instances: page.items }, page.resultInfo);
  }),
  get(`${APPS}/:application_id/instances/:instance_id`, ctx => {
    const instance = (
      ctx.data.containers.instances[ctx.params.application_id] ?? []
    ).find(i => i.id === ctx.params.instance_id);
    return instance ? ok(instance) : cfErrors.notFound('container instance');
  }),
];
