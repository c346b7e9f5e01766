import { Entity } from '@backstage/catalog-model';
import {
  CLOUDFLARE_ACCEPTANCE_CRITERIA,
  CLOUDFLARE_CHECK_IDS,
  CloudflareAcceptance,
  CloudflareAcceptanceCriterion,
  CloudflareAcceptanceCriterionId,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  CloudflareEvidenceRecord,
  ScorecardCheck,
  ScorecardCheckResult,
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

const dependsOn = (name: string) => ({
  type: 'dependsOn',
  targetRef: `resource:default/${name}`,
});

/**
 * Components of the catalog: two covered (a relation to an existing suite Resource), two production
 * ones uncovered (one with no link, one whose annotation names a resource the catalog does not
 * hold: its relation dangles), and one that is not in production.
 */
export const postureComponents: Entity[] = [
  {
    ...component('acme-edge', { 'cloudflare.com/worker': 'acme-edge-router' }),
    relations: [dependsOn('cf-worker-acme-edge-router')],
  },
  { ...component('acme-web'), relations: [dependsOn('cf-pages-acme-web')] },
  component('acme-billing'),
  {
    ...component('acme-ghost', { 'cloudflare.com/kv': 'acme-gone' }),
    relations: [dependsOn('cf-kv-acme-gone')],
  },
  component('acme-sandbox', {}, { lifecycle: 'experimental' }),
];

const owned = (name: string, type: string, owner: string): Entity => {
  const r = resource(name, type);
  return { ...r, spec: { ...r.spec, owner } };
};

/** Cloudflare Resources of the catalog: four areas, three owners. */
export const postureResources: Entity[] = [
  owned('cf-worker-acme-edge-router', 'cloudflare-worker', 'platform'),
  owned('cf-worker-acme-api', 'cloudflare-worker', 'platform'),
  owned('cf-pages-acme-web', 'cloudflare-pages', 'group:default/web'),
  owned('cf-kv-acme-sessions', 'cloudflare-kv', 'platform'),
  owned('cf-r2-acme-regulated-exports', 'cloudflare-r2', 'group:default/data'),
];

/** The check of the suite that the scorecard test leaves out of Tech Insights. */
export const notConfiguredCheckId = 'cloudflareProdDeploymentAudited';

/** How Tech Insights describes some of the suite's checks; the others get a generic description. */
const describedChecks: ScorecardCheck[] = [
  {
    id: 'cloudflareComponentCoverage',
    name: 'Component related to a Cloudflare Resource',
    description:
      'The Component has a relation to a Cloudflare Resource that exists in the catalog.',
    factIds: ['cloudflareCoverageFactRetriever'],
  },
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
 * suite, in `CLOUDFLARE_CHECK_IDS` order (so a new check is listed without editing this file), but
 * {@link notConfiguredCheckId}.
 */
export const configuredCheckIds: string[] = CLOUDFLARE_CHECK_IDS.filter(
  id => id !== notConfiguredCheckId,
);

/** The checks Tech Insights lists: the configured checks of the suite, and one that is not. */
export const postureChecks: ScorecardCheck[] = [
  ...configuredCheckIds.map(checkDefinition),
  { id: 'unrelated', name: 'Other', description: 'x', factIds: [] },
];

const outcome = (checkId: string, result: boolean): ScorecardCheckResult => ({
  check: checkDefinition(checkId),
  result,
  facts: {},
});

/**
 * What the bulk run of the checks answers, with the facts that explain the failures. Per scorecard:
 * Access Hygiene 1 of 1, Change Management 0 of 1, Data Retention 1 of 2, Resilience 2 of 3, AI
 * Stack Governance no result, Coverage 2 of 4 (acme-sandbox's result is not production's).
 */
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
      outcome('cloudflareAccessAuditLog24h', true),
    ],
  },
  {
    entity: 'component:default/acme-edge',
    results: [outcome('cloudflareComponentCoverage', true)],
  },
  {
    entity: 'component:default/acme-web',
    results: [outcome('cloudflareComponentCoverage', true)],
  },
  {
    entity: 'component:default/acme-billing',
    results: [outcome('cloudflareComponentCoverage', false)],
  },
  {
    entity: 'component:default/acme-ghost',
    results: [outcome('cloudflareComponentCoverage', false)],
  },
  {
    entity: 'component:default/acme-sandbox',
    results: [outcome('cloudflareComponentCoverage', false)],
  },
  {
    entity: 'resource:default/cf-kv-acme-sessions',
    results: [outcome('cloudflareKvPiiRetention', true)],
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
  {
    entity: 'resource:default/cf-queue-acme-jobs',
    results: [
      outcome('cloudflareQueueBacklog', true),
      {
        check: checkDefinition('cloudflareQueueDeadLetter'),
        result: false,
        facts: {
          reason: {
            id: 'reason',
            value: 'The consumer acme-worker has no dead-letter queue',
          },
        },
      },
    ],
  },
  {
    entity: 'resource:default/cf-queue-acme-mail',
    results: [outcome('cloudflareQueueBacklog', true)],
  },
];

const criterion = (
  id: CloudflareAcceptanceCriterionId,
  measured: string,
  value: number,
  pass: boolean,
  extra: { denied?: boolean; detail?: string } = {},
): CloudflareAcceptanceCriterion => {
  const { title, target } = CLOUDFLARE_ACCEPTANCE_CRITERIA.find(
    c => c.id === id,
  ) ?? { title: id, target: '' };
  return { id, title, target, measured, value, pass, ...extra };
};

/**
 * `GET /v1/acceptance` of the demo account: its deliberate failures (a deployment without a commit
 * SHA, a regulated bucket without lifecycle rules) fail, one criterion is not permitted.
 */
export const postureAcceptance: CloudflareAcceptance = {
  measuredAt: '2026-11-20T10:00:00Z',
  criteria: [
    criterion('provenance', '5 of 6 (83.3%)', 5 / 6, false, {
      detail: 'acme-edge-router: deployment 6f1c2d3e has no commit SHA',
    }),
    criterion('accessAuditExport', '1 verified snapshot', 1, true),
    criterion('regulatedR2Lifecycle', '1 of 2 (50%)', 0.5, false, {
      detail: 'acme-regulated-exports has no lifecycle rule',
    }),
    criterion('aiDiscovered', 'not permitted', 0, false, { denied: true }),
    criterion('coverage', '20 of 20 (100%)', 1, true),
    criterion('secretsMetadataOnly', '0 values', 0, true),
  ],
};
