/**
 * Cloudflare tabs for Components, Resource entity content and the Cloudflare posture page.
 *
 * The new frontend system's plugin is the default export of `@cloudflare-backstage/plugin-cloudflare/alpha`.
 *
 * @packageDocumentation
 */

export {
  cloudflarePlugin,
  EntityCloudflareContent,
  EntityCloudflareResourceContent,
  EntityCloudflareWorkersDeploymentsCard,
  EntityCloudflarePagesDeploymentsCard,
  EntityCloudflareZeroTrustUsersCard,
  EntityCloudflareKvNamespaceCard,
  EntityCloudflareD1DatabasesCard,
  EntityCloudflareR2BucketsCard,
  EntityCloudflareDurableObjectsCard,
  EntityCloudflareWorkflowRunsCard,
  EntityCloudflareSecretsStoreCard,
  EntityCloudflareVectorizeIndexesCard,
  EntityCloudflareAiGatewayCard,
  EntityCloudflareAnalyticsEngineCard,
  EntityCloudflareQueuesCard,
  EntityCloudflareAiSearchCard,
  EntityCloudflareHyperdriveCard,
  EntityCloudflareContainersCard,
  EntityCloudflareBrowserRenderingCard,
  CloudflarePosturePage,
  EntityCloudflareScorecardsCard,
} from './plugin';
export type { EntityCloudflareCardProps } from './plugin';
export {
  isCloudflareAvailable,
  isCloudflareResource,
  getCloudflareAnnotatedAreas,
} from './conditions';
export { rootRouteRef as cloudflareRouteRef } from './routes';
export { CLOUDFLARE_CARDS, defineCloudflareCard } from './cards';
export type { CloudflareCardColumn, CloudflareCardDescriptor } from './cards';
export {
  CloudflareCard,
  CloudflareEntityCard,
} from './components/CloudflareCard';
export type {
  CloudflareCardProps,
  CloudflareEntityCardProps,
} from './components/CloudflareCard';
export {
  CloudflareApiClient,
  cloudflareApiRef,
  cloudflareScorecardApiRef,
  TechInsightsScorecardClient,
} from './api';
export type {
  CloudflareAccountOptions,
  CloudflareApi,
  CloudflareReadRequest,
  CloudflareProvenanceScope,
  CloudflareR2LifecycleScope,
  CloudflareEvidenceKind,
  CloudflareEvidenceRecord,
  CloudflareEvidenceList,
  CloudflareEvidenceDownload,
  CloudflareEvidenceVerification,
  CloudflareEvidencePublicKey,
  ScorecardApi,
  ScorecardCheck,
  ScorecardCheckResult,
  ScorecardEntityResults,
  ScorecardFactResponse,
  ScorecardFactValue,
  ScorecardRefreshResult,
  ScorecardHistory,
  ScorecardHistoryDay,
} from './api';
