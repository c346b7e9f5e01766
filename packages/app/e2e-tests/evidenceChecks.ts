import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Locator, Page } from 'playwright-core';
import { runCli } from '@cloudflare-backstage/cloudflare-evidence-verify';
import {
  APP,
  ARTIFACTS,
  ROOT,
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

/** Saves the download a click starts into the artifacts; returns its path. */
async function saveClick(page: Page, target: Locator): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    target.click(),
  ]);
  const file = path.join(ARTIFACTS, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/** The by-hand block of docs/verifying-evidence.md, run as written: exit status and output. */
function verifyByHand(snapshot: string, envelope: string, key: string) {
  const doc = readFileSync(
    path.join(ROOT, 'docs/verifying-evidence.md'),
    'utf8',
  );
  const block = doc.match(
    /<!-- verify-by-hand[^>]*-->\n```sh\n([\s\S]*?)\n```/,
  );
  if (!block) throw new Error('no verify-by-hand block in the doc');
  const r = spawnSync('bash', ['-c', block[1]], {
    cwd: ARTIFACTS,
    encoding: 'utf8',
    env: { ...process.env, SNAP: snapshot, ENV: envelope, KEY: key },
  });
  return { status: r.status, output: r.stdout + r.stderr };
}

/** The verifier CLI's code path (`runCli`, which the bin calls): exit code and lines. */
function verifyWithCli(snapshot: string, envelope: string, key: string) {
  const lines: string[] = [];
  const code = runCli(
    [snapshot, envelope, key].map(f => path.join(ARTIFACTS, f)),
    { out: l => lines.push(l), err: l => lines.push(l) },
  );
  return { code, lines };
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
  {
    name: 'a snapshot downloaded in the browser, its signature and the public key verify with the CLI and with sha256sum + openssl; one changed byte fails both',
    async run(page) {
      const { file } = await exportFromPosturePage(
        page,
        'Export Zero Trust audit snapshot',
        'cloudflare-evidence-zero-trust-audit-',
      );
      const snapshot = path.basename(file);
      const id = snapshot.replace(
        /^cloudflare-evidence-zero-trust-audit-|\.json$/g,
        '',
      );
      const signature = page.getByRole('button', {
        name: `Download signature ${id}`,
      });
      await signature.waitFor({ timeout: 30_000 });
      const envelope = path.basename(await saveClick(page, signature));
      const key = path.basename(
        await saveClick(
          page,
          page.getByRole('button', { name: 'Download public key' }),
        ),
      );
      await shot(page, 'evidence-signature');

      const cli = verifyWithCli(snapshot, envelope, key);
      if (cli.code !== 0 || cli.lines.join('\n') !== 'valid')
        throw new Error(`verifier: ${cli.lines.join(' ')}`);
      const byHand = verifyByHand(snapshot, envelope, key);
      if (
        byHand.status !== 0 ||
        !/Signature Verified Successfully/.test(byHand.output)
      )
        throw new Error(`sha256sum + openssl: ${byHand.output}`);

      const bytes = readFileSync(file);
      bytes[bytes.length - 2] ^= 1;
      writeFileSync(file, bytes);
      const cliBad = verifyWithCli(snapshot, envelope, key);
      if (cliBad.code !== 1 || !/digest mismatch/.test(cliBad.lines.join(' ')))
        throw new Error(
          `verifier accepted a changed byte: ${cliBad.lines.join(' ')}`,
        );
      const handBad = verifyByHand(snapshot, envelope, key);
      if (handBad.status === 0 || !/digest mismatch/.test(handBad.output))
        throw new Error(
          `sha256sum + openssl accepted a changed byte: ${handBad.output}`,
        );
    },
  },
];
