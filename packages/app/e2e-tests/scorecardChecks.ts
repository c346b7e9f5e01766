import path from 'node:path';
import { Page } from 'playwright-core';
import { APP, ARTIFACTS, Check, cardTitled, expectText, shot } from './support';

const CARD = 'Cloudflare SOC 2 scorecards';
/** The group that owns most of the demo's Cloudflare Resources (the default owner). */
const GROUP = `${APP}/catalog/default/group/platform`;
/** A Resource of the demo that fails a check: a regulated bucket without a lifecycle rule. */
const FAILING_RESOURCE = `${APP}/catalog/default/resource/cf-r2-acme-regulated-exports`;
const REMEDIATION_HREF = /\/cloudflare\/remediation#(\w+)$/;

/** The first remediation link of a failing entity on the group's roll-up card, once it shows. */
async function rollupRemediationLink(page: Page) {
  const deadline = Date.now() + 150_000;
  for (;;) {
    await page.goto(GROUP);
    const card = cardTitled(page, CARD);
    await card.waitFor({ timeout: 60_000 });
    const counts = card.locator(
      '[data-testid^="rollup-"][data-testid$="-counts"]',
    );
    await counts.first().waitFor({ timeout: 60_000 });
    const link = card
      .locator('[data-testid^="failing-"]')
      .getByRole('link', { name: 'Remediation' })
      .first();
    const texts = await counts.allInnerTexts();
    if ((await link.count()) > 0) return { card, link, texts };
    if (Date.now() > deadline)
      throw new Error(
        `no failing entity on the group's scorecards: ${texts.join('; ')}`,
      );
    await page.waitForTimeout(5000);
  }
}

/** What a team sees of its Cloudflare posture on its group page, and how it fixes a failure. */
export const SCORECARD_CHECKS: Check[] = [
  {
    name: "a group's page rolls its entities' checks up per scorecard and links a failure to its remediation",
    async run(page) {
      const { card, link, texts } = await rollupRemediationLink(page);
      for (const text of texts) {
        if (
          !/^\d+ evaluated, \d+ passing, \d+ failing \(\d+% pass\)$/.test(text)
        )
          throw new Error(`unexpected scorecard counts: ${text}`);
      }
      if (!texts.some(t => !/ 0 failing/.test(t)))
        throw new Error(`no scorecard counts a failing entity: ${texts}`);
      await card.screenshot({
        path: path.join(ARTIFACTS, 'group-scorecards.png'),
      });
      const href = (await link.getAttribute('href')) ?? '';
      const checkId = REMEDIATION_HREF.exec(href)?.[1];
      if (!checkId)
        throw new Error(`the remediation link goes to ${href || 'nowhere'}`);

      await link.click();
      await page.waitForURL(url => url.pathname === '/cloudflare/remediation');
      if (!page.url().endsWith(`#${checkId}`))
        throw new Error(`followed the link to ${page.url()}`);
      const section = page.locator(`section[id="${checkId}"]`);
      await section.waitFor({ timeout: 60_000 });
      await expectText(section, checkId);
      await expectText(section, /^(CC|C|P|PI|A)\d\.\d /);
      await expectText(section, 'Setting:');
      await shot(page, 'remediation-page');
    },
  },
  {
    name: "a failing Resource's scorecards refresh on demand",
    async run(page) {
      await page.goto(FAILING_RESOURCE);
      const card = cardTitled(page, CARD);
      await card.waitFor({ timeout: 60_000 });
      await card
        .locator('[data-testid="check-cloudflareR2RegulatedLifecycle"]')
        .waitFor({ timeout: 60_000 });
      await card.getByRole('button', { name: 'Refresh' }).click();
      // The route triggers the bucket's retrievers; the card polls their facts for up to 90 s.
      const refreshed = card.getByText(/^Refreshed at /);
      const problem = card.getByRole('alert');
      await refreshed.or(problem).first().waitFor({ timeout: 100_000 });
      if (await problem.count())
        throw new Error(`refresh failed: ${await problem.first().innerText()}`);
      await card.screenshot({
        path: path.join(ARTIFACTS, 'resource-scorecards-refreshed.png'),
      });
    },
  },
];
