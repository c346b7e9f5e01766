/*
 * Browser test of the running demo: drives Debian's chromium with playwright-core against the demo
 * (demo account + Backstage), and checks what engineers and security teams see. It uses a demo
 * already running (`DEMO_USER=alice ./scripts/demo.sh` in another shell), or starts ./scripts/demo.sh
 * itself and stops it at the end. Screenshots go to test-artifacts/e2e/. Run by ./scripts/test.sh;
 * by hand: `yarn tsx packages/app/e2e-tests/demo.e2e.ts`.
 */
/* eslint-disable no-console */ // a command-line test: it reports on the terminal
import { execFileSync, spawn, ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, Browser, Locator, Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts/e2e');
const APP = 'http://localhost:3000';
const BACKEND = 'http://localhost:7007';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

type Check = { name: string; run: (page: Page) => Promise<void> };
const results: Array<{ name: string; ok: boolean; error?: string }> = [];

/**
 * Starts ./scripts/demo.sh as alice (group security). `up` resolves when the script says the demo is
 * up: every URL answers and a sign-in carries alice's groups.
 */
function startDemo(timeoutMs: number): {
  demo: ChildProcess;
  up: Promise<void>;
} {
  const demo = spawn('bash', [path.join(ROOT, 'scripts/demo.sh')], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, BROWSER: 'none', DEMO_USER: 'alice' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const up = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`the demo was not up within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    let tail = ''; // the phrase may straddle two chunks
    demo.stdout!.on('data', (chunk: Buffer) => {
      const text = tail + chunk.toString();
      tail = text.slice(-20);
      if (text.includes('Demo is up')) {
        clearTimeout(timer);
        resolve();
      }
    });
    demo.once('exit', code => {
      clearTimeout(timer);
      reject(
        new Error(`./scripts/demo.sh exited (${code}) before the demo was up`),
      );
    });
  });
  return { demo, up };
}

/**
 * True when a demo is already up; it must sign in a member of group security (DEMO_USER=alice), who
 * may export evidence.
 */
async function demoAlreadyUp(): Promise<boolean> {
  const ready = await fetch(`${BACKEND}/.backstage/health/v1/readiness`).then(
    r => r.ok,
    () => false,
  );
  if (!ready) return false;
  const res = await fetch(`${BACKEND}/api/auth/guest/refresh?env=development`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  const refs: string[] = res.ok
    ? (await res.json()).backstageIdentity.identity.ownershipEntityRefs
    : [];
  if (!refs.includes('group:default/security'))
    throw new Error(
      'the running demo does not sign in a member of group security: stop it and start it with DEMO_USER=alice ./scripts/demo.sh',
    );
  return true;
}

const shot = (page: Page, name: string) =>
  page.screenshot({
    path: path.join(ARTIFACTS, `${name}.png`),
    fullPage: true,
  });

/** The entity card (or info card) whose title is exactly `title`. */
const cardTitled = (page: Page, title: string): Locator =>
  page
    .locator('.MuiCard-root', {
      has: page.getByText(title, { exact: true }),
    })
    .first();

/** Waits for `text` in `scope`; the demo's dev server may still be compiling, hence the patience. */
const expectText = (scope: Locator, text: string | RegExp) =>
  scope.getByText(text).first().waitFor({ timeout: 60_000 });

/** The hex SHA-256 of a file, as an auditor computes it: coreutils' `sha256sum`. */
const sha256sum = (file: string) =>
  execFileSync('sha256sum', [file]).toString().split(' ')[0];

async function signIn(page: Page): Promise<void> {
  await page.goto(APP);
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.waitFor({ timeout: 120_000 });
  await enter.click();
  await page
    .locator('nav[aria-label="sidebar nav"]')
    .waitFor({ state: 'attached', timeout: 60_000 });
  // The landing page is the catalog: its table, not the empty frame, goes in the screenshot.
  await page
    .getByRole('link', { name: 'acme-api' })
    .first()
    .waitFor({ timeout: 60_000 });
  await shot(page, 'signed-in');
}

const checks: Check[] = [
  {
    name: "a Component's Cloudflare tab shows a commit SHA and a CI link",
    async run(page) {
      await page.goto(`${APP}/catalog/default/component/acme-api/cloudflare`);
      const card = page.getByText('Workers deployments').first();
      await card.waitFor({ timeout: 60_000 });
      // The short SHA is linked to the commit; the link's title carries the full SHA.
      // The Workers card's own first commit cell (other cards on the tab show code too).
      const code = page
        .locator('.MuiCard-root')
        .filter({ hasText: 'Workers deployments' })
        .locator('td code')
        .first();
      await code.waitFor({ timeout: 60_000 });
      const short = ((await code.textContent()) ?? '').trim();
      const link = await code.evaluate(el => {
        const a = el.closest('a');
        return a
          ? {
              href: a.getAttribute('href') ?? '',
              title: a.getAttribute('title') ?? '',
            }
          : undefined;
      });
      if (!/^[0-9a-f]{7}$/.test(short))
        throw new Error(`short commit SHA expected, saw ${short}`);
      if (!link) throw new Error(`commit ${short} is not linked to its commit`);
      const sha = link.title;
      if (!/^[0-9a-f]{40}$/.test(sha) || !sha.startsWith(short))
        throw new Error(`commit link title is not the SHA: ${sha}`);
      if (!link.href.includes(sha))
        throw new Error(`commit link ${link.href} does not point at ${sha}`);
      const ci = page.getByRole('link', { name: 'CI run' }).first();
      await ci.waitFor({ timeout: 10_000 });
      const href = (await ci.getAttribute('href')) ?? '';
      if (!href.startsWith('https://'))
        throw new Error(`CI link is not a URL: ${href}`);
      await shot(page, 'component-cloudflare-tab');
    },
  },
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
    name: "acme-api's Cloudflare tab shows the KV, D1 and R2 cards with the demo account's data",
    async run(page) {
      await page.goto(`${APP}/catalog/default/component/acme-api/cloudflare`);
      const kv = cardTitled(page, 'KV namespace');
      await expectText(
        kv,
        'About 2,500 keys. A sample of 50, all expiring; values are never read.',
      );
      const keys = await kv.locator('tbody tr td:first-child').allInnerTexts();
      if (keys.length !== 50 || !keys.every(k => k.startsWith('cache:/api/')))
        throw new Error(
          `the KV card should list 50 keys under cache:/api/, saw ${
            keys.length
          }: ${keys.slice(0, 3).join(', ')}`,
        );
      await kv.scrollIntoViewIfNeeded();
      await kv.screenshot({ path: path.join(ARTIFACTS, 'card-kv.png') });

      const d1 = cardTitled(page, 'D1 databases');
      await expectText(
        d1,
        /^Point-in-time recovery: Time Travel gave a current bookmark/,
      );
      const [row] = await d1.locator('tbody tr').allInnerTexts();
      for (const text of [
        'acme-core',
        '412.1 MB',
        'production',
        'auto',
        'last year',
      ])
        if (!row?.includes(text))
          throw new Error(`the D1 row lacks ${text}: ${row}`);
      const bookmark =
        (await d1.locator('tbody code').first().textContent())?.trim() ?? '';
      if (!/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/.test(bookmark))
        throw new Error(
          `the D1 card shows no Time Travel bookmark: ${bookmark}`,
        );
      await d1.screenshot({ path: path.join(ARTIFACTS, 'card-d1.png') });

      const r2 = cardTitled(page, 'R2 buckets');
      await expectText(
        r2,
        'All objects: to Infrequent Access after 30 days, expire after 180 days, abort incomplete multipart uploads after 7 days',
      );
      await expectText(r2, 'Objects under "evidence/": retain for 365 days');
      await expectText(r2, 'acme-prod-artifacts');
      await r2.screenshot({ path: path.join(ARTIFACTS, 'card-r2.png') });
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

async function main() {
  mkdirSync(ARTIFACTS, { recursive: true });
  const started = (await demoAlreadyUp()) ? undefined : startDemo(420_000);
  console.log(
    started ? 'starting ./scripts/demo.sh' : 'using the demo already running',
  );
  let browser: Browser | undefined;
  try {
    await started?.up;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1400, height: 1000 },
    });
    const page = await context.newPage();
    await signIn(page).catch(async error => {
      await shot(page, 'sign-in-failed').catch(() => undefined);
      throw error;
    });
    for (const check of checks) {
      try {
        await check.run(page);
        results.push({ name: check.name, ok: true });
        console.log(`  ✓ ${check.name}`);
      } catch (error) {
        results.push({ name: check.name, ok: false, error: String(error) });
        console.log(`  ✕ ${check.name}\n    ${error}`);
        await shot(page, `failed-${results.length}`).catch(() => undefined);
      }
    }
  } finally {
    await browser?.close().catch(() => undefined);
    const pid = started?.demo.pid;
    if (pid) {
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
  const passed = results.filter(r => r.ok).length;
  const failed = results.length - passed;
  console.log(`browser: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed === checks.length ? 0 : 1);
}

main().catch(error => {
  console.error(error);
  console.log(`browser: 0 passed, ${checks.length} failed`);
  process.exit(1);
});
