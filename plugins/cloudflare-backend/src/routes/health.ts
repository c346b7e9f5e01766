import { Router } from 'express';
import { RouteContext } from '../service/context';

/**
 * `GET /health`: unauthenticated liveness of the plugin. It does not call Cloudflare (a probe must
 * not spend the API budget) and shows no account data.
 */
export function registerHealthRoutes(router: Router, _ctx: RouteContext) {
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
}
