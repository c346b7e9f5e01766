/**
 * Typed, read-only client over the official `cloudflare` SDK for the Cloudflare suite for Backstage:
 * one module per product area, zod-validated, secrets never kept. Values that routes return are the
 * wire types of `@cloudflare-backstage/plugin-cloudflare-common`; masking is done there, by path.
 *
 * @packageDocumentation
 */

export { CloudflareClient } from './CloudflareClient';
export type {
  CloudflareClientOptions,
  CloudflareClientHealth,
} from './CloudflareClient';
export { CallBudget } from './budget/CallBudget';
export type {
  CallPriority,
  CallBudgetSnapshot,
  CallBudgetAcquireOptions,
} from './budget/CallBudget';
export { CircuitBreaker } from './budget/CircuitBreaker';
export type { CircuitBreakerState } from './budget/CircuitBreaker';
export type {
  CallBudgetOptions,
  CircuitBreakerOptions,
} from './budget/budgetConfig';
export {
  readCloudflareAccounts,
  DEFAULT_CLOUDFLARE_ACCOUNT_CONFIG_ID,
} from './accounts';
export type { CloudflareAccountConfig } from './accounts';
export { CLOUDFLARE_CLIENT_AREAS } from './areas';
export type { CloudflareClientAreas } from './areas';
export {
  readCloudflareClientConfig,
  CloudflareConfigError,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_API_BASE_URL,
} from './config';
export type {
  CloudflareClientConfig,
  CloudflareClientAreaSettings,
} from './config';
export { DEFAULT_CI_RUN_URL_POLICY } from './ciRunUrl';
export type { CiRunUrlPolicy } from './ciRunUrl';
export type {
  BackgroundOptions,
  ClientContext,
  ClientAreaKey,
  CloudflareClientStats,
  LoggerLike,
  LogMeta,
} from './context';
export { CloudflareApiError, isCloudflareApiError } from './errors';
export type { CloudflareErrorKind } from './errors';
export {
  CREDENTIAL_NAME_PLACEHOLDER,
  DEFAULT_REDACTION_RULES,
  Redactor,
} from './redaction';
export type { Redaction, RedactionReason, RedactionRules } from './redaction';
export {
  parseProvenanceAnnotation,
  formatProvenanceAnnotation,
} from './provenance';
export type { ParsedProvenance } from './provenance';

export { WorkersApi } from './areas/workers';
export type {
  CloudflareWorkerDeployment,
  ProvenanceOptions,
  WorkerBinding,
  WorkerScript,
  WorkerSecretName,
  WorkerSettings,
  WorkerVersion,
  WorkersBuild,
} from './areas/workers';
export { PagesApi } from './areas/pages';
export type {
  DeploymentConfig,
  PagesDeploymentsOptions,
  PagesEnvVarName,
  PagesProject,
} from './areas/pages';
export { ZeroTrustApi } from './areas/zeroTrust';
export type {
  AccessApplication,
  AccessPolicy,
  AccessRequest,
  AccessRequestFilter,
  IdentityProvider,
} from './areas/zeroTrust';
export { QueuesApi } from './areas/queues';
export type { QueuesListOptions } from './areas/queues';
export { D1Api } from './areas/d1';
export type { D1DatabasesOptions } from './areas/d1';
export { R2Api } from './areas/r2';
export type { R2BucketsOptions } from './areas/r2';
export { AiSearchApi } from './areas/aiSearch';
export type { AiSearchSyncHistoryOptions } from './areas/aiSearch';
export { WorkflowsApi } from './areas/workflows';
export type {
  WorkflowRunsOptions,
  WorkflowsPageOptions,
} from './areas/workflows';
export { VectorizeApi } from './areas/vectorize';
export type { VectorizeIndexesOptions } from './areas/vectorize';
export { AnalyticsEngineApi } from './areas/analyticsEngine';
export type {
  AnalyticsEngineDatasetsOptions,
  WorkerBindings,
} from './areas/analyticsEngine';
export {
  ANALYTICS_ENGINE_MAX_LIMIT,
  AnalyticsEngineSqlError,
  checkAnalyticsEngineSql,
} from './areas/analyticsEngineSql';
export type { CheckedAnalyticsEngineSql } from './areas/analyticsEngineSql';
export { SecretsStoreApi } from './areas/secretsStore';
export type { SecretsStoreMetadataOptions } from './areas/secretsStore';
export { AiGatewayApi } from './areas/aiGateway';
export type { AiGatewaysOptions } from './areas/aiGateway';
export { DurableObjectsApi } from './areas/durableObjects';
export type {
  DurableObjectClassesOptions,
  DurableObjectNamespaceMetrics,
} from './areas/durableObjects';
export { HyperdriveApi } from './areas/hyperdrive';
export { ContainersApi } from './areas/containers';
export { BrowserRenderingApi } from './areas/browserRendering';
export type {
  BrowserRenderingSettings,
  BrowserSessionsPage,
} from './areas/browserRendering';
export {
  BROWSER_RENDERING_LIMITS,
  BROWSER_RENDERING_LIMITS_SOURCE,
  browserRenderingLimits,
} from './areas/browserRenderingLimits';
export type { BrowserRenderingUse } from './areas/browserRenderingLimits';
export { GRAPHQL_NOT_EXPOSED_REASON } from './graphql';
export type {
  CloudflareGraphqlRequest,
  CloudflareGraphqlResult,
} from './graphql';
export { AuditLogsApi } from './areas/auditLogs';
export type {
  AuditLogEntry,
  AuditLogFilter,
  AuditLogPage,
  CfAccessAudit,
} from './areas/auditLogs';
export { KvApi } from './areas/kv';
export type { KvKeysOptions, KvNamespacesOptions } from './areas/kv';
export { ResourceTagsApi } from './areas/tags';
export type { ResourceTagType } from './areas/tags';
export { TokensApi } from './areas/tokens';
export type {
  ApiToken,
  ApiTokenScope,
  TokenVerification,
} from './areas/tokens';
