/*
 * Browser test of the running demo: starts ./scripts/demo.sh (demo account + Backstage), drives Debian's
 * chromium with playwright-core, and checks what engineers and security teams see. Screenshots go to
 * test-artifacts/e2e/. Run by ./scripts/test.sh; by hand: `yarn tsx packages/app/e2e-tests/demo.e2e.ts`.
 */
/* eslint-disable no-console */ // a command-line test: it reports on the terminal
import { spawn, ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, Browser, Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts/e2e');
const APP = 'http://localhost:3000';
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

const shot = (page: Page, name: string) =>
  page.screenshot({
    path: path.join(ARTIFACTS, `${name}.png`),
    fullPage: true,
  });

async function signIn(page: Page): Promise<void> {
  await page.goto(APP);
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.waitFor({ timeout: 120_000 });
  await enter.click();
  await page
    .locator('nav[aria-label="sidebar nav"]')
    .waitFor({ state: 'attached', timeout: 60_000 });
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
      const code = page.locator('td code').first();
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
      await page.goto(`${APP}/cloudflare`);
      await page
        .getByText('SOC 2 scorecards')
        .first()
        .waitFor({ timeout: 60_000 });
      const deadline = Date.now() + 150_000;
      let pass = 0;
      let fail = 0;
      while (Date.now() < deadline) {
        pass = await page
          .locator('[data-testid^="check-"]', { hasText: /\bpass\b/ })
          .count();
        fail = await page
          .locator('[data-testid^="check-"]', { hasText: /\bfail\b/ })
          .count();
        if (pass > 0 && fail > 0) break;
        await page.waitForTimeout(5000);
        await page.reload();
        await page
          .getByText('SOC 2 scorecards')
          .first()
          .waitFor({ timeout: 60_000 });
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
];

async function main() {
  mkdirSync(ARTIFACTS, { recursive: true });
  const { demo, up } = startDemo(420_000);
  let browser: Browser | undefined;
  try {
    await up;
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
    if (demo.pid) {
      try {
        process.kill(-demo.pid, 'SIGTERM');
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
