import path from 'node:path';
import { APP, ARTIFACTS, Check, cardTitled, expectText, shot } from './support';

/** What an engineer sees on their Component's Cloudflare tab. */
export const COMPONENT_CHECKS: Check[] = [
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
];
