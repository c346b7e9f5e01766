import path from 'node:path';
import { Page } from 'playwright-core';
import { APP, ARTIFACTS, Check, cardTitled, expectText } from './support';

/** The demo account's admin routes (packages/cloudflare-demo-account/src/server.ts). */
const DEMO_ADMIN = 'http://127.0.0.1:8787/__demo';

/** Makes every Cloudflare call whose path contains `route` fail with HTTP 500 until cleared. */
async function failRoute(route: string): Promise<void> {
  const res = await fetch(`${DEMO_ADMIN}/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ route, fault: 'server-error' }),
  });
  if (res.status !== 201) {
    throw new Error(`the demo account refused the fault: ${res.status}`);
  }
}

/** Clears every fault of the demo account. */
async function clearFaults(): Promise<void> {
  await fetch(`${DEMO_ADMIN}/faults`, { method: 'DELETE' });
}

/** Runs `fn` with `route` failing, and clears the faults whatever happens. */
async function withFailingRoute(route: string, fn: () => Promise<void>) {
  await failRoute(route);
  try {
    await fn();
  } finally {
    await clearFaults();
  }
}

const CARD = 'Workers deployments';

async function cardShot(page: Page, name: string) {
  const card = cardTitled(page, CARD);
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/**
 * Cloudflare outages as users see them. Both fail one Worker's deployments read in the demo
 * account (server-error on every call, the client's retries included), so the backend can answer
 * only from its cache. They run last: the failures may open the account's circuit breaker, which
 * then holds every read of the account for its backoff (30 s by default).
 */
export const OUTAGE_CHECKS: Check[] = [
  {
    name: 'a read Cloudflare cannot answer and nothing cached shows when to retry (503)',
    async run(page: Page) {
      // No other check opens acme-reports, so the backend has no answer of it to fall back on.
      await withFailingRoute(
        '/workers/scripts/acme-reports/deployments',
        async () => {
          await page.goto(
            `${APP}/catalog/default/resource/cf-worker-acme-reports/cloudflare`,
          );
          const card = cardTitled(page, CARD);
          const panel = card.getByTestId('cloudflare-unavailable');
          await panel.waitFor({ timeout: 90_000 });
          await expectText(
            panel,
            'Cloudflare could not be reached, and there is no earlier answer to show',
          );
          await expectText(panel, /Try again/);
          await cardShot(page, 'outage-unavailable');
        },
      );
    },
  },
  {
    name: 'a read Cloudflare cannot answer shows the cached data with its age (stale)',
    async run(page: Page) {
      // The area card checks read acme-api's deployments minutes ago: past the cache's fresh TTL
      // (cloudflare.cache.ttlSeconds, 60 s in the demo) the backend must ask Cloudflare again, fails,
      // and answers what it read then, flagged stale. Until the TTL has passed the answer is
      // simply fresh, so look again for up to 80 s.
      await withFailingRoute(
        '/workers/scripts/acme-api/deployments',
        async () => {
          const url = `${APP}/catalog/default/component/acme-api/cloudflare`;
          const deadline = Date.now() + 80_000;
          for (;;) {
            await page.goto(url);
            const card = cardTitled(page, CARD);
            const rows = page
              .getByRole('table', { name: CARD })
              .locator('tbody tr');
            await rows.first().waitFor({ timeout: 90_000 });
            const notice = card.getByTestId('cloudflare-stale');
            if ((await notice.count()) > 0) {
              await expectText(
                notice,
                /Cloudflare could not be reached: showing data read (\d+ (seconds?|minutes?|hours?) ago|now)/,
              );
              break;
            }
            if (Date.now() > deadline) {
              throw new Error(
                'the Workers deployments card showed its data without the stale notice while Cloudflare failed',
              );
            }
            await page.waitForTimeout(10_000);
          }
          await cardShot(page, 'outage-stale');
        },
      );
    },
  },
];
