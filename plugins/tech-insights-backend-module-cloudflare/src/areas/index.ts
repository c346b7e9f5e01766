import {
  CloudflareArea,
  CloudflareContractedAreaId,
  getCloudflareArea,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { analyticsEngineFacts } from './analyticsEngine';
import { aiGatewayFacts } from './aiGateway';
import { aiSearchFacts } from './aiSearch';
import { d1Facts } from './d1';
import { durableObjectsFacts } from './durableObjects';
import { hyperdriveFacts } from './hyperdrive';
import { containersFacts } from './containers';
import { browserRenderingFacts } from './browserRendering';
import { kvFacts } from './kv';
import { pagesFacts } from './pages';
import { queuesFacts } from './queues';
import { r2Facts } from './r2';
import { secretsStoreFacts } from './secretsStore';
import { vectorizeFacts } from './vectorize';
import { CloudflareAreaFacts } from './types';
import { workersFacts } from './workers';
import { workflowsFacts } from './workflows';
import { zeroTrustFacts } from './zeroTrust';

export type {
  CloudflareAreaFacts,
  CloudflareResourceDeployment,
} from './types';

/**
 * What each product area contributes to Tech Insights, one descriptor per area. An area added to
 * the wire contract and missing here fails `yarn tsc`.
 *
 * @public
 */
export const CLOUDFLARE_AREA_FACTS = {
  workers: workersFacts,
  pages: pagesFacts,
  zeroTrust: zeroTrustFacts,
  kv: kvFacts,
  d1: d1Facts,
  r2: r2Facts,
  durableObjects: durableObjectsFacts,
  workflows: workflowsFacts,
  secretsStore: secretsStoreFacts,
  aiGateway: aiGatewayFacts,
  vectorize: vectorizeFacts,
  analyticsEngine: analyticsEngineFacts,
  aiSearch: aiSearchFacts,
  queues: queuesFacts,
  hyperdrive: hyperdriveFacts,
  containers: containersFacts,
  browserRendering: browserRenderingFacts,
} satisfies Record<CloudflareContractedAreaId, CloudflareAreaFacts>;

/** An area of the table with its registry row and its descriptor. */
export interface AreaWithFacts {
  area: CloudflareArea;
  facts: CloudflareAreaFacts;
}

/** Every area of the table, in table order. */
export const AREAS_WITH_FACTS: readonly AreaWithFacts[] = Object.entries(
  CLOUDFLARE_AREA_FACTS as Record<
    CloudflareContractedAreaId,
    CloudflareAreaFacts
  >,
).map(([id, facts]) => ({
  area: getCloudflareArea(id as CloudflareContractedAreaId),
  facts,
}));

/** The areas whose `Resource` entities carry a last deployment and that Components can name. */
export const DEPLOYING_AREAS: readonly AreaWithFacts[] =
  AREAS_WITH_FACTS.filter(a => a.facts.lastDeployment && a.area.annotation);
