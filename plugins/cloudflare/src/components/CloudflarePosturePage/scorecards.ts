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

/** Groups the bulk run's results per check, in the order of `checks`. */
export function summarizeChecks(
  checks: ScorecardCheck[],
  runs: ScorecardEntityResults[],
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
        summary.evaluated += 1;
        if (result.result) summary.passed.push(run.entity);
        else
          summary.failed.push({ entity: run.entity, reason: reasonOf(result) });
      }
    }
    return summary;
  });
}
