/**
 * Node library of the Cloudflare suite for Backstage: the root-scoped service holding one
 * `CloudflareClient` per configured account, shared by the catalog module, the `/api/cloudflare`
 * backend plugin and the Tech Insights module (one call budget per API token, one circuit breaker
 * per account, one set of counters).
 *
 * @packageDocumentation
 */

export { cloudflareClientsServiceRef } from './cloudflareClientsServiceRef';
export { createCloudflareClientsService } from './createCloudflareClientsService';
export type { CloudflareClientsServiceOptions } from './createCloudflareClientsService';
export type {
  CloudflareAccountClient,
  CloudflareAccountHealth,
  CloudflareClientsService,
} from './types';
