import Cloudflare from 'cloudflare';
import { DEMO_ACCOUNT_ID } from './data';
import { DemoAccountServer, startDemoAccountServer } from './server';
import { DEMO_API_TOKEN } from './state';

// No msw server in this file: requests go over real HTTP to the served account.
describe('startDemoAccountServer', () => {
  let server: DemoAccountServer;
  beforeEach(async () => {
    server = await startDemoAccountServer({ port: 0 });
  });
  afterEach(() => server.close());

  const client = (maxRetries = 0) =>
    new Cloudflare({
      apiToken: DEMO_API_TOKEN,
      baseURL: server.baseUrl,
      maxRetries,
      timeout: 5_000,
    });
  const admin = (path: string, init?: RequestInit) =>
    fetch(`http://127.0.0.1:${server.port}/__demo${path}`, init);

  it('serves the SDK over HTTP on a loopback port', async () => {
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/client\/v4$/);
    const names: string[] = [];
    for await (const s of client().workers.scripts.list({
      account_id: DEMO_ACCOUNT_ID,
    }))
      names.push(s.id ?? '');
    expect(names).toContain('acme-api');
  });

  it('stalls a body over HTTP after the headers (stall-body through POST /__demo/faults)', async () => {
    const set = await admin('/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ route: '/workers/scripts', fault: 'stall-body' }),
    });
    expect(set.status).toBe(201);
    const res = await fetch(
      `${server.baseUrl}/accounts/${DEMO_ACCOUNT_ID}/workers/scripts`,
      { headers: { authorization: `Bearer ${DEMO_API_TOKEN}` } },
    );
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    const next = await Promise.race([
      reader.read().then(() => 'more'),
      new Promise(r => setTimeout(() => r('stalled'), 300)),
    ]);
    expect(next).toBe('stalled');
    reader.cancel().catch(() => undefined);
  });

  it('sets a fault and reports call counts through the admin routes', async () => {
    const set = await admin('/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        route: '/workers/scripts',
        fault: 'server-error:503',
        times: 1,
      }),
    });
    expect(set.status).toBe(201);
    expect(await (await admin('/faults')).json()).toEqual({
      faults: [
        {
          route: '/workers/scripts',
          fault: { kind: 'server-error', status: 503 },
          times: 1,
        },
      ],
    });
    await expect(
      client().workers.scripts.list({ account_id: DEMO_ACCOUNT_ID }),
    ).rejects.toMatchObject({ status: 503 });
    await expect(
      client().workers.scripts.list({ account_id: DEMO_ACCOUNT_ID }),
    ).resolves.toBeDefined();
    expect(await (await admin('/calls')).json()).toEqual({
      total: 2,
      byRoute: { 'GET /accounts/:account_id/workers/scripts': 2 },
    });
    expect((await admin('/calls', { method: 'DELETE' })).status).toBe(204);
    expect((await (await admin('/calls')).json()).total).toBe(0);
  });

  it('rejects a malformed fault', async () => {
    const res = await admin('/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fault: 'explode' }),
    });
    expect(res.status).toBe(400);
  });

  it('lets the SDK retry a 429 after its Retry-After when maxRetries > 0', async () => {
    server.state.addFault({
      route: '/workers/scripts',
      fault: { kind: 'rate-limit', retryAfterSeconds: 1 },
      times: 1,
    });
    const started = Date.now();
    const scripts = [];
    for await (const s of client(2).workers.scripts.list({
      account_id: DEMO_ACCOUNT_ID,
    }))
      scripts.push(s);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(scripts.length).toBeGreaterThan(0);
    expect(
      server.state.callCounts()['GET /accounts/:account_id/workers/scripts'],
    ).toBe(2);
  });

  it('fails without retries on a 429 when maxRetries is 0', async () => {
    server.state.addFault({
      route: '/workers/scripts',
      fault: { kind: 'rate-limit', retryAfterSeconds: 5 },
      times: 1,
    });
    const err = await client()
      .workers.scripts.list({ account_id: DEMO_ACCOUNT_ID })
      .catch(e => e);
    expect(err.status).toBe(429);
    expect(err.headers.get('retry-after')).toBe('5');
  });

  it('answers an unknown path with a Cloudflare-shaped 404', async () => {
    const res = await fetch(`${server.baseUrl}/nope`, {
      headers: { authorization: `Bearer ${DEMO_API_TOKEN}` },
    });
    expect(res.status).toBe(404);
    expect((await res.json()).success).toBe(false);
  });
});
