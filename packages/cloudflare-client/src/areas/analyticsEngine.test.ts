import { SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import { useDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { demoContext } from '../__testUtils__/areaContext';
import { expectNoCanary } from '../__testUtils__/demo';
import { AnalyticsEngineApi } from './analyticsEngine';
import {
  AnalyticsEngineSqlError,
  checkAnalyticsEngineSql,
} from './analyticsEngineSql';

const SINCE = "WHERE timestamp > NOW() - INTERVAL '1' DAY";

describe('AnalyticsEngineApi', () => {
  const demo = useDemoAccount();

  it("lists the datasets Workers bind, from every script's settings", async () => {
    const ctx = demoContext();
    const datasets = await new AnalyticsEngineApi(ctx).listDatasets();
    expect(datasets).toEqual([
      { name: 'acme_analytics', workers: ['acme-api', 'acme-chat'] },
    ]);
    const scripts = Object.entries(demo.state.callCounts()).filter(([k]) =>
      k.includes('/settings'),
    );
    expect(ctx.stats().callsByArea.workers).toBe(
      1 + scripts.reduce((n, [, c]) => n + c, 0),
    );
    expectNoCanary(datasets);
  });

  it('makes no call when the caller passes the bindings it read', async () => {
    const ctx = demoContext();
    const datasets = await new AnalyticsEngineApi(ctx).listDatasets({
      workers: [
        {
          script: 'b-worker',
          bindings: [
            { type: 'analytics_engine', name: 'A', dataset: 'zeta' },
            { type: 'analytics_engine', name: 'B', dataset: 'alpha' },
          ],
        },
        {
          script: 'a-worker',
          bindings: [
            { type: 'analytics_engine', name: 'A', dataset: 'zeta' },
            { type: 'kv_namespace', name: 'KV', namespace_id: 'x' },
          ],
        },
      ],
    });
    expect(datasets).toEqual([
      { name: 'alpha', workers: ['b-worker'] },
      { name: 'zeta', workers: ['a-worker', 'b-worker'] },
    ]);
    expect(ctx.stats().calls).toBe(0);
  });

  it('runs an allowed query with the default LIMIT, blob columns apart', async () => {
    const ctx = demoContext();
    const result = await new AnalyticsEngineApi(ctx).query(
      'acme_analytics',
      `SELECT timestamp, blob1 AS path, double1 FROM acme_analytics ${SINCE}`,
    );
    expect(result.statement).toBe(
      `SELECT timestamp, blob1 AS path, double1 FROM acme_analytics ${SINCE} LIMIT 100`,
    );
    expect(result.limit).toBe(100);
    expect(result.columns).toEqual([
      { name: 'timestamp', type: 'DateTime', sensitive: false },
      { name: 'path', type: 'String', sensitive: true },
      { name: 'double1', type: 'Float64', sensitive: false },
    ]);
    expect(result.rows).toHaveLength(100);
    expect(result.rows[0]).toEqual({
      values: { timestamp: expect.any(String), double1: 20 },
      blobs: { path: '/api/orders' },
    });
    expect(result.rowsBeforeLimit).toBe(300);
    expect(ctx.stats().callsByArea).toEqual({ analyticsEngine: 1 });
  });

  it('answers aggregates as values', async () => {
    const result = await new AnalyticsEngineApi(demoContext()).query(
      'acme_billing_events',
      `SELECT count() AS n, sum(_sample_interval) AS events FROM acme_billing_events ${SINCE} LIMIT 1`,
    );
    expect(result.rows).toEqual([
      { values: { n: '24', events: '24' }, blobs: {} },
    ]);
    expect(result.withheld).toBe(0);
  });

  it('withholds a blob value shaped like a credential, and counts it', async () => {
    const ctx = demoContext();
    const result = await new AnalyticsEngineApi(ctx).query(
      'acme_analytics',
      `SELECT blob4 FROM acme_analytics ${SINCE} LIMIT 10`,
    );
    expect(JSON.stringify(result)).not.toContain(
      SECRET_CANARIES.analyticsEngineBlobToken,
    );
    expect(result.rows[3]).toEqual({ values: {}, blobs: { blob4: null } });
    expect(result.withheld).toBe(1);
    expect(ctx.stats().redactionsByArea).toEqual({ analyticsEngine: 1 });
    expectNoCanary(result);
  });

  it.each([
    ['SELECT 1; SELECT 2', /exactly one statement/],
    [`SELECT count() FROM acme_analytics ${SINCE} -- hidden`, /comments/],
    [`SELECT count() /* x */ FROM acme_analytics ${SINCE}`, /comments/],
    [`SELECT count() FROM acme_analytics ${SINCE} # x`, /comments/],
    [
      `SELECT count() FROM acme_analytics ${SINCE} UNION ALL SELECT count() FROM acme_analytics ${SINCE}`,
      /UNION/,
    ],
    [
      `SELECT count() FROM acme_analytics JOIN acme_billing_events ON 1 = 1 ${SINCE}`,
      /JOIN/,
    ],
    [
      `SELECT count() FROM acme_analytics, acme_billing_events ${SINCE}`,
      /JOIN/,
    ],
    [
      `WITH x AS (SELECT 1) SELECT count() FROM acme_analytics ${SINCE}`,
      /WITH/,
    ],
    [`SELECT count() FROM acme_billing_events ${SINCE}`, /only the dataset/],
    [`SELECT count() FROM system.tables ${SINCE}`, /system/],
    [`SELECT * FROM url('http://evil.example/x')`, /table functions/],
    [`SELECT count() FROM file('/etc/passwd') ${SINCE}`, /table functions/],
    [`SELECT count() FROM (SELECT 1) ${SINCE}`, /sub-queries/],
    [
      `SELECT count() FROM acme_analytics WHERE blob1 IN (SELECT blob1 FROM acme_billing_events) AND timestamp > NOW()`,
      /sub-queries/,
    ],
    [`ЅELECT count() FROM acme_analytics ${SINCE}`, /could not be parsed/],
    [`SELECT count() FROM acme_analytics`, /bound timestamp/],
    [`SELECT count() FROM acme_analytics WHERE timestamp > timestamp`, /bound/],
    [
      `SELECT count() FROM acme_analytics WHERE timestamp > NOW() OR 1 = 1`,
      /bound timestamp/,
    ],
    [`SELECT count() FROM acme_analytics ${SINCE} LIMIT 10001`, /LIMIT/],
    [`SELECT count() FROM acme_analytics ${SINCE} LIMIT 0`, /LIMIT/],
    [`SELECT * FROM acme_analytics ${SINCE}`, /SELECT \*/],
    [`SELECT hostName() FROM acme_analytics ${SINCE}`, /hostName/],
    [`SELECT "blob1" FROM acme_analytics ${SINCE}`, /double-quoted/],
    [`SELECT secret FROM acme_analytics ${SINCE}`, /column secret/],
    [`DROP TABLE acme_analytics`, /SELECT/],
    [`SELECT count() FROM acme_analytics ${SINCE} INTO OUTFILE 'x'`, /parsed/],
    [`SELECT count() FROM acme_analytics ${SINCE} FORMAT CSV`, /parsed/],
    [`SELECT count() OVER () AS n FROM acme_analytics ${SINCE}`, /OVER/],
    [`SELECT other.blob1 FROM acme_analytics ${SINCE}`, /table other/],
    [`SELECT count() FROM acme_analytics ${SINCE} LIMIT 1.5`, /whole numbers/],
    [`SELECT mydb.count() FROM acme_analytics ${SINCE}`, /qualified function/],
    [`SELECT count() FROM acme_analytics ${SINCE} QUALIFY 1 = 1`, /qualify/],
    [`SELECT blob1 || 'x' FROM acme_analytics ${SINCE}`, /operator \|\|/],
    [`SELECT CAST(double1 AS INT64) FROM acme_analytics ${SINCE}`, /cast/],
    [`SELECT count() AS \`my alias\` FROM acme_analytics ${SINCE}`, /aliases/],
    [`SELECT \`weird col\` FROM acme_analytics ${SINCE}`, /column names/],
    ['', /exactly one statement/],
  ])('refuses %s before any call', async (sql, reason) => {
    const ctx = demoContext();
    const run = new AnalyticsEngineApi(ctx).query('acme_analytics', sql);
    await expect(run).rejects.toThrow(AnalyticsEngineSqlError);
    await expect(run).rejects.toThrow(reason);
    expect(ctx.stats().calls).toBe(0);
  });

  it.each([
    [
      "SELECT count() FROM acme_analytics WHERE timestamp BETWEEN toDateTime('2026-01-01 00:00:00') AND NOW()",
      [false],
    ],
    [
      "SELECT count() FROM acme_analytics WHERE NOW() - INTERVAL '1' HOUR < timestamp AND index1 IN ('a', 'b')",
      [false],
    ],
    [
      "SELECT CASE WHEN double1 > 100 THEN 'slow' ELSE 'ok' END AS speed, count() AS n FROM acme_analytics AS t WHERE t.timestamp >= '2026-01-01' GROUP BY speed",
      [false, false],
    ],
    [
      `SELECT count(DISTINCT blob1) AS paths FROM acme_analytics ${SINCE}`,
      [true],
    ],
    [
      `SELECT lower(blob2) AS country, if(double1 > 100, 'slow', 'ok') AS speed FROM acme_analytics ${SINCE} LIMIT 5, 20`,
      [true, false],
    ],
  ])('accepts %s, marking blob-derived columns', (sql, sensitive) => {
    const checked = checkAnalyticsEngineSql('acme_analytics', sql);
    expect(checked.sensitive).toEqual(sensitive);
    expect(checked.statement).toMatch(/ LIMIT \d+(, \d+)?$/);
    // What runs passes the allow-list again, unchanged.
    expect(
      checkAnalyticsEngineSql('acme_analytics', checked.statement),
    ).toEqual(checked);
  });

  it('answers not-found for a dataset SHOW TABLES does not name, after one more call', async () => {
    const ctx = demoContext();
    const run = new AnalyticsEngineApi(ctx).query(
      'nope',
      `SELECT count() FROM nope ${SINCE}`,
    );
    await expect(run).rejects.toMatchObject({ kind: 'not-found' });
    expect(ctx.stats().callsByArea).toEqual({ analyticsEngine: 2 });
  });

  it('keeps invalid-request for a statement the SQL API refuses over a dataset it holds', async () => {
    const run = new AnalyticsEngineApi(demoContext()).query(
      'acme_analytics',
      `SELECT toStartOfInterval(timestamp, INTERVAL '1' HOUR) AS t FROM acme_analytics ${SINCE}`,
    );
    await expect(run).rejects.toMatchObject({
      kind: 'invalid-request',
      status: 400,
    });
  });
});
