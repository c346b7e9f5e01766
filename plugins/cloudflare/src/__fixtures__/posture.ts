import { Entity } from '@backstage/catalog-model';
import {
  CLOUDFLARE_SCORECARD_CHECK_IDS,
  CloudflareEvidenceRecord,
  ScorecardCheck,
  ScorecardEntityResults,
} from '../api';
import { component, resource } from '../testUtils';

/** An evidence record as `GET /v1/evidence` lists it. */
export const evidenceRecord = (
  id: string,
  kind: string,
  hex: string,
  createdBy: string,
): CloudflareEvidenceRecord => ({
  id,
  seq: 1,
  kind,
  createdAt: '2026-11-20T10:00:00Z',
  createdBy,
  sha256: hex.repeat(64),
  prevSha256: '0'.repeat(64),
  chainSha256: 'f'.repeat(64),
});

/** Components of the catalog: covered, uncovered, and one that is not in production. */
export const postureComponents: Entity[] = [
  component('acme-edge', { 'cloudflare.com/worker': 'acme-edge-router' }),
  {
    ...component('acme-web'),
    relations: [
      { type: 'dependsOn', targetRef: 'resource:default/cf-pages-acme-web' },
    ],
  },
  component('acme-billing'),
  component('acme-sandbox', {}, { lifecycle: 'experimental' }),
];
/** Cloudflare Resources of the catalog. */
export const postureResources: Entity[] = [
  resource('cf-worker-acme-edge-router', 'cloudflare-worker'),
  resource('cf-pages-acme-web', 'cloudflare-pages'),
  resource('cf-kv-acme-sessions', 'cloudflare-kv'),
  resource('cf-r2-acme-regulated-exports', 'cloudflare-r2'),
];

/** The check of the suite that the scorecard test leaves out of Tech Insights. */
export const notConfiguredCheckId: (typeof CLOUDFLARE_SCORECARD_CHECK_IDS)[number] =
  'cloudflareProdDeploymentAudited';

/** How Tech Insights describes some of the suite's checks; the others get a generic description. */
const describedChecks: ScorecardCheck[] = [
  {
    id: 'cloudflareDeploymentProvenance',
    name: 'Deployment provenance',
    description:
      'Workers and Pages deployments show a commit SHA and a CI run URL.',
    factIds: ['cloudflareDeploymentsFactRetriever'],
  },
  {
    id: 'cloudflareAccessAuditLog24h',
    name: 'Access audit log within 24h',
    description: 'Zero Trust audit logs are available for the last 24 hours.',
    factIds: ['cloudflareZeroTrustFactRetriever'],
  },
  {
    id: 'cloudflareApiTokenHygiene',
    name: 'API token hygiene',
    description: 'No Global API Key; token TTL at most 180 days.',
    factIds: ['cloudflareTokensFactRetriever'],
  },
  {
    id: 'cloudflareKvPiiRetention',
    name: 'KV namespaces with personal data have a retention policy',
    description: 'Every KV namespace tagged pii=true has a TTL policy.',
    factIds: ['cloudflareKvPiiRetentionFactRetriever'],
  },
  {
    id: 'cloudflareR2RegulatedLifecycle',
    name: 'Regulated R2 buckets have lifecycle rules',
    description:
      'Every R2 bucket tagged data-class=regulated has an enabled lifecycle rule.',
    factIds: ['cloudflareR2LifecycleFactRetriever'],
  },
  {
    id: 'cloudflareDurableObjectErrorRate',
    name: 'Durable Object error rate below threshold',
    description:
      'At most 1% of the requests to each Durable Object class failed in the last 24 hours.',
    factIds: ['cloudflareDurableObjectsFactRetriever'],
  },
  {
    id: 'cloudflareDurableObjectWebSocketsDocumented',
    name: 'Durable Object WebSocket use documented',
    description:
      'Every Durable Object class serving WebSockets has a TechDocs page linked to it.',
    factIds: ['cloudflareDurableObjectsFactRetriever'],
  },
  {
    id: 'cloudflareVectorizeDimensionsMatchModel',
    name: 'Vectorize index dimensions match the embedding model',
    description:
      "Every Vectorize index's dimensions equal its embedding model's.",
    factIds: ['cloudflareVectorizeIndexFactRetriever'],
  },
  {
    id: 'cloudflareVectorizeRecentWrite',
    name: 'Vectorize indexes have a recent write',
    description: 'Every Vectorize index processed a write within 7 days.',
    factIds: ['cloudflareVectorizeIndexFactRetriever'],
  },
  {
    id: 'cloudflareWorkerSecretsCentralized',
    name: 'Worker secrets come from the Secrets Store',
    description:
      'No Worker holds a secret_text or credential-like plain_text binding where a Secrets Store binding would do.',
    factIds: ['cloudflareWorkerPlaintextSecretsFactRetriever'],
  },
  {
    id: 'cloudflareAiGatewayRateLimitRetries',
    name: 'AI gateways are rate limited and retry',
    description:
      'Every AI gateway limits the rate of requests and retries failed provider requests.',
    factIds: ['cloudflareAiGatewayPolicyFactRetriever'],
  },
  {
    id: 'cloudflareAiSearchRecentCrawl',
    name: 'AI Search indexes had a successful crawl within 7 days',
    description:
      'Every AI Search instance had a successful crawl or sync of its source within 7 days.',
    factIds: ['cloudflareAiSearchCrawlFactRetriever'],
  },
  {
    id: 'cloudflareQueueBacklog',
    name: 'Queue backlogs stay within their thresholds',
    description:
      "Each queue's backlog and its oldest message stay within the configured thresholds.",
    factIds: ['cloudflareQueueBacklogFactRetriever'],
  },
  {
    id: 'cloudflareQueueDeadLetter',
    name: 'Queues have a dead-letter queue that is not growing',
    description:
      'Every consumer of a queue has a dead-letter queue, and it is not growing.',
    factIds: ['cloudflareQueueDeadLetterFactRetriever'],
  },
  {
    id: 'cloudflareWorkflowLastRunSucceeded',
    name: "Workflows' last run succeeded",
    description: 'The last ended run of each workflow completed.',
    factIds: ['cloudflareWorkflowLastRunFactRetriever'],
  },
  {
    id: 'cloudflareWorkflowStepsRetry',
    name: 'Workflow steps have a retry policy',
    description: "Every step of each workflow's current version retries.",
    factIds: ['cloudflareWorkflowRetryPolicyFactRetriever'],
  },
];

