import { CloudflareContractedAreaId } from '@cloudflare-backstage/plugin-cloudflare-common';
import { aiGatewayRouteDescriptors } from './aiGateway';
import { aiSearchRouteDescriptors } from './aiSearch';
import { analyticsEngineRouteDescriptors } from './analyticsEngine';
import { d1RouteDescriptors } from './d1';
import { durableObjectsRouteDescriptors } from './durableObjects';
import { hyperdriveRouteDescriptors } from './hyperdrive';
import { containersRouteDescriptors } from './containers';
import { browserRenderingRouteDescriptors } from './browserRendering';
import { kvRouteDescriptors } from './kv';
import { pagesRouteDescriptors } from './pages';
import { queuesRouteDescriptors } from './queues';
import { r2RouteDescriptors } from './r2';
import { secretsStoreRouteDescriptors } from './secretsStore';
import { vectorizeRouteDescriptors } from './vectorize';
import { AreaRouteDescriptors } from './types';
import { workersRouteDescriptors } from './workers';
import { workflowsRouteDescriptors } from './workflows';
import { zeroTrustRouteDescriptors } from './zeroTrust';

/**
 * How the backend answers every route contract of `CLOUDFLARE_CONTRACTS`: one descriptor file per
 * area, one line per area here. An area with a contract and no line here fails `yarn tsc`.
 */
export const ROUTE_DESCRIPTORS = {
  workers: workersRouteDescriptors,
  pages: pagesRouteDescriptors,
  zeroTrust: zeroTrustRouteDescriptors,
  kv: kvRouteDescriptors,
  d1: d1RouteDescriptors,
  r2: r2RouteDescriptors,
  durableObjects: durableObjectsRouteDescriptors,
  workflows: workflowsRouteDescriptors,
  secretsStore: secretsStoreRouteDescriptors,
  vectorize: vectorizeRouteDescriptors,
  analyticsEngine: analyticsEngineRouteDescriptors,
  aiGateway: aiGatewayRouteDescriptors,
  aiSearch: aiSearchRouteDescriptors,
  queues: queuesRouteDescriptors,
  hyperdrive: hyperdriveRouteDescriptors,
  containers: containersRouteDescriptors,
  browserRendering: browserRenderingRouteDescriptors,
} satisfies {
  [A in CloudflareContractedAreaId]: AreaRouteDescriptors<A>;
};
