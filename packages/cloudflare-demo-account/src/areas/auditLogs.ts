import { cfErrors, ok } from '../envelope';
import { cursorPageOf, pageOf } from '../pagination';
import { DemoRoute, RouteContext, get } from '../route';
import type { AuditLogV1, AuditLogV2 } from '../fixtures/auditLogs';

/** Parses a time bound (date or RFC 3339); undefined when absent, NaN when invalid. */
const timeParam = (url: URL, name: string): number | undefined => {
  const v = url.searchParams.get(name);
  return v === null ? undefined : Date.parse(v);
};

const inWindow = (iso: string | undefined, since?: number, before?: number) => {
  const t = Date.parse(iso ?? '');
  return (
    (since === undefined || t >= since) && (before === undefined || t < before)
  );
};

/** `GET /accounts/{id}/audit_logs`: `since`, `before`, `actor.email`, `actor.ip`, `action.type`, `direction`; page paging (default 100). */
function auditLogsV1(ctx: RouteContext): Response {
  const q = ctx.url.searchParams;
  const since = timeParam(ctx.url, 'since');
  const before = timeParam(ctx.url, 'before');
  if (Number.isNaN(since) || Number.isNaN(before))
    return cfErrors.badRequest('invalid since or before');
  const email = q.get('actor.email');
  const ip = q.get('actor.ip');
  const type = q.get('action.type');
  let logs: AuditLogV1[] = ctx.data.auditLogs.v1.filter(
    l =>
      inWindow(l.when, since, before) &&
      (email === null || l.actor?.email === email) &&
      (ip === null || l.actor?.ip === ip) &&
      (type === null || l.action?.type === type),
  );
  if (q.get('direction') === 'asc') logs = [...logs].reverse();
  const page = pageOf(logs, ctx.url, { defaultPerPage: 100, maxPerPage: 1000 });
  return ok(page.items, page.resultInfo);
}

/** A v2 filter such as `action_type` and its negated form `action_type.not` (repeatable). */
function v2Filter(url: URL, name: string, value: string | undefined): boolean {
  const want = url.searchParams.getAll(name);
  const not = url.searchParams.getAll(`${name}.not`);
  return (
    (want.length === 0 || want.includes(value ?? '')) &&
    !not.includes(value ?? '')
  );
}

/** The v2 filters the demo account applies, by query name (each also as `<name>.not`). */
const V2_FILTERS: Record<string, (l: AuditLogV2) => string | undefined> = {
  id: l => l.id,
  action_result: l => l.action?.result,
  action_type: l => l.action?.type,
  actor_context: l => l.actor?.context,
  actor_email: l => l.actor?.email,
  actor_id: l => l.actor?.id,
  actor_ip_address: l => l.actor?.ip_address,
  actor_token_id: l => l.actor?.token_id,
  actor_type: l => l.actor?.type,
  resource_id: l => l.resource?.id,
  resource_product: l => l.resource?.product,
  resource_scope: l =>
    typeof l.resource?.scope === 'string' ? l.resource.scope : undefined,
  resource_type: l => l.resource?.type,
  zone_name: l => l.zone?.name,
};

/** `GET /accounts/{id}/logs/audit`: `since` and `before` required; `limit` (default 100), cursor paging. */
function auditLogsV2(ctx: RouteContext): Response {
  const since = timeParam(ctx.url, 'since');
  const before = timeParam(ctx.url, 'before');
  if (since === undefined || before === undefined) {
    return cfErrors.badRequest('since and before are required');
  }
  if (Number.isNaN(since) || Number.isNaN(before))
    return cfErrors.badRequest('invalid since or before');
  let logs: AuditLogV2[] = ctx.data.auditLogs.v2.filter(
    l =>
      inWindow(l.action?.time, since, before) &&
      Object.entries(V2_FILTERS).every(([name, field]) =>
        v2Filter(ctx.url, name, field(l)),
      ),
  );
  if (ctx.url.searchParams.get('direction') === 'asc')
    logs = [...logs].reverse();
  const page = cursorPageOf(logs, ctx.url, {
    sizeParam: 'limit',
    defaultSize: 100,
    maxSize: 1000,
  });
  return ok(page.items, page.resultInfo);
}

/**
 * Routes of the account audit logs: v1 (page paging) and v2 (cursor paging; `result_info` carries
 * both `cursor` and `cursors.after`).
 *
 * @public
 */
export const auditLogsRoutes: DemoRoute[] = [
  get('/accounts/:account_id/audit_logs', auditLogsV1),
  get('/accounts/:account_id/logs/audit', auditLogsV2),
];
