/**
 * Where the demo account is built to pass and to fail each Tech Insights check of a Cloudflare
 * Resource, and the coverage check of production Components: `[entity, check id, result]`, the
 * entity as a Resource's name or `component:<name>`. Each check has at least one pass and one fail.
 */
export const DEMO_CHECK_OUTCOMES: ReadonlyArray<
  readonly [entity: string, check: string, result: boolean]
> = [
  ['cf-kv-acme-sessions', 'cloudflareKvPiiRetention', true],
  ['cf-kv-acme-eu-profiles', 'cloudflareKvPiiRetention', false],
  ['cf-r2-acme-prod-artifacts', 'cloudflareR2RegulatedLifecycle', true],
  ['cf-r2-acme-regulated-exports', 'cloudflareR2RegulatedLifecycle', false],
  ['cf-worker-acme-reports', 'cloudflareWorkerSecretsCentralized', true],
  ['cf-worker-acme-api', 'cloudflareWorkerSecretsCentralized', false],
  ['cf-queue-acme-events', 'cloudflareQueueBacklog', true],
  ['cf-queue-acme-r2-notifications', 'cloudflareQueueBacklog', false],
  ['cf-queue-acme-audit-eu', 'cloudflareQueueDeadLetter', true],
  ['cf-queue-acme-email-outbound', 'cloudflareQueueDeadLetter', false],
  ['cf-workflow-acme-etl', 'cloudflareWorkflowLastRunSucceeded', true],
  ['cf-workflow-acme-onboarding', 'cloudflareWorkflowLastRunSucceeded', false],
  ['cf-workflow-acme-etl', 'cloudflareWorkflowStepsRetry', true],
  ['cf-workflow-acme-nightly-report', 'cloudflareWorkflowStepsRetry', false],
  ['cf-do-SessionCoordinator', 'cloudflareDurableObjectErrorRate', true],
  ['cf-do-ChatRoom', 'cloudflareDurableObjectErrorRate', false],
  [
    'cf-do-SessionCoordinator',
    'cloudflareDurableObjectWebSocketsDocumented',
    true,
  ],
  ['cf-do-ChatRoom', 'cloudflareDurableObjectWebSocketsDocumented', false],
  [
    'cf-vectorize-acme-idx-main',
    'cloudflareVectorizeDimensionsMatchModel',
    true,
  ],
  [
    'cf-vectorize-acme-idx-support',
    'cloudflareVectorizeDimensionsMatchModel',
    false,
  ],
  ['cf-vectorize-acme-idx-main', 'cloudflareVectorizeRecentWrite', true],
  ['cf-vectorize-acme-idx-docs', 'cloudflareVectorizeRecentWrite', false],
  [
    'cf-ai-gateway-acme-ai-gateway',
    'cloudflareAiGatewayRateLimitRetries',
    true,
  ],
  [
    'cf-ai-gateway-acme-playground',
    'cloudflareAiGatewayRateLimitRetries',
    false,
  ],
  ['cf-ai-search-acme-site-index', 'cloudflareAiSearchRecentCrawl', true],
  ['cf-ai-search-acme-docs-search', 'cloudflareAiSearchRecentCrawl', false],
  ['component:acme-api', 'cloudflareComponentCoverage', true],
  ['component:legacy-billing', 'cloudflareComponentCoverage', false],
];
