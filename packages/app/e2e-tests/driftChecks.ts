import path from 'node:path';
import { Page } from 'playwright-core';
import { APP, ARTIFACTS, Check, cardTitled, expectText, shot } from './support';

/** The served demo account's admin routes (not Cloudflare's), on the port ./scripts/demo.sh uses. */
const DEMO_ADMIN = `${
  process.env.DEMO_ACCOUNT_URL ?? 'http://127.0.0.1:8787'
}/__demo`;
const BUCKET = 'acme-static-assets';

/** Exports an R2 lifecycle snapshot from the posture page; returns its SHA-256 as the page states it. */
async function exportR2Lifecycle(page: Page): Promise<string> {
  await page.goto(`${APP}/cloudflare`);
  const button = page.getByRole('button', {
    name: 'Export R2 lifecycle snapshot',
  });
  await button.waitFor({ timeout: 60_000 });
  await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    button.click(),
  ]);
  const notice = page.getByTestId('evidence-notice');
  await expectText(notice, 'cloudflare-evidence-r2-lifecycle-');
  const sha = (await notice.locator('code').first().textContent())?.trim();
  if (!sha || !/^[0-9a-f]{64}$/.test(sha))
    throw new Error(`the page states no SHA-256 for the export (${sha})`);
  return sha;
}

/** Picks, in the select with `id`, the snapshot whose label ends with the hash's first 8 digits. */
async function pick(page: Page, id: string, sha: string) {
  const select = page.locator(`#${id}`);
  const option = select.locator('option', {
    hasText: new RegExp(`· ${sha.slice(0, 8)}$`),
  });
  await option.waitFor({ state: 'attached', timeout: 30_000 });
  await select.selectOption((await option.getAttribute('value')) ?? '');
}

async function demoAdmin(route: string, init?: RequestInit) {
  const res = await fetch(`${DEMO_ADMIN}${route}`, init);
  if (!res.ok)
    throw new Error(`${init?.method ?? 'GET'} ${route}: HTTP ${res.status}`);
}

/**
 * Evidence drift: two R2 lifecycle snapshots with a known change in between (a rule added to the
 * demo account through its admin route, removed again afterwards), compared on the posture page.
 */
export const DRIFT_CHECKS: Check[] = [
  {
    name: 'evidence drift: two R2 lifecycle snapshots around an added rule compare to that rule, added',
    async run(page) {
      const rule = `e2e-drift-${Date.now()}`;
      const before = await exportR2Lifecycle(page);
      await demoAdmin(`/r2/buckets/${BUCKET}/lifecycle/rules`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          id: rule,
          prefix: 'drift/',
          expireAfterDays: 45,
        }),
      });
      try {
        const after = await exportR2Lifecycle(page);
        await pick(page, 'evidence-diff-to', after);
        await pick(page, 'evidence-diff-from', before);
        await page.getByRole('button', { name: 'Compare' }).click();
        const summary = page.getByTestId('evidence-diff-summary');
        await summary.waitFor({ timeout: 30_000 });
        const said = (await summary.textContent())?.trim();
        if (!said?.startsWith('1 added, 0 removed, 0 changed'))
          throw new Error(`the diff says "${said}", not one record added`);
        const row = page
          .getByRole('table', { name: 'evidence differences' })
          .getByRole('row', { name: new RegExp(`${BUCKET}/rules/${rule}`) });
        await row.waitFor({ timeout: 10_000 });
        const cells = await row.getByRole('cell').allTextContents();
        if (cells[0] !== 'added' || !cells[4].includes('"afterDays":45'))
          throw new Error(`the added row reads ${JSON.stringify(cells)}`);
        await cardTitled(page, 'Evidence').screenshot({
          path: path.join(ARTIFACTS, 'evidence-drift.png'),
        });
        await shot(page, 'evidence-drift-page');
      } finally {
        await demoAdmin(`/r2/buckets/${BUCKET}/lifecycle/rules/${rule}`, {
          method: 'DELETE',
        });
      }
    },
  },
];
