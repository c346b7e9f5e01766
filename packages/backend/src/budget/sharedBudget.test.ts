import {
  createScaleAccountData,
  DemoAccountData,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { loadRoutes, routeReads, RouteTally } from './__testUtils__/routeLoad';
import {
  SharedBudgetBackend,
  startSharedBudgetBackend,
} from './__testUtils__/sharedBudgetBackend';

/**
 * The issue's acceptance test of the call budget, at the level of a whole backend: the catalog
 * module's ingestion and the `cloudflare` plugin's routes share one client and one call budget
 * (the backend's `cloudflareClientsServiceRef`), and together they never exceed the account's rate
 * limit, scaled down to 150 calls per 3 s (block 3 s) with the budget configured alike.
 */

jest.setTimeout(120_000);

const SEED = 13;
const RESOURCES = 400;
const RATE_LIMIT = { calls: 150, windowSeconds: 3, blockSeconds: 3 };
const ROUTE_SHARE = 0.2;

/** What one run of ingestion and route load did. */
interface Run {
  backend: SharedBudgetBackend;
  routes: RouteTally;
  /** The provider's summary lines, one per run of its task. */
  summaries: string[];
  health: any;
  ms: number;
}

/**
 * Starts the backend with `cloudflare.budget.calls` = `budgetCalls`, then at once runs the
 * provider's ingestion and three waves of route reads (every read of {@link routeReads}, 1.5 s
 * apart); with `finishIngestion`, runs the ingestion again while its cycle is not complete
 * (paced over windows, at most three runs); reads `/health`.
 */
async function run(
  data: DemoAccountData,
  options: {
    budgetCalls: number;
    hideRateLimitHeaders?: boolean;
    finishIngestion?: boolean;
  },
): Promise<Run> {
  const { budgetCalls } = options;
  const t0 = Date.now();
  const backend = await startSharedBudgetBackend({
    seed: SEED,
    resources: RESOURCES,
    rateLimit: RATE_LIMIT,
    hideRateLimitHeaders: options.hideRateLimitHeaders,
    budget: {
      calls: budgetCalls,
      windowSeconds: RATE_LIMIT.windowSeconds,
      routeShare: ROUTE_SHARE,
    },
  });
  try {
    const summaries = () =>
      backend.logLines.filter(l => l.includes('refreshed account'));
    const [routes] = await Promise.all([
      loadRoutes({
        baseUrl: backend.baseUrl,
        paths: routeReads(data),
        waves: 3,
        pauseMs: 1500,
      }),
      backend.runIngestion(),
    ]);
    for (
      let i = 0;
      options.finishIngestion &&
      i < 2 &&
      !summaries().at(-1)?.includes('complete');
      i++
    )
      await backend.runIngestion();
    const health = await (
      await fetch(`${backend.baseUrl}/api/cloudflare/health`)
    ).json();
    return {
      backend,
      routes,
      summaries: summaries(),
      health,
      ms: Date.now() - t0,
    };
  } catch (error) {
    await backend.stop();
    throw error;
  }
}

const sum = (counts: Record<string, number>) =>
  Object.values(counts).reduce((a, b) => a + b, 0);

/** A line of figures for the test's output (and the report). */
function figures(label: string, r: Run) {
  const log = r.backend.account.requestLog();
  return `${label}: ${r.ms} ms; demo account answered ${JSON.stringify(
    log.byStatus(),
  )}; routes answered ${JSON.stringify(
    r.routes.byStatus,
  )}; health callsByArea ${JSON.stringify(
    r.health.accounts[0].callsByArea,
  )}; provider: ${r.summaries
    .map(s =>
      /(\d+) entities .*?(cycle \d+ \w+).*?(\d+ upstream calls)/.exec(s),
    )
    .map(m => (m ? `${m[1]} entities, ${m[2]}, ${m[3]}` : '?'))
    .join(' | ')}`;
}

describe('one call budget shared by the catalog ingestion and the routes', () => {
  const data = createScaleAccountData({ seed: SEED, resources: RESOURCES });
  let current: Run | undefined;

  afterEach(async () => {
    await current?.backend.stop();
    current = undefined;
  });

  it('never exceeds the rate limit: 0 x 429 at the demo account, ingestion complete, routes 200 or 503 (budget), /health counts every call', async () => {
    current = await run(data, {
      budgetCalls: RATE_LIMIT.calls,
      finishIngestion: true,
    });
    const r = current;
    const log = r.backend.account.requestLog();
    // eslint-disable-next-line no-console
    console.log(figures('shared budget', r));

    // The load needed more than one window of the rate limit, and none of it was refused.
    expect(log.total()).toBeGreaterThan(RATE_LIMIT.calls);
    expect(log.withStatus(429)).toBe(0);

    // The ingestion completed its cycle (in one run or paced over several), without a failed area.
    expect(r.summaries.at(-1)).toContain('cycle 1 complete');
    expect(
      r.backend.logLines.filter(l => /could not read|refresh failed/.test(l)),
    ).toEqual([]);

    // Routes: fresh answers, or 503 with Retry-After because the budget was short; never a 429,
    // never an answer of Cloudflare's rate limit or of an open breaker.
    const statuses = Object.keys(r.routes.byStatus).map(Number);
    expect(statuses.filter(s => s !== 200 && s !== 503)).toEqual([]);
    expect(r.routes.byStatus['200']).toBeGreaterThan(0);
    for (const a of r.routes.answers.filter(x => x.status === 503)) {
      expect(a.retryAfter).toMatch(/^\d+$/);
      expect(a.body.error.message).toMatch(/call budget of the account/);
    }
    for (const a of r.routes.answers.filter(x => x.status === 200)) {
      expect(a.body.stale).toBeUndefined();
    }

    // /health shows the one budget of the account, and its calls per area are every call the
    // demo account answered: the catalog's and the routes'.
    expect(r.health.accounts).toHaveLength(1);
    const [account] = r.health.accounts;
    expect(account.id).toBe('default');
    expect(account.budget.limit).toBe(RATE_LIMIT.calls);
    expect(account.budget.reservedForRoutes).toBe(
      Math.floor(RATE_LIMIT.calls * ROUTE_SHARE),
    );
    expect(account.breaker.state).toBe('closed');
    // Both callers made calls: the catalog read areas no route of the load reads, and each
    // path a route answered fresh needed a call of its own (the cache started empty). Every one of
    // them is in /health: had the routes or the catalog a client of their own, its calls would
    // reach the demo account and be missing here.
    for (const area of ['hyperdrive', 'containers', 'aiSearch'])
      expect(account.callsByArea[area]).toBeGreaterThan(0);
    const freshPaths = new Set(
      r.routes.answers.filter(a => a.status === 200).map(a => a.path),
    );
    expect(freshPaths.size).toBeGreaterThan(0);
    expect(sum(account.callsByArea)).toBe(log.total());
  });

  it("control: a budget 10 times the rate limit that cannot learn it from Cloudflare's headers lets the same load run into 429s", async () => {
    // Behind a proxy that hides Ratelimit and Ratelimit-Policy: with them, the budget would adopt
    // the account's stricter policy (150 / 3 s) whatever its configuration says.
    current = await run(data, {
      budgetCalls: RATE_LIMIT.calls * 10,
      hideRateLimitHeaders: true,
    });
    const r = current;
    const log = r.backend.account.requestLog();
    // eslint-disable-next-line no-console
    console.log(figures('control, budget 10x', r));
    expect(log.withStatus(429)).toBeGreaterThan(0);
    // Even then no 429 reaches a caller of the routes: 503 (Cloudflare's rate limit, the open
    // breaker, the budget emptied by the 429) instead.
    expect(r.routes.byStatus['429']).toBeUndefined();
    expect(r.routes.byStatus['503']).toBeGreaterThan(0);
  });
});
