import { Router } from 'express';
import { RouteContext } from '../service/context';

/** The call budget of an account as `/health` shows it. */
export interface HealthBudget {
  limit: number;
  remaining: number;
  reservedForRoutes: number;
  resetSeconds: number;
  waiting: number;
}

/** One configured account as `/health` shows it: by its config id only. */
export interface HealthAccount {
  /** The config id (`default` for the top-level `cloudflare` block). */
  id: string;
  budget: HealthBudget;
  /** Calls sent to Cloudflare per client area since the process started. */
  callsByArea: Record<string, number>;
  breaker: {
    state: 'closed' | 'open' | 'half-open';
    retryAfterSeconds?: number;
  };
}

/** The answer of `GET /health`. */
export interface HealthAnswer {
  /** The plugin answers: `ok` even while Cloudflare is down (see each account's breaker). */
  status: 'ok';
  accounts: HealthAccount[];
}

const count = (n: unknown) =>
  typeof n === 'number' && Number.isFinite(n) ? n : 0;

/**
 * Each account's health from the clients service, reduced to what an unauthenticated caller may
 * see: the config id, budget figures, calls per area and breaker state. Not the Cloudflare account
 * id (not a secret, but it names the company's account to anyone who can reach the backend), no
 * token, no error text.
 */
export function healthOf(ctx: Pick<RouteContext, 'clients'>): HealthAnswer {
  return {
    status: 'ok',
    accounts: ctx.clients.health().map(h => ({
      id: h.id,
      budget: {
        limit: count(h.budget.limit),
        remaining: count(h.budget.remaining),
        reservedForRoutes: count(h.budget.reservedForRoutes),
        resetSeconds: count(h.budget.resetSeconds),
        waiting: count(h.budget.waiting),
      },
      callsByArea: Object.fromEntries(
        Object.entries(h.callsByArea ?? {}).map(([area, n]) => [
          area,
          count(n),
        ]),
      ),
      breaker: {
        state: h.breaker.state,
        ...(h.breaker.retryAfterSeconds !== undefined
          ? { retryAfterSeconds: count(h.breaker.retryAfterSeconds) }
          : {}),
      },
    })),
  };
}

/**
 * `GET /health`: unauthenticated. It calls nothing (a probe must not spend the API budget) and
 * shows, per configured account by its config id, the call budget left, calls per area and the
 * circuit breaker's state.
 */
export function registerHealthRoutes(router: Router, ctx: RouteContext) {
  router.get('/health', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(healthOf(ctx));
  });
}
