/* The suite's runbooks in TechDocs: the docs of the cloudflare-suite Component, built by the demo's local mkdocs. */
import { APP, Check, shot } from './support';

const DOCS = `${APP}/docs/default/component/cloudflare-suite`;

/** What anyone signed in finds in the suite's TechDocs. */
export const TECHDOCS_CHECKS: Check[] = [
  {
    name: 'the suite’s TechDocs render the credentials runbook with its heading, its rotation section and the nav to the other runbooks',
    async run(page) {
      await page.goto(`${DOCS}/runbooks/credentials/`);
      // The first visit builds the site with mkdocs (a few seconds), then the reader shows it; the reader
      // renders the page in a shadow root, which Playwright's locators pierce.
      await page
        .getByRole('heading', { name: 'Runbook: credentials', level: 1 })
        .waitFor({ timeout: 180_000 });
      await page
        .getByRole('heading', { name: 'Rotate at most every 180 days' })
        .waitFor({ timeout: 10_000 });
      // The permission table: the suite's read-only token, one row per area.
      await page
        .getByRole('cell', { name: 'Workers KV Storage Read' })
        .first()
        .waitFor({ timeout: 10_000 });
      // mkdocs.yml's nav lists the other runbooks.
      for (const title of [
        'Evidence cadence',
        'Data handling',
        'Incident links',
      ]) {
        await page
          .getByRole('link', { name: title, exact: true })
          .first()
          .waitFor({ state: 'attached', timeout: 10_000 });
      }
      // The reader fades the page in once its transformers ran: the screenshot shows the rendered runbook.
      await page
        .getByRole('heading', { name: 'Runbook: credentials', level: 1 })
        .scrollIntoViewIfNeeded();
      await page.waitForTimeout(2000);
      await shot(page, 'techdocs-credentials-runbook');
    },
  },
  {
    name: 'a check’s runbook link on the remediation page opens its section of the SOC 2 remediation page in TechDocs',
    async run(page) {
      await page.goto(
        `${APP}/cloudflare/remediation#cloudflareApiTokenHygiene`,
      );
      const link = page
        .locator('section#cloudflareApiTokenHygiene')
        .getByRole('link', { name: 'Runbook in TechDocs' });
      const href = await link.getAttribute('href', { timeout: 60_000 });
      if (
        href !==
        '/docs/default/component/cloudflare-suite/soc2-remediation/#cloudflareApiTokenHygiene'
      ) {
        throw new Error(`the runbook link is ${href}`);
      }
      await link.click();
      await page
        .getByRole('heading', { name: 'cloudflareApiTokenHygiene' })
        .waitFor({ timeout: 180_000 });
      await shot(page, 'techdocs-remediation-runbook');
    },
  },
];
