import {
  CLOUDFLARE_SOC2_CRITERIA,
  cloudflareRemediationPath,
  cloudflareRunbookPath,
  CLOUDFLARE_CHECK_IDS,
  getCloudflareScorecardOfCheck,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { AREAS_WITH_FACTS } from './areas';
import { CloudflareCheck, CloudflareCheckDefinition } from './checkModel';
import { CLOUDFLARE_FACT_RETRIEVER_IDS } from './constants';

export type {
  CloudflareCheck,
  CloudflareCheckCondition,
  CloudflareCheckDefinition,
} from './checkModel';

/** The checks of the deployment, account-wide and coverage retrievers. */
const CORE_CHECKS = {
  cloudflareDeploymentProvenance: {
    id: 'cloudflareDeploymentProvenance',
    type: 'json-rules-engine',
    name: 'Cloudflare deployments have provenance',
    description:
      'SOC 2 CC8.1 (change management): every production deployment of the Workers and Pages projects of this Component carries the commit SHA it was built from and the URL of the CI run that deployed it.',
    factIds: [CLOUDFLARE_FACT_RETRIEVER_IDS.deploymentProvenance],
    rule: {
      conditions: {
        all: [
          {
            fact: 'allDeploymentsHaveProvenance',
            operator: 'equal',
            value: true,
          },
        ],
      },
    },
  },
  cloudflareProdDeploymentAudited: {
    id: 'cloudflareProdDeploymentAudited',
    type: 'json-rules-engine',
    name: 'Cloudflare production deployments are audited',
    description:
      'SOC 2 CC8.1 (change management): every production deployment of the last 30 days of the Workers and Pages projects of this Component has an account audit log event about it within ±24 hours.',
    factIds: [CLOUDFLARE_FACT_RETRIEVER_IDS.deploymentAudit],
    rule: {
      conditions: {
        all: [
          {
            fact: 'allProductionDeploymentsAudited',
            operator: 'equal',
            value: true,
          },
        ],
      },
    },
  },
  cloudflareAccessAuditLog24h: {
    id: 'cloudflareAccessAuditLog24h',
    type: 'json-rules-engine',
    name: 'Cloudflare Zero Trust audit log is live',
    description:
      'SOC 2 CC7.2 (monitoring): the Zero Trust Access authentication log of the Cloudflare account is available and holds entries of the last 24 hours.',
    factIds: [CLOUDFLARE_FACT_RETRIEVER_IDS.accessAudit],
    rule: {
      conditions: {
        all: [{ fact: 'auditLogAvailable24h', operator: 'equal', value: true }],
      },
    },
  },
  cloudflareApiTokenHygiene: {
    id: 'cloudflareApiTokenHygiene',
    type: 'json-rules-engine',
    name: 'Cloudflare API tokens are hygienic',
    description:
      'SOC 2 CC6.1 (logical access security): no active Cloudflare API token lives longer than 180 days or has gone unused for 90 days.',
    factIds: [CLOUDFLARE_FACT_RETRIEVER_IDS.apiTokenHygiene],
    rule: {
      conditions: {
        all: [
          { fact: 'tokensTtlOver180d', operator: 'equal', value: 0 },
          { fact: 'tokensUnused90d', operator: 'equal', value: 0 },
        ],
      },
    },
  },
  cloudflareGlobalApiKeyUnused: {
    id: 'cloudflareGlobalApiKeyUnused',
    type: 'json-rules-engine',
    name: 'Cloudflare Global API Key is not used',
    description:
      "SOC 2 CC6.1 (logical access security): the account audit log holds no request of the last 30 days authenticated with a Global API Key (actor context api_key), a user's all-powerful key that cannot be scoped or given an expiry; API tokens do that job.",
    factIds: [CLOUDFLARE_FACT_RETRIEVER_IDS.apiTokenHygiene],
    rule: {
      conditions: {
        all: [{ fact: 'globalApiKeyInUse', operator: 'equal', value: false }],
      },
    },
  },
  cloudflareComponentCoverage: {
    id: 'cloudflareComponentCoverage',
    type: 'json-rules-engine',
    name: 'Production Component is related to a Cloudflare resource',
    description:
      'SOC 2 CC6.1 (logical access security): this production Component is related in the catalog to at least one Cloudflare Resource that exists, so its Cloudflare footprint is inventoried. The Coverage scorecard passes when at least 95% of production Components pass this check (its pass rate over production Components, which the posture page shows).',
    factIds: [CLOUDFLARE_FACT_RETRIEVER_IDS.coverage],
    rule: {
      conditions: {
        all: [{ fact: 'covered', operator: 'equal', value: true }],
      },
    },
  },
} satisfies Record<string, CloudflareCheckDefinition>;

/** Position of a check in the pack's table, so the checks list reads scorecard by scorecard. */
const packOrder = (id: string) => CLOUDFLARE_CHECK_IDS.indexOf(id);

/**
 * A check with what the SOC 2 pack's table says of it: its criterion and scorecard in `metadata`,
 * its remediation page and its TechDocs runbook in `links`. A check outside the table is a programming error.
 */
function inPack(check: CloudflareCheckDefinition): CloudflareCheck {
  const found = getCloudflareScorecardOfCheck(check.id);
  if (!found) {
    throw new Error(
      `Check ${check.id} is in no scorecard of CLOUDFLARE_SCORECARDS`,
    );
  }
  const { scorecard, check: entry } = found;
  return {
    ...check,
    metadata: {
      soc2: {
        control: entry.criterion,
        title: CLOUDFLARE_SOC2_CRITERIA[entry.criterion],
      },
      scorecard: { id: scorecard.id, title: scorecard.title },
    },
    links: [
      { title: 'Remediation', url: cloudflareRemediationPath(check.id) },
      { title: 'Runbook (TechDocs)', url: cloudflareRunbookPath(check.id) },
    ],
  };
}

/**
 * The suite's SOC 2 checks for the jsonfc fact checker, keyed by check id in the order of the
 * scorecards: the deployment, account-wide and coverage checks and each area's
 * (`CLOUDFLARE_AREA_FACTS`). Each check's criterion, scorecard and remediation link come from
 * `CLOUDFLARE_SCORECARDS`. The demo backend, the tests and `examples/app-config.tech-insights.yaml`
 * use these same definitions.
 *
 * @public
 */
export const CLOUDFLARE_TECH_INSIGHTS_CHECKS: Readonly<
  Record<string, CloudflareCheck>
> = Object.fromEntries(
  [
    ...Object.values(CORE_CHECKS),
    ...AREAS_WITH_FACTS.flatMap(a => a.facts.checks),
  ]
    .map(inPack)
    .sort((a, b) => packOrder(a.id) - packOrder(b.id))
    .map(c => [c.id, c]),
);

/**
 * The suite's checks as a list of fresh, mutable copies (the jsonfc checker writes into the rules it
 * runs), ready for `new JsonRulesEngineFactCheckerFactory({ checks, ... })`.
 *
 * @public
 */
export function cloudflareTechInsightsChecks(): CloudflareCheck[] {
  return Object.values(CLOUDFLARE_TECH_INSIGHTS_CHECKS).map(
    c => JSON.parse(JSON.stringify(c)) as CloudflareCheck,
  );
}

/**
 * The `techInsights.factChecker.checks` config block of the suite's checks (what
 * `examples/app-config.tech-insights.yaml` holds), for code that builds config rather than YAML.
 *
 * @public
 */
export function cloudflareTechInsightsChecksConfig(): Record<
  string,
  Omit<CloudflareCheck, 'id'>
> {
  return Object.fromEntries(
    cloudflareTechInsightsChecks().map(({ id, ...rest }) => [id, rest]),
  );
}
