import express from 'express';
import Router from 'express-promise-router';
import { RouteContext } from './context';
import { registerHealthRoutes } from '../routes/health';
import { registerWorkersRoutes } from '../routes/workers';
import { registerPagesRoutes } from '../routes/pages';
import { registerZeroTrustRoutes } from '../routes/zeroTrust';
import { registerEvidenceRoutes } from '../routes/evidence';

/**
 * The `/api/cloudflare` router. Errors are thrown as `@backstage/errors` and rendered as JSON by
 * Backstage's default error handler.
 */
export async function createRouter(ctx: RouteContext): Promise<express.Router> {
  const router = Router();
  router.use(express.json({ limit: '64kb' }));
  registerHealthRoutes(router, ctx);
  registerWorkersRoutes(router, ctx);
  registerPagesRoutes(router, ctx);
  registerZeroTrustRoutes(router, ctx);
  registerEvidenceRoutes(router, ctx);
  return router;
}
