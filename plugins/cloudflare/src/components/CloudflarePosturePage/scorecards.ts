import {
  CLOUDFLARE_PRODUCTION_COMPONENT_CHECK_IDS,
  CLOUDFLARE_SCORECARDS,
  CloudflareScorecard,
  CloudflareSoc2Criterion,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  ScorecardCheck,
  ScorecardCheckResult,
  ScorecardEntityResults,
} from '../../api';

/** One check's outcome over every entity it was run for. */
export interface CheckSummary {
  check: ScorecardCheck;
  /** Entities the check produced a result for. */
  evaluated: number;
  passed: string[];
  failed: Array<{ entity: string; reason: string }>;
}

/** Whether a check's result for an entity counts (belongs to the check's population). */
export type ResultCounts = (checkId: string, entityRef: string) => boolean;

const MAX_LISTED = 5;

/** A fact value as a short phrase. */
export function factValueText(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    const shown = value
      .slice(0, MAX_LISTED)
      .map(v => (typeof v === 'string' ? v : JSON.stringify(v)));
    const more =
      value.length > MAX_LISTED ? ` (+${value.length - MAX_LISTED} more)` : '';
    return `${value.length}: ${shown.join(', ')}${more}`;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Why a check failed, from the facts in its result: `<fact description>: <value>` for each fact,
 * or the fact's own `reason`/`summary` fact when the retriever wrote one.
 */
export function reasonOf(result: ScorecardCheckResult): string {
  const facts = Object.values(result.facts ?? {});
  const explicit = facts.find(f => /(^|\.)(reason|summary)$/i.test(f.id ?? ''));
  if (explicit && typeof explicit.value === 'string') return explicit.value;
  if (facts.length === 0) return 'The check failed; no facts were recorded.';
  return facts
    .map(f => `${f.description || f.id}: ${factValueText(f.value)}`)
    .join('; ');
}

/** Groups the bulk run's results per check, in the order of `checks`, keeping those that count. */
export function summarizeChecks(
  checks: ScorecardCheck[],
  runs: ScorecardEntityResults[],
  counts: ResultCounts = () => true,
): CheckSummary[] {
  return checks.map(check => {
    const summary: CheckSummary = {
      check,
      evaluated: 0,
      passed: [],
      failed: [],
    };
    for (const run of runs) {
      for (const result of run.results ?? []) {
        if (result.check?.id !== check.id) continue;
        if (!counts(check.id, run.entity)) continue;
        summary.evaluated += 1;
        if (result.result) summary.passed.push(run.entity);
        else
          summary.failed.push({ entity: run.entity, reason: reasonOf(result) });
      }
    }
    return summary;
  });
}

/**
 * The populations of spec section 6: the Coverage scorecard's checks count production Components
 * only (`productionRefs`, lower-cased entity refs); every other check counts every entity.
 */
export function countedPopulation(
  productionRefs: ReadonlySet<string>,
): ResultCounts {
  return (checkId, entityRef) =>
    !CLOUDFLARE_PRODUCTION_COMPONENT_CHECK_IDS.has(checkId) ||
    productionRefs.has(entityRef.toLocaleLowerCase('en-US'));
}

/** One scorecard's (entity, check) results and the checks of it that Tech Insights ran. */
export interface ScorecardRate {
  scorecard: CloudflareScorecard;
  /** Results that pass. */
  passed: number;
  /** All results of the scorecard's checks. */
  total: number;
  /** Share of results that pass; undefined without results. */
  rate?: number;
  /** The share a scorecard must reach: Coverage's 95%, all for the others. */
  target: number;
  /** Its checks' summaries and criteria, in the scorecard's order (checks Tech Insights lacks left out). */
  checks: Array<{ summary: CheckSummary; criterion: CloudflareSoc2Criterion }>;
}

/** Every scorecard of the SOC 2 pack, in table order, with its pass rate over `summaries`. */
export function scorecardRates(summaries: CheckSummary[]): ScorecardRate[] {
  return CLOUDFLARE_SCORECARDS.map(scorecard => {
    const checks = scorecard.checks.flatMap(({ id, criterion }) => {
      const summary = summaries.find(s => s.check.id === id);
      return summary ? [{ summary, criterion }] : [];
    });
    const passed = checks.reduce((n, c) => n + c.summary.passed.length, 0);
    const total = checks.reduce((n, c) => n + c.summary.evaluated, 0);
    return {
      scorecard,
      passed,
      total,
      rate: total > 0 ? passed / total : undefined,
      target: scorecard.target,
      checks,
    };
  });
}

/** A share as a percentage with at most one decimal (`66.7%`). */
export const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;
