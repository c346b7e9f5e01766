/**
 * Catalog backend module of the Cloudflare suite: ingests Cloudflare resources as `Resource`
 * entities and relates annotated Components to them.
 *
 * @packageDocumentation
 */

export { catalogModuleCloudflare as default } from './module';
export { CloudflareEntityProvider } from './providers/CloudflareEntityProvider';
export type { CloudflareEntityProviderOptions } from './providers/CloudflareEntityProvider';
export type {
  CloudflareEntityProviderConfig,
  CloudflareOwnershipRule,
} from './providers/CloudflareEntityProviderConfig';
export { CloudflareAnnotationProcessor } from './processors/CloudflareAnnotationProcessor';
export type { CloudflareAnnotationProcessorOptions } from './processors/CloudflareAnnotationProcessor';
