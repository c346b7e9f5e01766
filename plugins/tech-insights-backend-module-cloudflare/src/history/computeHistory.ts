import {
  CLOUDFLARE_SCORECARDS,
  CloudflareScorecardId,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { CloudflareCheck } from '../checkModel';
import { evaluateCheck } from './evaluateCheck';

/** One stored fact row: retriever id, entity ref, when, and its facts (JSON text or parsed). */
export interface HistoryFactRow {
  id: string;
  entity: string;
  timestamp: string | Date;
  facts: string | Record<string, unknown>;
}

/** How one scorecard did on one day: checks passed of (entity, check) results evaluated. */
export interface HistoryScorecardPoint {
  passed: number;
  evaluated: number;
}

/** One day of the history. */
export interface HistoryDay {
  /** The day (UTC), `YYYY-MM-DD`. */
  date: string;
  scorecards: Record<CloudflareScorecardId, HistoryScorecardPoint>;
}

/** A stored timestamp as a Date: SQLite may keep `YYYY-MM-DD HH:MM:SS` (UTC) without a zone. */
export function toDate(timestamp: string | Date): Date {
  if (timestamp instanceof Date) return timestamp;
  const iso = timestamp.includes('T') ? timestamp : timestamp.replace(' ', 'T');
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
}

function parseFacts(facts: HistoryFactRow['facts']): Record<string, unknown> {
  if (typeof facts !== 'string') return facts;
  try {
    const parsed = JSON.parse(facts);
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

/**
 * The pass rate history of each scorecard: for each day with facts, the last facts of each
 * (entity, retriever) that day, each check evaluated for each entity that has its facts, and per
 * scorecard the (entity, check) results that passed of those evaluated. Days in ascending order.
 */
export function computeHistory(
  rows: Iterable<HistoryFactRow>,
  checks: readonly CloudflareCheck[],
): HistoryDay[] {
  // day -> entity -> retriever -> { at, facts }
  const days = new Map<
    string,
    Map<string, Map<string, { at: number; facts: HistoryFactRow['facts'] }>>
  >();
  for (const row of rows) {
    const at = toDate(row.timestamp);
    if (Number.isNaN(at.getTime())) continue;
    const day = at.toISOString().slice(0, 10);
    const entities = days.get(day) ?? new Map();
    days.set(day, entities);
    const retrievers = entities.get(row.entity) ?? new Map();
    entities.set(row.entity, retrievers);
    const previous = retrievers.get(row.id);
    if (!previous || previous.at < at.getTime()) {
      retrievers.set(row.id, { at: at.getTime(), facts: row.facts });
    }
  }
  const scorecardOf = new Map<string, CloudflareScorecardId>(
    CLOUDFLARE_SCORECARDS.flatMap(s => s.checks.map(c => [c.id, s.id])),
  );
  return [...days.keys()].sort().map(date => {
    const scorecards = Object.fromEntries(
      CLOUDFLARE_SCORECARDS.map(s => [s.id, { passed: 0, evaluated: 0 }]),
    ) as Record<CloudflareScorecardId, HistoryScorecardPoint>;
    for (const retrievers of days.get(date)!.values()) {
      for (const check of checks) {
        const scorecard = scorecardOf.get(check.id);
        const present = check.factIds.filter(id => retrievers.has(id));
        if (!scorecard || present.length === 0) continue;
        const facts = Object.assign(
          {},
          ...present.map(id => parseFacts(retrievers.get(id)!.facts)),
        );
        const result = evaluateCheck(check, facts);
        if (result === undefined) continue;
        scorecards[scorecard].evaluated += 1;
        if (result) scorecards[scorecard].passed += 1;
      }
    }
    return { date, scorecards };
  });
}
