import { cfErrors, ok } from '../envelope';
import { pageOf } from '../pagination';
import { DemoRoute, RouteContext, get } from '../route';

const GATEWAYS = '/accounts/:account_id/ai-gateway/gateways';

/** `GET .../gateways` (`search`, page paging). */
function listGateways(ctx: RouteContext): Response {
  const search = ctx.url.searchParams.get('search');
  const gateways = ctx.data.aiGateway.gateways.filter(
    g => !search || g.id.includes(search),
  );
  const page = pageOf(gateways, ctx.url, {
    defaultPerPage: 20,
    maxPerPage: 100,
  });
  return ok(page.items, page.resultInfo);
}

/** `GET .../gateways/{id}/logs` (filters `success`, `cached`, `provider`, `model`; page paging, max 50). */
function listLogs(ctx: RouteContext): Response {
  const gatewayId = ctx.params.gateway_id;
  if (!ctx.data.aiGateway.gateways.some(g => g.id === gatewayId))
    return cfErrors.notFound('gateway');
  const q = ctx.url.searchParams;
  const bool = (name: string) =>
    q.has(name) ? q.get(name) === 'true' : undefined;
  const success = bool('success');
  const cached = bool('cached');
  const logs = (ctx.data.aiGateway.logs[gatewayId] ?? []).filter(
    l =>
      (success === undefined || l.success === success) &&
      (cached === undefined || l.cached === cached) &&
      (!q.get('provider') || l.provider === q.get('provider')) &&
      (!q.get('model') || l.model === q.get('model')),
  );
  const page = pageOf(logs, ctx.url, { defaultPerPage: 20, maxPerPage: 50 });
  return ok(page.items, page.resultInfo);
}

/**
 * Routes of the AI Gateway area: gateways (page paging), gateway detail and log metadata. The
 * request and response bodies of logs are deliberately not served.
 *
 * @public
 */
export const aiGatewayRoutes: DemoRoute[] = [
  get(GATEWAYS, listGateways),
  get(`${GATEWAYS}/:gateway_id`, ctx => {
    const gateway = ctx.data.aiGateway.gateways.find(
      g => g.id === ctx.params.gateway_id,
    );
    return gateway ? ok(gateway) : cfErrors.notFound('gateway');
  }),
  get(`${GATEWAYS}/:gateway_id/logs`, listLogs),
];
