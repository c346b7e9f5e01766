import {
  Check,
  CheckLink,
} from '@backstage-community/plugin-tech-insights-common';
import type {
  CloudflareScorecardId,
  CloudflareSoc2Criterion,
} from '@cloudflare-backstage/plugin-cloudflare-common';

/**
 * One condition of a JSON rules engine check, as the jsonfc module reads it from
 * `techInsights.factChecker.checks.<id>.rule.conditions`.
 *
 * @public
 */
export interface CloudflareCheckCondition {
  fact: string;
  operator:
    | 'equal'
    | 'notEqual'
    | 'lessThan'
    | 'lessThanInclusive'
    | 'greaterThan'
    | 'greaterThanInclusive';
  value: string | number | boolean;
}

/**
 * A check of the jsonfc module (`type: json-rules-engine`) as the suite configures it: the SOC 2
 * criterion it evidences and its scorecard in `metadata` (both from `CLOUDFLARE_SCORECARDS` of
 * `@cloudflare-backstage/plugin-cloudflare-common`), and a link to its remediation in `links`.
 * Structurally a `TechInsightJsonRuleCheck` of
 * `@backstage-community/plugin-tech-insights-backend-module-jsonfc`.
 *
 * @public
 */
export interface CloudflareCheck extends Check {
  type: 'json-rules-engine';
  metadata: {
    soc2: { control: CloudflareSoc2Criterion; title: string };
    scorecard: { id: CloudflareScorecardId; title: string };
  };
  links: CheckLink[];
  rule: { conditions: { all: CloudflareCheckCondition[] } };
}

/**
 * A check as an area (or the module) writes it: everything but what the SOC 2 pack's table gives
 * (`metadata` and `links`), which `CLOUDFLARE_TECH_INSIGHTS_CHECKS` adds.
 *
 * @public
 */
export type CloudflareCheckDefinition = Omit<
  CloudflareCheck,
  'metadata' | 'links'
>;
