import path from 'node:path';
import { Page } from 'playwright-core';
import { APP, ARTIFACTS, Check, cardTitled } from './support';

/**
 * Every area's card, on the example Component (examples/entities.yaml) that annotates one of its
 * resources: `[component, card title]`. Each must show a table of the demo account's data, not an
 * empty, denied, not-found or error state.
 */
const AREA_CARDS: ReadonlyArray<readonly [component: string, card: string]> = [
  ['acme-api', 'Workers deployments'],
  ['acme-api', 'KV namespace'],
  ['acme-api', 'D1 databases'],
  ['acme-api', 'R2 buckets'],
  ['acme-api', 'Queues'],
  ['acme-api', 'Workflow runs'],
  ['acme-api', 'Secrets Store'],
  ['acme-api', 'Hyperdrive'],
  ['acme-web', 'Pages deployments'],
  ['acme-session', 'Durable Objects'],
  ['acme-ai-assistant', 'AI Gateway metrics'],
  ['acme-ai-assistant', 'Vectorize indexes'],
  ['acme-ai-assistant', 'AI Search indexes'],
  ['acme-etl', 'Analytics Engine datasets'],
  ['acme-renderer', 'Containers'],
  ['acme-renderer', 'Browser Rendering sessions'],
  ['acme-converter', 'Containers'],
];

/** Waits for the card's table (its aria-label is the card's title) to hold at least one row. */
async function expectCardRows(page: Page, component: string, title: string) {
  const rows = page.getByRole('table', { name: title }).locator('tbody tr');
  try {
    await rows.first().waitFor({ timeout: 60_000 });
  } catch {
    const seen = (
      await cardTitled(page, title)
        .innerText()
        .catch(() => 'no such card')
    ).slice(0, 300);
    throw new Error(`${component}: the ${title} card shows no rows: ${seen}`);
  }
  const card = page
    .locator('.MuiCard-root', {
      has: page.getByRole('table', { name: title }),
    })
    .first();
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({
    path: path.join(
      ARTIFACTS,
      `area-card-${title.toLowerCase().replace(/\W+/g, '-')}.png`,
    ),
  });
}

/** One check per example Component: each of its area cards shows the demo account's data. */
export const AREA_CARD_CHECKS: Check[] = [
  ...new Set(AREA_CARDS.map(([c]) => c)),
].map(component => {
  const titles = AREA_CARDS.filter(([c]) => c === component).map(([, t]) => t);
  return {
    name: `${component}'s Cloudflare tab shows the demo account's data in ${titles.join(
      ', ',
    )}`,
    async run(page: Page) {
      await page.goto(
        `${APP}/catalog/default/component/${component}/cloudflare`,
      );
      for (const title of titles) await expectCardRows(page, component, title);
    },
  };
});
