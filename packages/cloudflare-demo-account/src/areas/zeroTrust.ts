import { cfError, cfErrors, ok } from '../envelope';
import { cursorPageOf, pageOf } from '../pagination';
import { DemoRoute, RouteContext, get } from '../route';

const ACCESS = '/accounts/:account_id/access';

/** Cloudflare's Access error for an unknown application. */
const appNotFound = () =>
  cfError(404, 12130, 'access.api.error.not_found: application not found');

const page = <T>(items: readonly T[], ctx: RouteContext) => {
  const p = pageOf(items, ctx.url, { defaultPerPage: 25, maxPerPage: 1000 });
  return ok(p.items, p.resultInfo);
};

/** Case-insensitive substring match of a query parameter against some fields; true when absent. */
const matches = (
  ctx: RouteContext,
  param: string,
  ...values: Array<string | undefined>
) => {
  const q = ctx.url.searchParams.get(param);
  return (
    q === null || values.some(v => v?.toLowerCase().includes(q.toLowerCase()))
  );
};

/**
 * `GET .../access/logs/access_requests`: `since`, `until`, `limit` (default 25), `direction` (default
 * desc), `email` (substring; exact with `email_exact=true` or `emailOp=eq`).
 */
function accessRequests(ctx: RouteContext): Response {
  const { searchParams } = ctx.url;
  const since = searchParams.get('since');
  const until = searchParams.get('until');
  const sinceMs = since ? Date.parse(since) : -Infinity;
  const untilMs = until ? Date.parse(until) : Infinity;
  if (Number.isNaN(sinceMs) || Number.isNaN(untilMs)) {
    return cfErrors.badRequest('since and until must be RFC 3339 timestamps');
  }
  const limit = Math.min(
    Math.max(Number(searchParams.get('limit') ?? 25) || 25, 1),
    1000,
  );
  // Cloudflare matches `email` as a substring unless `email_exact=true` or `emailOp=eq`.
  const email = searchParams.get('email');
  const exact =
    searchParams.get('email_exact') === 'true' ||
    searchParams.get('emailOp') === 'eq';
  let logs = ctx.data.zeroTrust.accessRequests.filter(l => {
    const t = Date.parse(l.created_at ?? '');
    const emailOk =
      email === null ||
      (exact ? l.user_email === email : !!l.user_email?.includes(email));
    return t >= sinceMs && t <= untilMs && emailOk;
  });
  if (searchParams.get('direction') === 'asc') logs = [...logs].reverse();
  return ok(logs.slice(0, limit));
}

/**
 * Routes of the Zero Trust area: Access applications (with `name`/`domain`/`search` filters), app
 * policies, reusable policies, identity providers, users (page paging), authentication logs (a plain
 * array filtered by time) and physical devices (cursor paging).
 *
 * @public
 */
export const zeroTrustRoutes: DemoRoute[] = [
  get(`${ACCESS}/apps`, ctx =>
    page(
      ctx.data.zeroTrust.applications.filter(
        a =>
          matches(ctx, 'name', a.name) &&
          matches(ctx, 'domain', 'domain' in a ? a.domain : undefined) &&
          matches(ctx, 'search', a.name, 'domain' in a ? a.domain : undefined),
      ),
      ctx,
    ),
  ),
  get(`${ACCESS}/apps/:app_id`, ctx => {
    const app = ctx.data.zeroTrust.applications.find(
      a => a.id === ctx.params.app_id,
    );
    return app ? ok(app) : appNotFound();
  }),
  get(`${ACCESS}/apps/:app_id/policies`, ctx => {
    const policies = ctx.data.zeroTrust.appPolicies[ctx.params.app_id];
    return policies ? page(policies, ctx) : appNotFound();
  }),
  get(`${ACCESS}/policies`, ctx => page(ctx.data.zeroTrust.policies, ctx)),
  get(`${ACCESS}/policies/:policy_id`, ctx => {
    const policy = ctx.data.zeroTrust.policies.find(
      p => p.id === ctx.params.policy_id,
    );
    return policy ? ok(policy) : cfErrors.notFound('policy');
  }),
  get('/accounts/:account_id/access/identity_providers', ctx =>
    page(ctx.data.zeroTrust.identityProviders, ctx),
  ),
  get(`${ACCESS}/logs/access_requests`, accessRequests),
  get(`${ACCESS}/users`, ctx =>
    page(
      ctx.data.zeroTrust.users.filter(
        u =>
          matches(ctx, 'email', u.email) &&
          matches(ctx, 'name', u.name) &&
          matches(ctx, 'search', u.email, u.name),
      ),
      ctx,
    ),
  ),
  get('/accounts/:account_id/devices/physical-devices', ctx => {
    const p = cursorPageOf(ctx.data.zeroTrust.devices, ctx.url, {
      defaultSize: 10,
      maxSize: 100,
    });
    return ok(p.items, {
      count: p.resultInfo.count,
      per_page: p.resultInfo.per_page,
      cursor: p.resultInfo.cursor,
    });
  }),
];
