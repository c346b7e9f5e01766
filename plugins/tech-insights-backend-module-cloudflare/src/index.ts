/**
 * Tech Insights fact retrievers and jsonfc checks that score a Cloudflare account against SOC 2
 * controls (CC8.1 change management, CC7.2 monitoring, CC6.1 logical access).
 *
 * @packageDocumentation
 */

export { techInsightsModuleCloudflare as default } from './module';
export {
  cloudflareFactRetrievers,
  createCloudflareFactRetrievers,
} from './module';
export type { CloudflareFactRetrieversOptions } from './module';
export {
  cloudflareAccessAuditFactRetriever,
  cloudflareApiTokenHygieneFactRetriever,
  cloudflareCoverageFactRetriever,
  cloudflareDeploymentAuditFactRetriever,
  cloudflareDeploymentProvenanceFactRetriever,
  createCloudflareAccessAuditFactRetriever,
  createCloudflareApiTokenHygieneFactRetriever,
  createCloudflareCoverageFactRetriever,
  createCloudflareDeploymentAuditFactRetriever,
  createCloudflareDeploymentProvenanceFactRetriever,
} from './factRetrievers';
export type { CloudflareDeploymentAuditFactRetrieverOptions } from './factRetrievers';
export {
  CLOUDFLARE_TECH_INSIGHTS_CHECKS,
  cloudflareTechInsightsChecks,
  cloudflareTechInsightsChecksConfig,
} from './checks';
export type {
  CloudflareCheck,
  CloudflareCheckCondition,
  CloudflareCheckDefinition,
} from './checks';
export { CLOUDFLARE_AREA_FACTS } from './areas';
export type {
  CloudflareAreaFacts,
  CloudflareResourceDeployment,
} from './areas';
export type { CloudflareFactRetrieverOptions } from './common';
export type { CloudflareAccountFactRetrieverOptions } from './accountFacts';
export { CLOUDFLARE_FACT_RETRIEVER_IDS } from './constants';
