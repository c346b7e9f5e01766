/**
 * Catalog backend module of the Cloudflare suite: ingests Cloudflare resources as `Resource`
 * entities and relates annotated Components to them.
 *
 * @packageDocumentation
 */

export { catalogModuleCloudflare as default } from './module';
export { CloudflareEntityProvider } from './providers/CloudflareEntityProvider';
export type { CloudflareEntityProviderOptions } from './providers/CloudflareEntityProvider';
export {
  readProviderConfigs,
  DEFAULT_SCHEDULE,
  DEFAULT_OWNER,
  DEFAULT_ZERO_TRUST_OWNER,
} from './providers/CloudflareEntityProviderConfig';
export type {
  CloudflareEntityProviderConfig,
  CloudflareOwnershipRule,
} from './providers/CloudflareEntityProviderConfig';
export { CLOUDFLARE_AREA_INGESTORS } from './providers/areaIngestors';
export type { CloudflareAreaIngestor } from './providers/areaIngestors';
export { CloudflareAnnotationProcessor } from './processors/CloudflareAnnotationProcessor';
export type { CloudflareAnnotationProcessorOptions } from './processors/CloudflareAnnotationProcessor';
export { cloudflareEntityName } from '@cloudflare-backstage/plugin-cloudflare-common';
export type { CloudflareEntityNameOptions } from '@cloudflare-backstage/plugin-cloudflare-common';
export { ClientCatalogReader } from './lib/reader';
export type { CloudflareCatalogReader } from './lib/reader';
export * from './mappers';
