import {
  CloudflareAreaId,
  CloudflareContractedAreaId,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { analyticsEngineCard } from './analyticsEngine';
import { aiGatewayCard } from './aiGateway';
import { aiSearchCard } from './aiSearch';
import { d1Card } from './d1';
import { durableObjectsCard } from './durableObjects';
import { hyperdriveCard } from './hyperdrive';
import { containersCard } from './containers';
import { browserRenderingCard } from './browserRendering';
import { kvCard } from './kv';
import { pagesCard } from './pages';
import { queuesCard } from './queues';
import { r2Card } from './r2';
import { secretsStoreCard } from './secretsStore';
import { vectorizeCard } from './vectorize';
import { CloudflareCardDescriptor } from './types';
import { workersCard } from './workers';
import { workflowsCard } from './workflows';
import { zeroTrustCard } from './zeroTrust';

export * from './types';

/**
 * The card of every area with a wire contract. The generic card, the new frontend system's entity
 * cards, the legacy card exports, the Component tab, the Resource tab and the posture page all walk
 * this table; an area with a contract and no card fails `yarn tsc`.
 *
 * @public
 */
export const CLOUDFLARE_CARDS: Readonly<
  Record<CloudflareContractedAreaId, CloudflareCardDescriptor>
> = {
  workers: workersCard,
  pages: pagesCard,
  zeroTrust: zeroTrustCard,
  kv: kvCard,
  d1: d1Card,
  r2: r2Card,
  durableObjects: durableObjectsCard,
  workflows: workflowsCard,
  secretsStore: secretsStoreCard,
  aiGateway: aiGatewayCard,
  vectorize: vectorizeCard,
  analyticsEngine: analyticsEngineCard,
  aiSearch: aiSearchCard,
  queues: queuesCard,
  hyperdrive: hyperdriveCard,
  containers: containersCard,
  browserRendering: browserRenderingCard,
};

/**
 * The card of an area. Every area of the registry has a wire contract, hence a card: the
 * contracted ids are the registry's ids, so indexing by `CloudflareAreaId` compiles and any area
 * added to the registry without a contract and a card fails `yarn tsc` here.
 */
export function cardOfArea(id: CloudflareAreaId): CloudflareCardDescriptor {
  return CLOUDFLARE_CARDS[id];
}
