import {
  DemoBackend,
  recorder,
  startDemoBackend,
  withLog as withBackendLog,
} from './demo/demoBackend';

/**
 * The per-entity refresh of the suite's Tech Insights module on the real demo backend: a refresh
 * of the regulated R2 bucket re-runs the R2 retriever now (its fact timestamp moves past
 * `triggeredAt` long before the next cron run), the response names the retrievers that apply, and
 * who may ask follows the permission policy.
 */

jest.setTimeout(300_000);

const R2 = 'resource:default/cf-r2-acme-regulated-exports';
const R2_RETRIEVER = 'cloudflareR2LifecycleFactRetriever';
const REFRESH = 'POST /api/tech-insights/cloudflare/refresh';
const LATEST = `GET /api/tech-insights/facts/latest?entity=${encodeURIComponent(
  R2,
)}&ids[]=${R2_RETRIEVER}`;

describe('demo backend: Tech Insights refresh', () => {
  let demo: DemoBackend;
  let call: ReturnType<typeof recorder>['call'];
  const withLog = (fn: () => Promise<void>) => withBackendLog(() => demo, fn);

  beforeAll(async () => {
    demo = await startDemoBackend();
    ({ call } = recorder(demo.baseUrl));
  });

  afterAll(async () => {
    await demo?.stop();
  }, 30_000);

  /** The timestamp (ms) of the R2 retriever's latest fact on the bucket, once there is one. */
  const latestFactAt = (token: string) => async () => {
    const a = await call(LATEST, token);
    const at =
      a.status === 200
        ? JSON.parse(a.body)[R2_RETRIEVER]?.timestamp
        : undefined;
    return at ? Date.parse(at) : undefined;
  };

  it(
    "re-runs the R2 retriever for the bucket now: its fact's timestamp moves past triggeredAt within seconds",
    withLog(async () => {
      const token = await demo.signInAs('alice');
      // The retrievers run every minute (app-config.yaml). Wait for a cron run to land, so the
      // next one is most of a minute away: a fact newer than the refresh within 20 s is the refresh's.
      const first = await demo.until(
        'a first R2 fact',
        latestFactAt(token),
        150_000,
      );
      await demo.until(
        'a cron run of the R2 retriever',
        async () => ((await latestFactAt(token)()) ?? 0) > first || undefined,
        90_000,
      );

      const a = await call(REFRESH, token, {
        body: JSON.stringify({ entityRef: R2 }),
      });
      expect(a.status).toBe(202);
      const { entityRef, retrievers, triggeredAt } = JSON.parse(a.body);
      expect({ entityRef, retrievers }).toEqual({
        entityRef: R2,
        retrievers: [R2_RETRIEVER],
      });
      const triggered = Date.parse(triggeredAt);
      const fresh = await demo.until(
        'an R2 fact newer than the refresh',
        async () => {
          const at = await latestFactAt(token)();
          return at && at > triggered ? at : undefined;
        },
        20_000,
      );
      // The fact's timestamp is when the retriever started: the scheduler's delay to start it, about
      // 1 s with the demo's techInsights.cloudflare.refresh.pollIntervalSeconds: 1 (up to 5 s without).
      expect(fresh - triggered).toBeLessThan(5_000);
    }),
  );

  it(
    'lets every group the policy allows tech-insights.check.run refresh: readers too (the policy allows permissions outside cloudflare.*)',
    withLog(async () => {
      const rob = await demo.signInAs('rob');
      const a = await call(REFRESH, rob, {
        body: JSON.stringify({ entityRef: R2 }),
      });
      expect(a.status).toBe(202);
      const anonymous = await call(REFRESH, undefined, {
        body: JSON.stringify({ entityRef: R2 }),
      });
      expect(anonymous.status).toBe(401);
      const group = await call(REFRESH, rob, {
        body: JSON.stringify({ entityRef: 'group:default/readers' }),
      });
      expect(group.status).toBe(400);
      expect(JSON.parse(group.body).error.name).toBe('InputError');
    }),
  );
});
