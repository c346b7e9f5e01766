import { CloudflareContractedAreaId } from '@cloudflare-backstage/plugin-cloudflare-common';
import { d1RouteDescriptors } from './d1';
import { kvRouteDescriptors } from './kv';
import { pagesRouteDescriptors } from './pages';
import { r2RouteDescriptors } from './r2';
import { AreaRouteDescriptors } from './types';
import { workersRouteDescriptors } from './workers';
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
} satisfies {
  [A in CloudflareContractedAreaId]: AreaRouteDescriptors<A>;
};
