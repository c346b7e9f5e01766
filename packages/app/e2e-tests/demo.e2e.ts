/*
 * Browser test of the running demo: drives Debian's chromium with playwright-core against the demo
 * (demo account + Backstage), and checks what engineers and security teams see. It uses a demo
 * already running (`DEMO_USER=alice ./scripts/demo.sh` in another shell), or starts ./scripts/demo.sh
 * itself and stops it at the end. Screenshots go to test-artifacts/e2e/. Run by ./scripts/test.sh;
 * by hand: `yarn tsx packages/app/e2e-tests/demo.e2e.ts`.
 */
/* eslint-disable no-console */ // a command-line test: it reports on the terminal
import { spawn, ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, Browser, Page } from 'playwright-core';
import { AREA_CARD_CHECKS } from './areaCardChecks';
import { COMPONENT_CHECKS } from './componentChecks';
import { DRIFT_CHECKS } from './driftChecks';
import { EVIDENCE_CHECKS } from './evidenceChecks';
import { HISTORY_CHECKS } from './historyChecks';
import { OUTAGE_CHECKS } from './outageChecks';
import { POSTURE_CHECKS } from './postureChecks';
import { SCORECARD_CHECKS } from './scorecardChecks';
import { TECHDOCS_CHECKS } from './techdocsChecks';
import { APP, ARTIFACTS, Check, ROOT, shot } from './support';

const BACKEND = 'http://localhost:7007';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
  ...COMPONENT_CHECKS,
  ...AREA_CARD_CHECKS,
  ...POSTURE_CHECKS,
  ...EVIDENCE_CHECKS,
  ...SCORECARD_CHECKS,
  ...DRIFT_CHECKS,
  ...HISTORY_CHECKS,
  ...TECHDOCS_CHECKS,
  // Last: they fail Cloudflare reads on purpose (and may open the account's circuit breaker).
  ...OUTAGE_CHECKS,
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
