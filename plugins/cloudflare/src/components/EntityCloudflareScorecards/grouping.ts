import {
  CLOUDFLARE_CHECK_IDS,
  CLOUDFLARE_SCORECARDS,
  CloudflareScorecard,
  CloudflareScorecardCheck,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  ScorecardApi,
  ScorecardCheckResult,
  ScorecardEntityResults,
} from '../../api';
import { reasonOf } from '../CloudflarePosturePage/scorecards';

/** Ids of the pack's checks that Tech Insights has, in the pack's order. */
export async function packCheckIds(api: ScorecardApi): Promise<string[]> {
  const configured = new Set((await api.getChecks()).map(c => c.id));
  return CLOUDFLARE_CHECK_IDS.filter(id => configured.has(id));
}

/** One check's result for the entity, with its criterion. */
export interface EntityCheckOutcome {
  check: CloudflareScorecardCheck;
  /** The check's name as Tech Insights states it. */
  name: string;
  passed: boolean;
  /** Why it failed, in words; unset when it passed. */
  reason?: string;
}

/** A scorecard with the entity's results of its checks. */
export interface EntityScorecard {
  scorecard: CloudflareScorecard;
  outcomes: EntityCheckOutcome[];
}

/**
 * The results of one entity grouped by scorecard, in the pack's order; scorecards without a result
 * and results of checks outside the pack are left out.
 */
export function groupByScorecard(
  results: ScorecardCheckResult[],
): EntityScorecard[] {
  const byId = new Map(results.map(r => [r.check?.id, r]));
  return CLOUDFLARE_SCORECARDS.flatMap(scorecard => {
    const outcomes = scorecard.checks.flatMap(check => {
      const result = byId.get(check.id);
      if (!result) return [];
      return [
        {
          check,
          name: result.check.name || check.id,
          passed: result.result,
          ...(result.result ? {} : { reason: reasonOf(result) }),
        },
      ];
    });
    return outcomes.length ? [{ scorecard, outcomes }] : [];
  });
}

/** One failing entity of a scorecard and the checks it fails. */
export interface FailingEntity {
  entityRef: string;
  failed: Array<{ checkId: string; name: string; reason: string }>;
}

/** One scorecard over the entities of a Group or System. */
export interface ScorecardRollup {
  scorecard: CloudflareScorecard;
  /** Entities with at least one result of the scorecard's checks. */
  evaluated: number;
  /** Those passing every check of the scorecard they have a result for. */
  passing: number;
  /** Those failing at least one. */
  failing: FailingEntity[];
}

/**
 * Rolls the bulk run's results up per scorecard, in the pack's order, keeping the scorecards that
 * evaluated at least one entity. `counts` leaves out results outside a check's population.
 */
export function rollUpByScorecard(
  runs: ScorecardEntityResults[],
  counts: (checkId: string, entityRef: string) => boolean = () => true,
): ScorecardRollup[] {
  return CLOUDFLARE_SCORECARDS.flatMap(scorecard => {
    const ids = new Set(scorecard.checks.map(c => c.id));
    let evaluated = 0;
    let passing = 0;
    const failing: FailingEntity[] = [];
    for (const run of runs) {
      const results = (run.results ?? []).filter(
        r => ids.has(r.check?.id) && counts(r.check.id, run.entity),
      );
      if (results.length === 0) continue;
      evaluated += 1;
      const failed = results
        .filter(r => !r.result)
        .map(r => ({
          checkId: r.check.id,
          name: r.check.name || r.check.id,
          reason: reasonOf(r),
        }));
      if (failed.length) failing.push({ entityRef: run.entity, failed });
      else passing += 1;
    }
    return evaluated ? [{ scorecard, evaluated, passing, failing }] : [];
  });
}
