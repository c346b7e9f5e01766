import {
  CallBudget,
  CloudflareClient,
} from '@cloudflare-backstage/cloudflare-client';
import {
  DemoAccountState,
  createScaleAccountData,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { demoFetch, singleAccountConfig } from '../__testUtils__/demo';
import {
  TestClock,
  catalogMirror,
  pacedProviders,
} from '../__testUtils__/paced';

jest.setTimeout(180_000);

const WINDOW_MS = 300_000;
/** Calls another user of the token (a deploy pipeline) makes at the start of every window. */
const OTHER_USER_CALLS = 300;

describe('CloudflareEntityProvider under Cloudflare rate limit', () => {
  it('syncs an account too big for one window over several runs with no 429, sharing the token with another user', async () => {
    const clock = new TestClock();
    // Cloudflare's own limit: 1,200 calls per 5 minutes per token, then 5 minutes of 429s.
    const state = new DemoAccountState({
      data: createScaleAccountData({ seed: 7, resources: 2_500 }),
      rateLimit: true,
      now: clock.now,
    });
    // The backend's budget of the token (1,200 / 300 s, a fifth kept for routes), on the test's clock.
    const budget = new CallBudget({ now: clock.now });
    const started = pacedProviders({ state, clock, budget });
    // The pipeline uses the same token, outside the backend's budget.
    const pipeline = CloudflareClient.fromConfig(singleAccountConfig(), {
      fetch: demoFetch(state),
      budget: new CallBudget({ calls: 1_000_000 }),
    });
    const catalog = catalogMirror();
    await started.providers[0].connect(catalog.connection);

    let runs = 0;
    do {
      for (let i = 0; i < OTHER_USER_CALLS; i++)
        await pipeline.workers.listScripts();
      await started.schedule.runTask();
      clock.advance(WINDOW_MS);
      runs += 1;
    } while (!started.summaries().at(-1)!.includes('complete') && runs < 10);

    expect(started.summaries().at(-1)).toContain('cycle 1 complete');
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(started.statuses.filter(s => s === 429)).toEqual([]);
    // Each run left the pipeline's calls and the routes' fifth alone: the budget believed
    // Cloudflare's Ratelimit header (the pipeline's calls) rather than its own count.
    for (const line of started.summaries()) {
      const calls = Number(/(\d+) upstream calls/.exec(line)![1]);
      expect(calls).toBeLessThanOrEqual(1_200 - OTHER_USER_CALLS - 240 + 1);
    }
    expect(started.statuses.length).toBeGreaterThan(2_000);
    expect(catalog.removed).toEqual([]);
    expect(catalog.mutations.at(-1)).toBe('full');
    expect(catalog.names().length).toBeGreaterThan(1_500);
  });
});
