import { CloudflareAreaId } from '../areas';
import { CloudflareRouteContract } from './contract';
import { d1Routes } from './d1';
import { kvRoutes } from './kv';
import { pagesRoutes } from './pages';
import { r2Routes } from './r2';
import { workersRoutes } from './workers';
import { zeroTrustRoutes } from './zeroTrust';

export * from './contract';
export * from './masking';
export * from './params';
export * from './workers';
export * from './pages';
export * from './zeroTrust';
export * from './tags';
export * from './kv';
export * from './d1';
export * from './r2';

/**
 * The wire contract of every area that has one: its routes, by operation name. Each layer's table
 * is typed `Record<CloudflareContractedAreaId, ...>`, so an area added here and missing in a layer
 * fails `yarn tsc`. The type names each area's routes (rather than letting the declaration repeat
 * them), so the API report states each route once.
 *
 * @public
 */
export const CLOUDFLARE_CONTRACTS: {
  readonly workers: typeof workersRoutes;
  readonly pages: typeof pagesRoutes;
  readonly zeroTrust: typeof zeroTrustRoutes;
  readonly kv: typeof kvRoutes;
  readonly d1: typeof d1Routes;
  readonly r2: typeof r2Routes;
} = {
  workers: workersRoutes,
  pages: pagesRoutes,
  zeroTrust: zeroTrustRoutes,
  kv: kvRoutes,
  d1: d1Routes,
  r2: r2Routes,
} as const satisfies Partial<
  Record<CloudflareAreaId, Record<string, CloudflareRouteContract>>
>;

/**
 * Areas with a wire contract.
 *
 * @public
 */
export type CloudflareContractedAreaId = keyof typeof CLOUDFLARE_CONTRACTS;

/**
 * Every read route of the suite, in registry order.
 *
 * @public
 */
export const CLOUDFLARE_ROUTES: readonly CloudflareRouteContract[] =
  Object.values(CLOUDFLARE_CONTRACTS).flatMap(routes =>
    Object.values(routes as Record<string, CloudflareRouteContract>),
  );
