import { mockServices } from '@backstage/backend-test-utils';
import { REFRESH_POLL_TASK_ID, scheduleRefreshPolling } from './refreshPolling';

const config = (pollIntervalSeconds: number) =>
  mockServices.rootConfig({
    data: {
      techInsights: { cloudflare: { refresh: { pollIntervalSeconds } } },
    },
  });

describe('scheduleRefreshPolling', () => {
  it('schedules nothing by default', async () => {
    const scheduler = mockServices.scheduler.mock();
    expect(
      await scheduleRefreshPolling(mockServices.rootConfig(), scheduler),
    ).toBeUndefined();
    expect(scheduler.scheduleTask).not.toHaveBeenCalled();
  });

  it('schedules a no-op task of the configured period, so the plugin polls its tasks that often', async () => {
    const scheduler = mockServices.scheduler.mock();
    expect(await scheduleRefreshPolling(config(1), scheduler)).toBe(1);
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: REFRESH_POLL_TASK_ID,
        frequency: { seconds: 1 },
      }),
    );
    const { fn } = scheduler.scheduleTask.mock.calls[0][0];
    await expect(fn(new AbortController().signal)).resolves.toBeUndefined();
  });

  it.each([0, 5, 1.5])('refuses %p, naming the key', async value => {
    await expect(
      scheduleRefreshPolling(config(value), mockServices.scheduler.mock()),
    ).rejects.toThrow(
      /techInsights\.cloudflare\.refresh\.pollIntervalSeconds.*1 to 4/,
    );
  });
});
