import { cfError, cfErrors, ok } from '../envelope';
import { pageOf } from '../pagination';
import { DemoRoute, RouteContext, get } from '../route';
import type { WorkersBuild, WorkerVersionDetail } from '../fixtures/workers';

const SCRIPTS = '/accounts/:account_id/workers/scripts';
const BUILDS = '/accounts/:account_id/builds';

/** Cloudflare's answer for an unknown script. */
const scriptNotFound = () =>
  cfError(404, 10007, 'This Worker does not exist on your account.');

const hasScript = (ctx: RouteContext) =>
  ctx.data.workers.scripts.some(s => s.id === ctx.params.script_name);

/** Splits a comma-separated (or repeated) query parameter. */
const listParam = (url: URL, name: string): string[] =>
  url.searchParams
    .getAll(name)
    .flatMap(v => v.split(','))
    .map(v => v.trim())
    .filter(Boolean);

/** Workers Builds answers carry `messages` as strings; the envelope's `[]` fits either shape. */
function buildsMap(
  keys: string[],
  find: (key: string) => WorkersBuild | undefined,
): Response {
  if (keys.length > 20)
    return cfErrors.badRequest('at most 20 ids per request');
  const builds: Record<string, WorkersBuild> = {};
  for (const key of keys) {
    const build = find(key);
    if (build) builds[key] = build;
  }
  return ok({ builds });
}

function versionDetail(ctx: RouteContext): Response {
  const name = ctx.params.script_name;
  const version = ctx.data.workers.versions[name]?.find(
    v => v.id === ctx.params.version_id,
  );
  if (!version) return cfErrors.notFound('version');
  const script = ctx.data.workers.scripts.find(s => s.id === name);
  const settings = ctx.data.workers.settings[name];
  const detail: WorkerVersionDetail = {
    ...version,
    resources: {
      bindings: settings?.bindings ?? [],
      script: {
        etag: script?.etag,
        handlers: script?.handlers,
        last_deployed_from: script?.last_deployed_from,
        named_handlers: script?.named_handlers,
      },
      script_runtime: {
        compatibility_date: settings?.compatibility_date,
        compatibility_flags: settings?.compatibility_flags,
        usage_model: settings?.usage_model,
        limits: { cpu_ms: 50 },
      },
    },
  };
  return ok(detail);
}

/**
 * Cloudflare's `tags` filter: comma-separated `tag:allowed` pairs, `allowed` being `yes` or `no`. Tags
 * may hold colons themselves (`team:platform:yes`), so only the last segment is read; a pair without
 * `yes`/`no` counts as `yes`.
 */
function tagFilter(pairs: string[]): { keep: string[]; drop: string[] } {
  const keep: string[] = [];
  const drop: string[] = [];
  for (const pair of pairs) {
    const m = /^(.*):(yes|no)$/.exec(pair);
    if (!m) keep.push(pair);
    else (m[2] === 'yes' ? keep : drop).push(m[1]);
  }
  return { keep, drop };
}

/**
 * Routes of the Workers area: scripts (single page), settings with bindings, secret names, versions
 * (`result.items`, page paging), version detail, deployments (`result.deployments`), and the Workers
 * Builds API (builds by version id, latest build by script tag, builds of a script, page paging).
 *
 * @public
 */
export const workersRoutes: DemoRoute[] = [
  get(SCRIPTS, ctx => {
    const { keep, drop } = tagFilter(listParam(ctx.url, 'tags'));
    const scripts = ctx.data.workers.scripts.filter(s => {
      const tags = s.tags ?? [];
      return (
        (keep.length === 0 || keep.some(t => tags.includes(t))) &&
        !drop.some(t => tags.includes(t))
      );
    });
    return ok(scripts);
  }),
  get(`${SCRIPTS}/:script_name/settings`, ctx => {
    const settings = ctx.data.workers.settings[ctx.params.script_name];
    return settings ? ok(settings) : scriptNotFound();
  }),
  get(`${SCRIPTS}/:script_name/script-settings`, ctx => {
    const settings = ctx.data.workers.settings[ctx.params.script_name];
    if (!settings) return scriptNotFound();
    const { logpush, observability, tags, tail_consumers } = settings;
    return ok({ logpush, observability, tags, tail_consumers });
  }),
  get(`${SCRIPTS}/:script_name/secrets`, ctx =>
    hasScript(ctx)
      ? ok(ctx.data.workers.secrets[ctx.params.script_name] ?? [])
      : scriptNotFound(),
  ),
  get(`${SCRIPTS}/:script_name/versions`, ctx => {
    if (!hasScript(ctx)) return scriptNotFound();
    const page = pageOf(
      ctx.data.workers.versions[ctx.params.script_name] ?? [],
      ctx.url,
      {
        defaultPerPage: 10,
        maxPerPage: 100,
      },
    );
    return ok({ items: page.items }, page.resultInfo);
  }),
  get(`${SCRIPTS}/:script_name/versions/:version_id`, ctx =>
    hasScript(ctx) ? versionDetail(ctx) : scriptNotFound(),
  ),
  get(`${SCRIPTS}/:script_name/deployments`, ctx =>
    hasScript(ctx)
      ? ok({
          deployments:
            ctx.data.workers.deployments[ctx.params.script_name] ?? [],
        })
      : scriptNotFound(),
  ),
  get(`${SCRIPTS}/:script_name/deployments/:deployment_id`, ctx => {
    if (!hasScript(ctx)) return scriptNotFound();
    const d = ctx.data.workers.deployments[ctx.params.script_name]?.find(
      x => x.id === ctx.params.deployment_id,
    );
    return d ? ok(d) : cfErrors.notFound('deployment');
  }),
  get(`${BUILDS}/builds`, ctx => {
    const byUuid = new Map(ctx.data.workers.builds.map(b => [b.build_uuid, b]));
    return buildsMap(listParam(ctx.url, 'version_ids'), v => {
      const uuid = ctx.data.workers.buildsByVersion[v];
      return uuid ? byUuid.get(uuid) : undefined;
    });
  }),
  get(`${BUILDS}/builds/latest`, ctx =>
    // Builds are kept newest first, so the first match is the latest.
    buildsMap(listParam(ctx.url, 'external_script_ids'), id =>
      ctx.data.workers.builds.find(b => b.trigger.external_script_id === id),
    ),
  ),
  get(`${BUILDS}/builds/:build_uuid`, ctx => {
    const build = ctx.data.workers.builds.find(
      b => b.build_uuid === ctx.params.build_uuid,
    );
    return build ? ok(build) : cfErrors.notFound('build');
  }),
  get(`${BUILDS}/workers/:external_script_id/builds`, ctx => {
    const builds = ctx.data.workers.builds.filter(
      b => b.trigger.external_script_id === ctx.params.external_script_id,
    );
    const page = pageOf(builds, ctx.url, {
      defaultPerPage: 25,
      maxPerPage: 100,
    });
    return ok(page.items, page.resultInfo);
  }),
];
