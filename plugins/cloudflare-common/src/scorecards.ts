/**
 * The SOC 2 pack (spec section 6): six scorecards, each a named group of Tech Insights checks, and
 * the SOC 2 criterion each check evidences. The Tech Insights module takes each check's criterion
 * and remediation link from here, the posture page and the entity cards group results by it, and
 * the remediation page (and `docs/soc2-remediation.md`) is written from it.
 */

/**
 * A SOC 2 Trust Services Criterion that a suite check evidences.
 *
 * @public
 */
export type CloudflareSoc2Criterion =
  | 'CC2.2'
  | 'CC6.1'
  | 'CC7.2'
  | 'CC8.1'
  | 'C1.2'
  | 'P4.2'
  | 'PI1.2'
  | 'A1.1'
  | 'A1.2';

/**
 * Titles of the SOC 2 criteria the suite's checks evidence (AICPA Trust Services Criteria 2017).
 *
 * @public
 */
export const CLOUDFLARE_SOC2_CRITERIA: Readonly<
  Record<CloudflareSoc2Criterion, string>
> = {
  'CC2.2': 'Internal communication',
  'CC6.1': 'Logical access security',
  'CC7.2': 'System monitoring',
  'CC8.1': 'Change management',
  'C1.2': 'Disposal of confidential information',
  'P4.2': 'Retention of personal information',
  'PI1.2': 'Completeness and accuracy of system inputs',
  'A1.1': 'Availability: capacity management',
  'A1.2': 'Availability: recovery infrastructure and resilience',
};

/**
 * Id of one of the six scorecards.
 *
 * @public
 */
export type CloudflareScorecardId =
  | 'access-hygiene'
  | 'change-management'
  | 'data-retention'
  | 'resilience'
  | 'ai-governance'
  | 'coverage';

/**
 * One check of a scorecard: its Tech Insights check id and the SOC 2 criterion it evidences.
 *
 * @public
 */
export interface CloudflareScorecardCheck {
  /** Tech Insights check id (`techInsights.factChecker.checks.<id>`). */
  id: string;
  criterion: CloudflareSoc2Criterion;
}

/**
 * One scorecard of the SOC 2 pack.
 *
 * @public
 */
export interface CloudflareScorecard {
  id: CloudflareScorecardId;
  /** As spec section 6 names it. */
  title: string;
  /** What the scorecard shows, in one sentence. */
  summary: string;
  checks: readonly CloudflareScorecardCheck[];
  /** Share of the scorecard's results that must pass: 1 (all) unless spec section 6 sets one. */
  target: number;
  /**
   * True when its checks are about production Components only (Coverage): their results on any
   * other entity are not counted.
   */
  productionComponentsOnly?: boolean;
}

/**
 * Share of production Components that must be covered (spec section 6, Coverage).
 *
 * @public
 */
export const CLOUDFLARE_COVERAGE_TARGET = 0.95;

const check = (
  id: string,
  criterion: CloudflareSoc2Criterion,
): CloudflareScorecardCheck => ({ id, criterion });

/**
 * The six scorecards of spec section 6, in its order; every check of the suite is in exactly one.
 *
 * @public
 */
