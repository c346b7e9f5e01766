import { Check } from '@backstage-community/plugin-tech-insights-common';

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
 * A check of the jsonfc module (`type: json-rules-engine`), with the SOC 2 control it evidences in
 * `metadata.soc2`. Structurally a `TechInsightJsonRuleCheck` of
 * `@backstage-community/plugin-tech-insights-backend-module-jsonfc`.
 *
 * @public
 */
export interface CloudflareCheck extends Check {
  type: 'json-rules-engine';
  metadata: {
    soc2: {
      control:
        | 'CC6.1'
        | 'CC2.2'
        | 'CC7.2'
        | 'CC8.1'
        | 'C1.2'
        | 'P4.2'
        | 'PI1.2'
        | 'A1.2'
        | 'A1.1';
      title: string;
    };
  };
  rule: { conditions: { all: CloudflareCheckCondition[] } };
}

/** Titles of the SOC 2 controls the checks evidence. */
const SOC2 = {
  'CC8.1': 'Change management',
  'CC7.2': 'System monitoring',
  'CC6.1': 'Logical access security',
  'CC2.2': 'Internal communication',
  'P4.2': 'Retention of personal information',
  'C1.2': 'Disposal of confidential information',
  'PI1.2': 'Completeness and accuracy of system inputs',
  'A1.2': 'Availability: recovery infrastructure and resilience',
  'A1.1': 'Availability: capacity management',
} as const;

/** The `metadata` of a check evidencing one SOC 2 control. */
export const soc2 = (control: keyof typeof SOC2) => ({
  soc2: { control, title: SOC2[control] },
});
