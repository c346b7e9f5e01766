import {
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';

/** Config key of the optional faster polling of the Tech Insights tasks. */
export const REFRESH_POLL_KEY =
  'techInsights.cloudflare.refresh.pollIntervalSeconds';

/** Id of the task that keeps the polling fast. */
export const REFRESH_POLL_TASK_ID = 'cloudflare-refresh-poll';

/**
 * Makes a triggered retriever start within `techInsights.cloudflare.refresh.pollIntervalSeconds`
 * (1 to 4) instead of the scheduler's 5 seconds, when that key is set.
 *
 * The backend's scheduler (`@backstage/backend-defaults`) starts a triggered task at its next look
 * at the plugin's task table, and looks as often as the most frequent task of the plugin asks
 * (every 5 seconds for cron tasks, such as the retrievers). A task of the plugin running every
 * `pollIntervalSeconds` makes it look that often. The task does nothing; each run costs the
 * scheduler a claim and a release in the plugin's database, which is why it is off by default.
 */
export async function scheduleRefreshPolling(
  config: RootConfigService,
  scheduler: SchedulerService,
): Promise<number | undefined> {
  const seconds = config.getOptionalNumber(REFRESH_POLL_KEY);
  if (seconds === undefined) return undefined;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 4) {
    throw new Error(
      `Invalid ${REFRESH_POLL_KEY}: ${seconds}, expected a whole number of seconds from 1 to 4`,
    );
  }
  await scheduler.scheduleTask({
    id: REFRESH_POLL_TASK_ID,
    frequency: { seconds },
    timeout: { seconds: 30 },
    fn: async () => {},
  });
  return seconds;
}
