#!/usr/bin/env node
/*
 * The browser part of the stock-app check: the stock app's frontend, built with the suite's tarballs and served by
 * the stock backend (@backstage/plugin-app-backend), in Debian's chromium through playwright-core:
 *
 *   node scripts/stock-app/browser.js <stock-backend-url> <demo-account-url> <screenshot-dir>
 *
 * 1. signs in as guest (the stock sign-in page's Enter button);
 * 2. opens the Cloudflare tab of the Component acme-api (added by apply.js) and asserts a Workers deployment
 *    whose commit link carries a full SHA that the demo account itself serves for the Worker acme-api.
 * Prints `[stock-browser] PASS|FAIL <name>` per check (stock-app-check.sh counts them), saves screenshots, and
 * exits non-zero on any failure.
 */
/* eslint-disable no-console */
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const [base, demo, shots] = process.argv.slice(2);
if (!base || !demo || !shots) {
  console.error(
    'usage: browser.js <stock-backend-url> <demo-account-url> <screenshot-dir>',
  );
  process.exit(2);
}
const ACCOUNT = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const TOKEN = 'demo-acme-org-read-token-0000000000000000'; // the demo account's public read token
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Every 40-hex commit SHA of the demo account's deployments of the Worker acme-api: its deployments' version ids,
 * then the Workers Builds of those versions (where the commit of a Workers CI deployment lives).
 */
async function demoShas() {
  const get = async url => {
    const res = await fetch(`${demo}/client/v4/accounts/${ACCOUNT}${url}`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    if (!res.ok) throw new Error(`demo account ${url}: HTTP ${res.status}`);
    return res.text();
  };
  const deployments = JSON.parse(
    await get('/workers/scripts/acme-api/deployments'),
  ).result.deployments;
  // the newest deployments (the tab lists them first); the builds endpoint takes a few ids at a time
  const versions = deployments
    .slice(0, 5)
    .flatMap(d => d.versions.map(v => v.version_id));
  const builds = await get(
    `/builds/builds?version_ids=${versions.map(encodeURIComponent).join(',')}`,
  );
  return new Set(builds.match(/\b[0-9a-f]{40}\b/g) ?? []);
}

async function main() {
  fs.mkdirSync(shots, { recursive: true });
  const shot = (page, name) =>
    page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  const browser = await chromium.launch({
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
  let failed = 0;
  const check = async (name, page, run) => {
    try {
      await run();
      console.log(`[stock-browser] PASS ${name}`);
    } catch (error) {
      failed += 1;
      console.log(`[stock-browser] FAIL ${name}: ${error.message}`);
      await shot(page, 'failure').catch(() => undefined);
    }
  };
  try {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 1000 },
    });
    await check('guest sign-in on the stock frontend', page, async () => {
      await page.goto(base);
      const enter = page.getByRole('button', { name: 'Enter' });
      await enter.waitFor({ timeout: 120_000 });
      await enter.click();
      await page
        .locator('nav[aria-label="sidebar nav"]')
        .waitFor({ state: 'attached', timeout: 60_000 });
    });
    await check(
      "the Component acme-api's Cloudflare tab shows a demo deployment and its commit SHA",
      page,
      async () => {
        const expected = await demoShas();
        if (expected.size === 0)
          throw new Error('the demo account serves no commit SHA for acme-api');
        await page.goto(
          `${base}/catalog/default/component/acme-api/cloudflare`,
        );
        await page
          .getByText('Workers deployments')
          .first()
          .waitFor({ timeout: 90_000 });
        // The Workers card's own first commit cell (other cards on the tab show code too).
        const code = page
          .locator('.MuiCard-root')
          .filter({ hasText: 'Workers deployments' })
          .locator('td code')
          .first();
        await code.waitFor({ timeout: 60_000 });
        const short = ((await code.textContent()) ?? '').trim();
        const sha = await code.evaluate(
          el => el.closest('a')?.getAttribute('title') ?? '',
        );
        await shot(page, 'component-cloudflare-tab');
        if (!/^[0-9a-f]{7}$/.test(short))
          throw new Error(`short commit SHA expected, saw "${short}"`);
        if (!sha.startsWith(short) || !expected.has(sha))
          throw new Error(
            `commit ${short} (link title "${sha}") is not a deployment SHA of the demo account`,
          );
        console.log(`[stock-browser] acme-api deployment commit ${sha}`);
      },
    );
  } finally {
    await browser.close();
  }
  process.exit(failed > 0 ? 1 : 0);
}

main().catch(error => {
  console.log(`[stock-browser] FAIL ${error.message}`);
  process.exit(1);
});
