import path from 'node:path';
import { APP, ARTIFACTS, Check, cardTitled, shot } from './support';

/** What a security team sees on the posture page's scorecards. */
export const POSTURE_CHECKS: Check[] = [
  {
    name: 'the posture page shows a passing and a failing check',
    async run(page) {
      const deadline = Date.now() + 150_000;
      let pass = 0;
      let fail = 0;
      const rows = page.locator('[data-testid^="check-"]');
      while (Date.now() < deadline) {
        await page.goto(`${APP}/cloudflare`);
        // The rows appear once the bulk run of the checks has answered (slow on a cold demo).
        await rows.first().waitFor({ timeout: 60_000 });
        pass = await rows.filter({ hasText: /\bpass\b/ }).count();
        fail = await rows.filter({ hasText: /\bfail\b/ }).count();
        if (pass > 0 && fail > 0) break;
        await page.waitForTimeout(5000);
      }
      await shot(page, 'posture-page');
      if (pass === 0 || fail === 0)
        throw new Error(
          `expected pass and fail checks, saw ${pass} pass, ${fail} fail`,
        );
    },
  },
  {
    name: 'the posture page scores the storage checks: PII namespaces and regulated buckets',
    async run(page) {
      const deadline = Date.now() + 150_000;
      const failing: Record<string, string> = {
        cloudflareKvPiiRetention: 'cf-kv-acme-eu-profiles',
        cloudflareR2RegulatedLifecycle: 'cf-r2-acme-regulated-exports',
      };
      let seen = '';
      for (;;) {
        await page.goto(`${APP}/cloudflare`);
        const scorecards = cardTitled(page, 'SOC 2 scorecards');
        await scorecards.waitFor({ timeout: 60_000 });
        let ok = true;
        for (const [id, entity] of Object.entries(failing)) {
          const check = page.getByTestId(`check-${id}`);
          await check.waitFor({ timeout: 60_000 });
          seen = await check.innerText();
          // Both fail in the demo account, naming the entity that fails.
          ok &&= /\bfail\b/.test(seen) && seen.includes(entity);
        }
        if (ok) {
          await scorecards.screenshot({
            path: path.join(ARTIFACTS, 'posture-storage-checks.png'),
          });
          return;
        }
        if (Date.now() > deadline)
          throw new Error(
            `the storage checks did not fail as expected: ${seen}`,
          );
        await page.waitForTimeout(5000);
      }
    },
  },
];
