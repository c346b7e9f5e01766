import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

/** The share of the timeout a run leaves unused, to apply its mutation and log before the scheduler's timeout. */
const MARGIN_SHARE = 0.1;
/** The margin's bounds, in ms. */
const MIN_MARGIN_MS = 5_000;
const MAX_MARGIN_MS = 30_000;

/**
 * When a run stops asking for calls (epoch ms): its start plus the schedule's timeout, less a
 * margin of a tenth of the timeout (5 to 30 s), so the run ends cleanly, with its progress saved
 * and its mutation applied, before the scheduler considers it timed out. 2 minutes give 108 s.
 */
export function runDeadline(
  started: number,
  timeout: SchedulerServiceTaskScheduleDefinition['timeout'],
): number {
  const ms =
    'toMillis' in timeout && typeof timeout.toMillis === 'function'
      ? timeout.toMillis()
      : durationToMilliseconds(timeout as HumanDuration);
  const margin = Math.min(
    MAX_MARGIN_MS,
    Math.max(MIN_MARGIN_MS, ms * MARGIN_SHARE),
  );
  return started + Math.max(0, ms - margin);
}
