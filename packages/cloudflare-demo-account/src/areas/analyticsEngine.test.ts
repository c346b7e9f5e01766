import { sdk, TEST_BASE_URL, useDemoAccount } from '../__testUtils__/sdk';
import { DEMO_API_TOKEN } from '../state';
import type { AnalyticsEngineSqlResult } from '../fixtures/analyticsEngine';
import { createRng } from '../rng';
import { generateAnalyticsEngineData } from '../fixtures/analyticsEngine';

/**
 * The SDK has no Analytics Engine method. Its generic `client.post(path, {body, headers})` sends a
 * string body as-is, so it can carry raw SQL; for errors (plain text, not the envelope) plain `fetch`
 * with the Bearer token shows the body exactly as the API sends it.
 */
describe('Analytics Engine SQL area', () => {
  const demo = useDemoAccount();
  const path = () => `/accounts/${demo.account_id}/analytics_engine/sql`;
  const query = (sql: string) =>
    sdk().post<AnalyticsEngineSqlResult>(path(), {
      body: sql,
      headers: { 'content-type': 'text/plain' },
    });
  const raw = (sql: string) =>
    fetch(`${TEST_BASE_URL}${path()}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${DEMO_API_TOKEN}`,
        'content-type': 'text/plain',
      },
      body: sql,
    });

  it('lists datasets with SHOW TABLES through the SDK client', async () => {
    const res = await query('SHOW TABLES');
    expect(res).toEqual({
      meta: [{ name: 'dataset', type: 'String' }],
      data: [
        { dataset: 'acme_analytics' },
        { dataset: 'acme_api_requests' },
        { dataset: 'acme_billing_events' },
      ],
      rows: 3,
    });
  });

  it('answers a SELECT with LIMIT in FORMAT JSON', async () => {
    const res = await query(
      'SELECT timestamp, blob1 AS path, double1 FROM acme_analytics ORDER BY timestamp DESC LIMIT 5',
    );
    expect(res.rows).toBe(5);
    expect(res.meta).toEqual([
      { name: 'timestamp', type: 'DateTime' },
      { name: 'path', type: 'String' },
      { name: 'double1', type: 'Float64' },
    ]);
    expect(res.data[0]).toEqual({
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      path: '/api/orders',
      double1: 20,
    });
  });

  it('answers aggregates over a dataset', async () => {
    const res = await query(
      'SELECT count() AS n, sum(_sample_interval) AS events FROM acme_billing_events',
    );
    expect(res.data).toEqual([{ n: '24', events: '24' }]);
    const range = await query(
      'SELECT min(double1) AS lo, max(double1) AS hi, avg(double1) FROM acme_analytics',
    );
    expect(range.data[0]).toMatchObject({ lo: 20, hi: 486 });
    expect(range.meta[2]).toEqual({ name: 'avg(double1)', type: 'Float64' });
  });

  it('answers an unknown dataset or garbage with a 400 text error', async () => {
    const unknown = await raw('SELECT * FROM nope LIMIT 1');
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain(
      "Unknown table expression identifier 'nope'",
    );
    const garbage = await raw('DROP TABLE acme_analytics');
    expect(garbage.status).toBe(400);
    expect(garbage.headers.get('content-type')).toContain('text/plain');
    await expect(query('SELEKT 1')).rejects.toMatchObject({ status: 400 });
  });

  it('refuses a wrong token with the v4 error envelope', async () => {
    const res = await fetch(`${TEST_BASE_URL}${path()}`, {
      method: 'POST',
      headers: { authorization: 'Bearer nope' },
      body: 'SHOW TABLES',
    });
    expect(res.status).toBe(401);
  });

  it('generates scale-mode data deterministically from the seed', () => {
    const first = generateAnalyticsEngineData(createRng(7), 40);
    const second = generateAnalyticsEngineData(createRng(7), 40);
    expect(first.datasets).toHaveLength(40);
    expect(first.datasets.map(d => d.points[0].index1)).toEqual(
      second.datasets.map(d => d.points[0].index1),
    );
    expect(generateAnalyticsEngineData(createRng(7), 0).datasets).toHaveLength(
      0,
    );
  });
});
