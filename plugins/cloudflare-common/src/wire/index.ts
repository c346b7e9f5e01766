import { CloudflareAreaId } from '../areas';
import { analyticsEngineRoutes } from './analyticsEngine';
import { aiGatewayRoutes } from './aiGateway';
import { aiSearchRoutes } from './aiSearch';
import { CloudflareRouteContract } from './contract';
import { d1Routes } from './d1';
import { durableObjectsRoutes } from './durableObjects';
import { hyperdriveRoutes } from './hyperdrive';
import { containersRoutes } from './containers';
import { browserRenderingRoutes } from './browserRendering';
import { kvRoutes } from './kv';
import { pagesRoutes } from './pages';
import { queuesRoutes } from './queues';
import { r2Routes } from './r2';
import { secretsStoreRoutes } from './secretsStore';
import { vectorizeRoutes } from './vectorize';
import { workersRoutes } from './workers';
import { workflowsRoutes } from './workflows';
import { zeroTrustRoutes } from './zeroTrust';

export * from './contract';
export * from './masking';
export * from './params';
export * from './workers';
export * from './pages';
export * from './zeroTrust';
export * from './workflows';
export * from './tags';
export * from './kv';
export * from './d1';
export * from './durableObjects';
export * from './r2';
export * from './analyticsEngine';
export * from './aiSearch';
export * from './secretsStore';
export * from './aiGateway';
export * from './vectorize';
export * from './queues';
export * from './hyperdrive';
export * from './containers';
export * from './browserRendering';
export * from './acceptance';
export * from './evidenceDiff';

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
  readonly durableObjects: typeof durableObjectsRoutes;
  readonly workflows: typeof workflowsRoutes;
  readonly secretsStore: typeof secretsStoreRoutes;
  readonly aiGateway: typeof aiGatewayRoutes;
  readonly vectorize: typeof vectorizeRoutes;
  readonly analyticsEngine: typeof analyticsEngineRoutes;
  readonly aiSearch: typeof aiSearchRoutes;
  readonly queues: typeof queuesRoutes;
  readonly hyperdrive: typeof hyperdriveRoutes;
  readonly containers: typeof containersRoutes;
  readonly browserRendering: typeof browserRenderingRoutes;
} = {
  workers: workersRoutes,
  pages: pagesRoutes,
  zeroTrust: zeroTrustRoutes,
  kv: kvRoutes,
  d1: d1Routes,
  r2: r2Routes,
  durableObjects: durableObjectsRoutes,
  workflows: workflowsRoutes,
  secretsStore: secretsStoreRoutes,
  aiGateway: aiGatewayRoutes,
  vectorize: vectorizeRoutes,
  analyticsEngine: analyticsEngineRoutes,
  aiSearch: aiSearchRoutes,
  queues: queuesRoutes,
  hyperdrive: hyperdriveRoutes,
  containers: containersRoutes,
  browserRendering: browserRenderingRoutes,
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
