import { SECRET_CANARIES } from '../canaries';
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

/** `GET .../gateways/{id}/provider_configs` (page paging); `secret_preview` is part of the key. */
function listProviderConfigs(ctx: RouteContext): Response {
  const gatewayId = ctx.params.gateway_id;
  if (!ctx.data.aiGateway.gateways.some(g => g.id === gatewayId))
    return cfErrors.notFound('gateway');
  const page = pageOf(
    ctx.data.aiGateway.providerConfigs[gatewayId] ?? [],
    ctx.url,
    {
      defaultPerPage: 20,
      maxPerPage: 50,
    },
  );
  return ok(page.items, page.resultInfo);
}

/**
 * `GET .../logs/{id}/request` and `.../response`: the prompt and the completion, calls the suite must
 * never make. Served (with {@link SECRET_CANARIES.aiGatewayPrompt}) so a call is counted and a leak
 * shows.
 */
function logBody(part: 'request' | 'response') {
  return (ctx: RouteContext): Response => {
    const log = (ctx.data.aiGateway.logs[ctx.params.gateway_id] ?? []).find(
      l => l.id === ctx.params.id,
    );
    if (!log) return cfErrors.notFound('log');
    return ok(
      part === 'request'
        ? {
            model: log.model,
            messages: [
              { role: 'user', content: SECRET_CANARIES.aiGatewayPrompt },
            ],
          }
        : { choices: [{ message: { role: 'assistant', content: 'Sure.' } }] },
    );
  };
}

/**
 * Routes of the AI Gateway area: gateways (page paging), gateway detail, provider configs and log
 * metadata; the request and response bodies of logs too, which the suite must never read.
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
  get(`${GATEWAYS}/:gateway_id/provider_configs`, listProviderConfigs),
  get(`${GATEWAYS}/:gateway_id/logs/:id/request`, logBody('request')),
  get(`${GATEWAYS}/:gateway_id/logs/:id/response`, logBody('response')),
];
