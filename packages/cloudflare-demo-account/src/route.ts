import { delay, http, HttpHandler } from 'msw';
import { cfErrors } from './envelope';
import { parseFault } from './faults';
import { applyFaultToResponse, faultResponse } from './faultResponses';
import { DemoAccountState } from './state';
import type { DemoAccountData } from './data';

/**
 * Cloudflare's v4 API prefix; handlers match it on any origin.
 *
 * @public
 */
export const API_PREFIX = '/client/v4';

/**
 * What a route's resolver is given.
 *
 * @public
 */
export interface RouteContext {
  request: Request;
  url: URL;
  params: Record<string, string>;
  state: DemoAccountState;
  data: DemoAccountData;
}

/**
 * One route of the demo account: a method, a path pattern under `/client/v4` (msw syntax, e.g.
 * `/accounts/:account_id/workers/scripts`) and what it answers. Routes under `/accounts/:account_id`
 * answer 403 for any other account, as Cloudflare does.
 *
 * @public
 */
export interface DemoRoute {
  method: 'GET' | 'POST';
  path: string;
  resolve: (ctx: RouteContext) => Response | Promise<Response>;
}

/**
 * Short-hand for a GET route.
 *
 * @public
 */
export const get = (
  path: string,
  resolve: DemoRoute['resolve'],
): DemoRoute => ({
  method: 'GET',
  path,
  resolve,
});

/**
 * Short-hand for a POST route (reads only: Analytics Engine SQL, GraphQL).
 *
 * @public
 */
export const post = (
  path: string,
  resolve: DemoRoute['resolve'],
): DemoRoute => ({
  method: 'POST',
  path,
  resolve,
});

function bearerToken(request: Request): string | undefined | null {
  const auth = request.headers.get('authorization');
  if (auth === null)
    return request.headers.get('x-auth-key') ? null : undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(auth);
  return m ? m[1] : null;
}

/**
 * Turns routes into msw handlers that behave like Cloudflare around them: token check, rate limit,
 * account check, fault knobs, added latency, per-route call counts and `Ratelimit` headers.
 *
 * @public
 */
export function toHandlers(
  state: DemoAccountState,
  routes: DemoRoute[],
): HttpHandler[] {
  return routes.map(route => {
    const method = route.method === 'GET' ? http.get : http.post;
    return method(
      `*${API_PREFIX}${route.path}`,
      async ({ request, params }) => {
        const url = new URL(request.url);
        const p = Object.fromEntries(
          Object.entries(params).map(([k, v]) => [
            k,
            String(Array.isArray(v) ? v[0] : v),
          ]),
        );
        state.countCall(`${route.method} ${route.path}`);

        const headerFault = request.headers.get('cf-demo-fault');
        const fault =
          headerFault !== null
            ? parseFault(headerFault)
            : state.takeFault(url.pathname);
        const latency =
          state.latencyMs + (fault?.kind === 'latency' ? fault.ms : 0);
        if (latency > 0) await delay(latency);

        const token = bearerToken(request);
        if (token === undefined) return cfErrors.missingAuth();
        if (token === null || !state.tokens.has(token))
          return cfErrors.invalidToken();

        const wait = state.consumeRateLimit(token);
        if (wait !== undefined) return cfErrors.rateLimited(wait);

        if (
          p.account_id !== undefined &&
          p.account_id !== state.data.account.id
        ) {
          return cfErrors.forbidden();
        }

        const early = await faultResponse(fault, url);
        if (early) return early;

        const response = await applyFaultToResponse(
          fault,
          url,
          await route.resolve({
            request,
            url,
            params: p,
            state,
            data: state.data,
          }),
        );
        if (state.rateLimit) {
          const { remaining, resetSeconds } = state.remaining(token);
          response.headers.set(
            'ratelimit',
            `"default";r=${remaining};t=${resetSeconds}`,
          );
          const { calls, windowSeconds } = state.rateLimitPolicy;
          response.headers.set(
            'ratelimit-policy',
            `"default";q=${calls};w=${windowSeconds}`,
          );
        }
        return response;
      },
    );
  });
}
