import { AREAS_WITH_FACTS } from './areas';
import { CloudflareCheck, soc2 } from './checkModel';
import { CLOUDFLARE_FACT_RETRIEVER_IDS } from './constants';

export type { CloudflareCheck, CloudflareCheckCondition } from './checkModel';

/** The checks of the deployment and account-wide retrievers. */
const CORE_CHECKS = {
  cloudflareDeploymentProvenance: {
    id: 'cloudflareDeploymentProvenance',
    type: 'json-rules-engine',
    name: 'Cloudflare deployments have provenance',
    description:
      'SOC 2 CC8.1 (change management): every production deployment of the Workers and Pages projects of this Component carries the commit SHA it was built from and the URL of the CI run that deployed it.',
    factIds: [CLOUDFLARE_FACT_RETRIEVER_IDS.deploymentProvenance],
    metadata: soc2('CC8.1'),
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
    metadata: soc2('CC8.1'),
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
    metadata: soc2('CC7.2'),
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
      'SOC 2 CC6.1 (logical access): the Global API Key is not in use, and no active Cloudflare API token lives longer than 180 days or has gone unused for 90 days.',
    factIds: [CLOUDFLARE_FACT_RETRIEVER_IDS.apiTokenHygiene],
    metadata: soc2('CC6.1'),
    rule: {
      conditions: {
        all: [
          { fact: 'globalApiKeyInUse', operator: 'equal', value: false },
          { fact: 'tokensTtlOver180d', operator: 'equal', value: 0 },
          { fact: 'tokensUnused90d', operator: 'equal', value: 0 },
        ],
      },
    },
  },
} satisfies Record<string, CloudflareCheck>;

/**
 * The suite's SOC 2 checks for the jsonfc fact checker, keyed by check id: the deployment and
 * account-wide checks, then each area's (`CLOUDFLARE_AREA_FACTS`). The demo backend, the tests and
 * `examples/app-config.tech-insights.yaml` use these same definitions.
 *
 * @public
 */
export const CLOUDFLARE_TECH_INSIGHTS_CHECKS: Readonly<
  Record<string, CloudflareCheck>
> = {
  ...CORE_CHECKS,
  ...Object.fromEntries(
    AREAS_WITH_FACTS.flatMap(a => a.facts.checks).map(c => [c.id, c]),
  ),
};

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
