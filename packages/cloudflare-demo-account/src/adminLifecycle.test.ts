import Cloudflare from 'cloudflare';
import { DEMO_ACCOUNT_ID } from './data';
import { DemoAccountServer, startDemoAccountServer } from './server';
import { DEMO_API_TOKEN } from './state';

// Over real HTTP: the admin routes change what Cloudflare's own lifecycle route answers.
describe('R2 lifecycle admin routes', () => {
  let server: DemoAccountServer;
  beforeEach(async () => {
    server = await startDemoAccountServer({ port: 0 });
  });
  afterEach(() => server.close());

  const rulesPath = (bucket: string) =>
    `http://127.0.0.1:${server.port}/__demo/r2/buckets/${bucket}/lifecycle/rules`;
  const post = (bucket: string, body: unknown, query = '') =>
    fetch(`${rulesPath(bucket)}${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const ruleIds = async (bucket: string, jurisdiction?: 'eu') => {
    const sdk = new Cloudflare({
      apiToken: DEMO_API_TOKEN,
      baseURL: server.baseUrl,
      maxRetries: 0,
    });
    const lifecycle = await sdk.r2.buckets.lifecycle.get(bucket, {
      account_id: DEMO_ACCOUNT_ID,
      ...(jurisdiction ? { 'cf-r2-jurisdiction': jurisdiction } : {}),
    });
    return (lifecycle.rules ?? []).map(r => r.id);
  };

  it('adds a rule that Cloudflare’s lifecycle route then answers, and removes it again', async () => {
    const added = await post('acme-regulated-exports', {
      id: 'archive-logs',
      prefix: 'logs/',
      expireAfterDays: 30,
    });
    expect(added.status).toBe(201);
    expect((await added.json()).rule).toEqual({
      id: 'archive-logs',
      enabled: true,
      conditions: { prefix: 'logs/' },
      deleteObjectsTransition: {
        condition: { type: 'Age', maxAge: 30 * 86_400 },
      },
    });
    expect(await ruleIds('acme-regulated-exports')).toEqual(['archive-logs']);

    const again = await post('acme-regulated-exports', {
      id: 'archive-logs',
      expireAfterDays: 1,
    });
    expect(again.status).toBe(409);

    const removed = await fetch(
      `${rulesPath('acme-regulated-exports')}/archive-logs`,
      { method: 'DELETE' },
    );
    expect(removed.status).toBe(204);
    expect(await ruleIds('acme-regulated-exports')).toEqual([]);
    const gone = await fetch(
      `${rulesPath('acme-regulated-exports')}/archive-logs`,
      { method: 'DELETE' },
    );
    expect(gone.status).toBe(404);
  });

  it('finds buckets by jurisdiction and refuses bad bodies and unknown buckets', async () => {
    const body = { id: 'eu-expire', expireAfterDays: 7 };
    expect((await post('acme-eu-customer-data', body)).status).toBe(404);
    expect(
      (await post('acme-eu-customer-data', body, '?jurisdiction=eu')).status,
    ).toBe(201);
    expect(await ruleIds('acme-eu-customer-data', 'eu')).toContain('eu-expire');

    for (const bad of [
      {},
      { id: 'x' },
      { id: 'x', expireAfterDays: 0 },
      { id: 'x', expireAfterDays: 1.5 },
      { id: 'no spaces', expireAfterDays: 1 },
      { id: 'x', prefix: 7, expireAfterDays: 1 },
    ]) {
      const res = await post('acme-static-assets', bad);
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(/expireAfterDays/);
    }
    expect((await post('no-such-bucket', body)).status).toBe(404);
  });
});
