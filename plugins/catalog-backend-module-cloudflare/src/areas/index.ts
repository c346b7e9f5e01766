import { CloudflareContractedAreaId } from '@cloudflare-backstage/plugin-cloudflare-common';
import { d1Area } from './d1';
import { kvArea } from './kv';
import { pagesArea } from './pages';
import { r2Area } from './r2';
import { CatalogAreaDescriptor } from './types';
import { workersArea } from './workers';
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
} satisfies Record<CloudflareContractedAreaId, CatalogAreaDescriptor<any>>;
