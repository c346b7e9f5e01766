import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  APP,
  ARTIFACTS,
  Check,
  cardTitled,
  expectText,
  sha256sum,
  shot,
} from './support';

/** Evidence exports: the file's hash, as an auditor computes it, is the one the page states. */
export const EVIDENCE_CHECKS: Check[] = [
  {
    name: 'an evidence export downloads a file whose SHA-256 equals the hash the page shows',
    async run(page) {
      await page.goto(`${APP}/cloudflare`);
      const button = page.getByRole('button', {
        name: 'Export Zero Trust audit snapshot',
      });
      await button.waitFor({ timeout: 60_000 });
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        button.click(),
      ]);
      const file = path.join(
        ARTIFACTS,
        download.suggestedFilename() || 'evidence.json',
      );
      await download.saveAs(file);
      const actual = createHash('sha256')
        .update(readFileSync(file))
        .digest('hex');
      const notice = page.getByTestId('evidence-notice');
      await notice.waitFor({ timeout: 30_000 });
      const shown = (
        await notice.locator('code').first().textContent()
      )?.trim();
      await shot(page, 'evidence-export');
      if (shown !== actual)
        throw new Error(`page shows ${shown}, file hashes to ${actual}`);
    },
  },
  {
    name: 'the R2 lifecycle export downloads a file whose sha256sum is the stated hash, and it verifies',
    async run(page) {
      await page.goto(`${APP}/cloudflare`);
      const button = page.getByRole('button', {
        name: 'Export R2 lifecycle snapshot',
      });
      await button.waitFor({ timeout: 60_000 });
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        button.click(),
      ]);
      const file = path.join(
        ARTIFACTS,
        download.suggestedFilename() || 'r2-lifecycle.json',
      );
      await download.saveAs(file);
      const actual = sha256sum(file);
      const notice = page.getByTestId('evidence-notice');
      await expectText(notice, 'cloudflare-evidence-r2-lifecycle-');
      const shown = (
        await notice.locator('code').first().textContent()
      )?.trim();
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
