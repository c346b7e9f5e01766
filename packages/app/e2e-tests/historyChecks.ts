import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { APP, ARTIFACTS, Check, cardTitled, expectText } from './support';

const POSTURE = `${APP}/cloudflare`;
/** The group that owns most of the demo's Cloudflare Resources (the default owner). */
const GROUP = `${APP}/catalog/default/group/platform`;

type Point = { scorecard: string; passed: number; evaluated: number };

/** The history's points of its last day, from the chart's visually hidden table. */
async function lastDayPoints(card: Locator) {
  const rows = await card
    .locator('[data-testid="posture-history-points"] tbody tr')
    .evaluateAll(trs =>
      trs.map(tr => ({
        date: tr.getAttribute('data-date') ?? '',
        scorecard: tr.getAttribute('data-scorecard') ?? '',
        passed: Number(tr.getAttribute('data-passed')),
        evaluated: Number(tr.getAttribute('data-evaluated')),
      })),
    );
  const last = rows
    .map(r => r.date)
    .sort()
    .pop();
  return {
    date: last,
    points: rows
      .filter(r => r.date === last)
      .map(({ scorecard, passed, evaluated }) => ({
        scorecard,
        passed,
        evaluated,
      })),
  };
}

/** The scorecard bars' "n of m" (scorecards without results left out). */
async function barPoints(page: Page): Promise<Point[]> {
  return page.locator('[data-testid^="scorecard-bar-"]').evaluateAll(els =>
    els.flatMap(el => {
      const text =
        el.querySelector('[data-testid="scorecard-rate"]')?.textContent ?? '';
      const m = /^(\d+) of (\d+) /.exec(text);
      return m
        ? [
            {
              scorecard: (el.getAttribute('data-testid') ?? '').replace(
                'scorecard-bar-',
                '',
              ),
              passed: Number(m[1]),
              evaluated: Number(m[2]),
            },
          ]
        : [];
    }),
  );
}

const byScorecard = (points: Point[]) =>
  JSON.stringify(
    [...points].sort((a, b) => a.scorecard.localeCompare(b.scorecard)),
  );

/** Retries `probe` (which answers a problem or undefined) until it passes or the time is up. */
async function until(
  page: Page,
  url: string,
  probe: () => Promise<string | undefined>,
  timeoutMs = 150_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.goto(url);
    const problem = await probe().catch(e => String(e));
    if (problem === undefined) return;
    if (Date.now() > deadline) throw new Error(problem);
    await page.waitForTimeout(5000);
  }
}

/** Posture over time: the history chart on the posture page and on a Group's page. */
export const HISTORY_CHECKS: Check[] = [
  {
    name: "the posture page charts each scorecard's pass rate per day; today's point equals the bars",
    async run(page) {
      const today = new Date().toISOString().slice(0, 10);
      await until(page, POSTURE, async () => {
        const card = cardTitled(page, 'Posture history');
        await card
          .locator('[data-testid="posture-history"]')
          .waitFor({ timeout: 60_000 });
        await page
          .locator('[data-testid="scorecard-rate"]')
          .first()
          .waitFor({ timeout: 60_000 });
        const history = await lastDayPoints(card);
        if (history.date !== today)
          return `the history's last day is ${history.date}, not today (${today})`;
        const bars = await barPoints(page);
        if (bars.length === 0) return 'no scorecard bar has results yet';
        if (byScorecard(history.points) !== byScorecard(bars))
          return `today's history ${byScorecard(
            history.points,
          )} differs from the bars ${byScorecard(bars)}`;
        const start = await card
          .locator('[data-testid="posture-history-start"]')
          .innerText();
        if (!start.startsWith('History starts 20'))
          return `no start date under the chart: ${start}`;
        if ((await card.locator('svg.recharts-surface').count()) === 0)
          return 'no chart drawn';
        await card.locator('[data-testid="posture-history"]').screenshot({
          path: path.join(ARTIFACTS, 'posture-history.png'),
        });
        return undefined;
      });
    },
  },
  {
    name: "a group's page charts the history of the entities it owns",
    async run(page) {
      await until(page, GROUP, async () => {
        const card = cardTitled(page, 'Posture history of what it owns');
        await card
          .locator('[data-testid="posture-history"]')
          .waitFor({ timeout: 60_000 });
        const { points } = await lastDayPoints(card);
        if (!points.some(p => p.evaluated > 0))
          return "the group's history has no evaluated result";
        await expectText(card, /^History starts 20/);
        await card.locator('[data-testid="posture-history"]').screenshot({
          path: path.join(ARTIFACTS, 'group-posture-history.png'),
        });
        return undefined;
      });
    },
  },
];