/** A check's definition as Tech Insights lists it. */
const checkDefinition = (id: string): ScorecardCheck =>
  describedChecks.find(c => c.id === id) ?? {
    id,
    name: id,
    description: `The suite's ${id} check.`,
    factIds: [],
  };

/**
 * The suite's checks that Tech Insights lists, as the page runs them in bulk: every check of the
 * suite, in `CLOUDFLARE_SCORECARD_CHECK_IDS` order (so a new check is listed without editing this
 * file), but {@link notConfiguredCheckId}.
 */
export const configuredCheckIds: string[] =
  CLOUDFLARE_SCORECARD_CHECK_IDS.filter(id => id !== notConfiguredCheckId);

/** The checks Tech Insights lists: the configured checks of the suite, and one that is not. */
export const postureChecks: ScorecardCheck[] = [
  ...configuredCheckIds.map(checkDefinition),
  { id: 'unrelated', name: 'Other', description: 'x', factIds: [] },
];

/** What the bulk run of the checks answers: a pass and a fail, with the facts that explain them. */
export const postureRuns: ScorecardEntityResults[] = [
  {
    entity: 'resource:default/cf-worker-acme-edge-router',
    results: [
      {
        check: checkDefinition('cloudflareDeploymentProvenance'),
        result: false,
        facts: {
          deploymentsWithoutCommitSha: {
            id: 'deploymentsWithoutCommitSha',
            description: '1 of 3 deployments lacks a commit SHA',
            value: ['worker:acme-edge-router@6f1c2d3e'],
          },
        },
      },
      {
        check: checkDefinition('cloudflareAccessAuditLog24h'),
        result: true,
        facts: {},
      },
    ],
  },
  { entity: 'component:default/acme-edge', results: [] },
  {
    entity: 'resource:default/cf-kv-acme-sessions',
    results: [
      {
        check: checkDefinition('cloudflareKvPiiRetention'),
        result: true,
        facts: {},
      },
    ],
  },
  {
    entity: 'resource:default/cf-r2-acme-regulated-exports',
    results: [
      {
        check: checkDefinition('cloudflareR2RegulatedLifecycle'),
        result: false,
        facts: {
          regulatedDataHasLifecycle: {
            id: 'regulatedDataHasLifecycle',
            description: 'Regulated data has an enabled lifecycle rule',
            value: false,
          },
        },
      },
    ],
  },
];
