/**
 * Tech Insights fact retrievers and jsonfc checks that score a Cloudflare account against SOC 2
 * controls (CC8.1 change management, CC7.2 monitoring, CC6.1 logical access).
 *
 * @packageDocumentation
 */

export { techInsightsModuleCloudflare as default } from './module';
export { cloudflareFactRetrievers } from './module';
export * from './factRetrievers';
export * from './checks';
export type {
  CloudflareFactRetrieverOptions,
  CloudflareAccountFactRetrieverOptions,
} from './common';
export * from './source';
export {
  createCloudflareFactSource,
  createCloudflareFactSourceFromConfig,
} from './clientSource';
export type { CloudflareClientLike } from './clientSource';
export {
  CLOUDFLARE_FACT_RETRIEVER_IDS,
  CLOUDFLARE_WORKER_ANNOTATION,
  CLOUDFLARE_PAGES_ANNOTATION,
  CLOUDFLARE_ZERO_TRUST_RESOURCE_TYPE,
} from './constants';