export const CLOUDFLARE_SCORECARDS: readonly CloudflareScorecard[] = [
  {
    id: 'access-hygiene',
    title: 'Access Hygiene',
    summary:
      'Who can reach the account and how: a live audit log, API tokens instead of the Global API Key, short-lived and used tokens, secrets kept in the Secrets Store.',
    checks: [
      check('cloudflareAccessAuditLog24h', 'CC7.2'),
      check('cloudflareGlobalApiKeyUnused', 'CC6.1'),
      check('cloudflareApiTokenHygiene', 'CC6.1'),
      check('cloudflareWorkerSecretsCentralized', 'CC6.1'),
    ],
    target: 1,
  },
  {
    id: 'change-management',
    title: 'Change Management / Provenance',
    summary:
      'Every production deployment of Workers and Pages traces back to a commit and a CI run, and to an audit event.',
    checks: [
      check('cloudflareDeploymentProvenance', 'CC8.1'),
      check('cloudflareProdDeploymentAudited', 'CC8.1'),
    ],
    target: 1,
  },
  {
    id: 'data-retention',
    title: 'Data Retention & Storage',
    summary:
      'Regulated R2 buckets expire what they must, and KV namespaces holding personal data have a retention policy.',
    checks: [
      check('cloudflareR2RegulatedLifecycle', 'C1.2'),
      check('cloudflareKvPiiRetention', 'P4.2'),
    ],
    target: 1,
  },
  {
    id: 'resilience',
    title: 'Resilience & Runtime',
    summary:
      'Queues keep up and do not pile up dead letters, workflows retry and succeed, Durable Objects stay healthy and documented.',
    checks: [
      check('cloudflareQueueBacklog', 'A1.1'),
      check('cloudflareQueueDeadLetter', 'A1.2'),
      check('cloudflareWorkflowStepsRetry', 'A1.2'),
      check('cloudflareWorkflowLastRunSucceeded', 'CC7.2'),
      check('cloudflareDurableObjectErrorRate', 'CC7.2'),
      check('cloudflareDurableObjectWebSocketsDocumented', 'CC2.2'),
    ],
    target: 1,
  },
  {
    id: 'ai-governance',
    title: 'AI Stack Governance',
    summary:
      'AI gateways are rate limited and retry, vector indexes match their models and are fresh, AI Search crawls succeed.',
    checks: [
      check('cloudflareAiGatewayRateLimitRetries', 'A1.2'),
      check('cloudflareVectorizeDimensionsMatchModel', 'PI1.2'),
      check('cloudflareVectorizeRecentWrite', 'CC7.2'),
      check('cloudflareAiSearchRecentCrawl', 'PI1.2'),
    ],
    target: 1,
  },
  {
    id: 'coverage',
    title: 'Coverage',
    summary:
      'At least 95% of production Components are related to a Cloudflare Resource that exists in the catalog.',
    checks: [check('cloudflareComponentCoverage', 'CC6.1')],
    target: CLOUDFLARE_COVERAGE_TARGET,
    productionComponentsOnly: true,
  },
];

/**
 * Every check id of the SOC 2 pack, in scorecard order.
 *
 * @public
 */
export const CLOUDFLARE_CHECK_IDS: readonly string[] =
  CLOUDFLARE_SCORECARDS.flatMap(s => s.checks.map(c => c.id));

/**
 * Ids of the checks counted over production Components only (their scorecard's
 * `productionComponentsOnly`).
 *
 * @public
 */
export const CLOUDFLARE_PRODUCTION_COMPONENT_CHECK_IDS: ReadonlySet<string> =
  new Set(
    CLOUDFLARE_SCORECARDS.filter(s => s.productionComponentsOnly).flatMap(s =>
      s.checks.map(c => c.id),
    ),
  );

/**
 * The scorecard a check belongs to and its criterion, or undefined for a check outside the pack.
 *
 * @public
 */
export function getCloudflareScorecardOfCheck(
  checkId: string,
):
  | { scorecard: CloudflareScorecard; check: CloudflareScorecardCheck }
  | undefined {
  for (const scorecard of CLOUDFLARE_SCORECARDS) {
    const found = scorecard.checks.find(c => c.id === checkId);
    if (found) return { scorecard, check: found };
  }
  return undefined;
}

/**
 * Path, within the Backstage app, of a check's remediation on the suite's remediation page (the
 * posture page's `/remediation` sub-page, mounted at `/cloudflare` by default), anchored at the check.
 *
 * @public
 */
export function cloudflareRemediationPath(
  checkId: string,
  postureBasePath = '/cloudflare',
): string {
  return `${postureBasePath.replace(/\/$/, '')}/remediation#${checkId}`;
}

/**
 * Path, within the Backstage app, of a check's remediation in the suite's TechDocs (the page
 * `docs/soc2-remediation.md` of the Component `cloudflare-suite`, registered from the suite's
 * `catalog-info.yaml`), anchored at the check.
 *
 * @public
 */
export function cloudflareRunbookPath(
  checkId: string,
  docsEntity = 'default/component/cloudflare-suite',
): string {
  return `/docs/${docsEntity}/soc2-remediation/#${checkId}`;
}
