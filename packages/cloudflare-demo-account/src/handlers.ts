import { HttpHandler } from 'msw';
import { DemoRoute, toHandlers } from './route';
import { DemoAccountState } from './state';
import { workersRoutes } from './areas/workers';
import { pagesRoutes } from './areas/pages';
import { zeroTrustRoutes } from './areas/zeroTrust';
import { auditLogsRoutes } from './areas/auditLogs';
import { tokensRoutes } from './areas/tokens';
import { queuesRoutes } from './areas/queues';
import { kvRoutes } from './areas/kv';
import { d1Routes } from './areas/d1';
import { r2Routes } from './areas/r2';
import { aiGatewayRoutes } from './areas/aiGateway';
import { vectorizeRoutes } from './areas/vectorize';
import { analyticsEngineRoutes } from './areas/analyticsEngine';
import { secretsStoreRoutes } from './areas/secretsStore';
import { hyperdriveRoutes } from './areas/hyperdrive';
import { containersRoutes } from './areas/containers';
import { workflowsRoutes } from './areas/workflows';
import { durableObjectsRoutes } from './areas/durableObjects';
import { aiSearchRoutes } from './areas/aiSearch';
import { browserRenderingRoutes } from './areas/browserRendering';
import { tagsRoutes } from './areas/tags';
import { graphqlRoutes } from './graphql';

/**
 * Every route of the demo account, all areas.
 *
 * @public
 */
export const demoAccountRoutes: DemoRoute[] = [
  ...workersRoutes,
  ...pagesRoutes,
  ...zeroTrustRoutes,
  ...auditLogsRoutes,
  ...tokensRoutes,
  ...queuesRoutes,
  ...kvRoutes,
  ...d1Routes,
  ...r2Routes,
  ...aiGatewayRoutes,
  ...vectorizeRoutes,
  ...analyticsEngineRoutes,
  ...secretsStoreRoutes,
  ...hyperdriveRoutes,
  ...containersRoutes,
  ...workflowsRoutes,
  ...durableObjectsRoutes,
  ...aiSearchRoutes,
  ...browserRenderingRoutes,
  ...tagsRoutes,
  ...graphqlRoutes,
];

/**
 * The demo account's msw handlers, bound to one state (data, tokens, faults, rate limit).
 *
 * @public
 */
export function createDemoAccountHandlers(
  state: DemoAccountState = new DemoAccountState(),
): HttpHandler[] {
  return toHandlers(state, demoAccountRoutes);
}
