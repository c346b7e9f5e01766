import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Page } from 'playwright-core';
import {
  APP,
  ARTIFACTS,
  Check,
  cardTitled,
  expectText,
  sha256sum,
  shot,
} from './support';

/**
 * Clicks an export button of the posture page, saves the download to the artifacts and returns
 * the file with the hash the page's notice shows once it names the snapshot.
 */
async function exportFromPosturePage(
  page: Page,
  button: string,
  snapshotPrefix: string,
): Promise<{ file: string; shown: string | undefined }> {
  await page.goto(`${APP}/cloudflare`);
  const exportButton = page.getByRole('button', { name: button });
  await exportButton.waitFor({ timeout: 60_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    exportButton.click(),
  ]);
  const file = path.join(
    ARTIFACTS,
    download.suggestedFilename() || `${snapshotPrefix}download.json`,
  );
  await download.saveAs(file);
  const notice = page.getByTestId('evidence-notice');
  await expectText(notice, snapshotPrefix);
  const shown = (await notice.locator('code').first().textContent())?.trim();
  return { file, shown };
}

/** Evidence exports: the file's hash, as an auditor computes it, is the one the page states. */
export const EVIDENCE_CHECKS: Check[] = [
  {
    name: 'an evidence export downloads a file whose SHA-256 equals the hash the page shows',
    async run(page) {
      const { file, shown } = await exportFromPosturePage(
        page,
        'Export Zero Trust audit snapshot',
        'cloudflare-evidence-zero-trust-audit-',
      );
      const actual = createHash('sha256')
        .update(readFileSync(file))
        .digest('hex');
      await shot(page, 'evidence-export');
      if (shown !== actual)
        throw new Error(`page shows ${shown}, file hashes to ${actual}`);
    },
  },
  {
    name: 'the R2 lifecycle export downloads a file whose sha256sum is the stated hash, and it verifies',
    async run(page) {
      const { file, shown } = await exportFromPosturePage(
        page,
        'Export R2 lifecycle snapshot',
        'cloudflare-evidence-r2-lifecycle-',
      );
      const actual = sha256sum(file);
      if (shown !== actual)
        throw new Error(`page shows ${shown}, sha256sum says ${actual}`);
      const doc = JSON.parse(readFileSync(file, 'utf8'));
      if (doc.kind !== 'r2-lifecycle' || doc.population?.count !== 6)
        throw new Error(
          `expected an r2-lifecycle snapshot of 6 buckets, got ${doc.kind} of ${doc.population?.count}`,
        );

      // The stored snapshot: its row carries the same hash, and the backend verifies it.
      const row = page.locator('tr', {
        has: page.locator(`code[title="${actual}"]`),
      });
      await row.waitFor({ timeout: 30_000 });
      await row.getByRole('button', { name: /^Verify / }).click();
      const chip = row.getByTestId('verify-result');
      await chip.waitFor({ timeout: 30_000 });
      const verdict = (await chip.textContent())?.trim();
      await cardTitled(page, 'Evidence').screenshot({
        path: path.join(ARTIFACTS, 'evidence-r2-lifecycle.png'),
      });
      if (verdict !== 'ok') throw new Error(`verify says ${verdict}`);
    },
  },
];
