import { CloudflareContractedAreaId } from '@cloudflare-backstage/plugin-cloudflare-common';
import { analyticsEngineArea } from './analyticsEngine';
import { aiGatewayArea } from './aiGateway';
import { aiSearchArea } from './aiSearch';
import { d1Area } from './d1';
import { durableObjectsArea } from './durableObjects';
import { hyperdriveArea } from './hyperdrive';
import { containersArea } from './containers';
import { browserRenderingArea } from './browserRendering';
import { kvArea } from './kv';
import { pagesArea } from './pages';
import { queuesArea } from './queues';
import { r2Area } from './r2';
import { secretsStoreArea } from './secretsStore';
import { vectorizeArea } from './vectorize';
import { CatalogAreaDescriptor } from './types';
import { workersArea } from './workers';
import { workflowsArea } from './workflows';
import { zeroTrustArea } from './zeroTrust';

/**
 * The areas the provider ingests, one descriptor each; the provider walks this table in the
 * registry's order and never branches on an area. Adding an area is one file beside these and one
 * line here; an area with a wire contract and no line here fails `yarn tsc`.
 */
export const CATALOG_AREAS = {
  workers: workersArea,
  pages: pagesArea,
  zeroTrust: zeroTrustArea,
  kv: kvArea,
  d1: d1Area,
  r2: r2Area,
  durableObjects: durableObjectsArea,
  workflows: workflowsArea,
  secretsStore: secretsStoreArea,
  aiGateway: aiGatewayArea,
  vectorize: vectorizeArea,
  analyticsEngine: analyticsEngineArea,
  aiSearch: aiSearchArea,
  queues: queuesArea,
  hyperdrive: hyperdriveArea,
  containers: containersArea,
  browserRendering: browserRenderingArea,
} satisfies Record<CloudflareContractedAreaId, CatalogAreaDescriptor<any>>;
