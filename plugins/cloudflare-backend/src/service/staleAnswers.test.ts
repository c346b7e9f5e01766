import request from 'supertest';
import { parseFault } from '@cloudflare-backstage/cloudflare-demo-account';
import { useDemoBackend } from '../__testUtils__/harness';

jest.setTimeout(60_000);

const { demo, start } = useDemoBackend();

/** Moves `Date.now()` forward (the cache's clock), as if `seconds` had passed. */
function ageBy(seconds: number) {
  const real = Date.now.bind(Date);
  const offset = seconds * 1000;
  const spy = jest.spyOn(Date, 'now');
  const before = spy.getMockImplementation();
  spy.mockImplementation(() => (before ? before() : real()) + offset);
}

afterEach(() => jest.restoreAllMocks());

const DEPLOYMENTS = '/api/cloudflare/v1/workers/acme-api/deployments';
const USERS = '/api/cloudflare/v1/zero-trust/users';
const UNCACHED = [
  '/api/cloudflare/v1/kv/namespaces',
  '/api/cloudflare/v1/r2/buckets',
  '/api/cloudflare/v1/d1/databases',
  '/api/cloudflare/v1/queues',
  '/api/cloudflare/v1/vectorize/indexes',
];

/** The users route answers what `fresh` answered, as stale. */
async function expectStaleOf(server: any, fresh: request.Response) {
  const stale = await request(server).get(USERS);
  expect(stale.status).toBe(200);
  expect(stale.body).toEqual({ ...fresh.body, stale: true });
}

const warnings = (lines: string[]) =>
  lines.map(l => JSON.parse(l)).filter(l => l.level === 'warn');

describe('stale answers (the real client against the demo account)', () => {
  it.each([
    ['server-error:500', 'unavailable'],
    ['hang', 'timeout'],
  ])(
    'answers a fresh answer aged past its TTL with stale: true and its fetchedAt during an outage (%s)',
    async (fault, kind) => {
      const { server, logLines } = await start({
        cloudflare: { fetch: { timeoutMs: 300, maxRetries: 0 } },
      });
      const fresh = await request(server).get(DEPLOYMENTS);
      expect(fresh.status).toBe(200);
      expect(fresh.body.stale).toBeUndefined();

      ageBy(61); // past the default 60 s TTL, within the day kept
      demo.state.addFault({ fault: parseFault(fault)! });
      const calls = demo.state.totalCalls();
      const stale = await request(server).get(DEPLOYMENTS);
      expect(stale.status).toBe(200);
      expect(stale.body).toEqual({ ...fresh.body, stale: true });
      // It did try Cloudflare first.
      expect(demo.state.totalCalls()).toBeGreaterThan(calls);
      // One warn line naming the kind only: no upstream text, no status line.
      const warned = warnings(logLines);
      expect(warned).toHaveLength(1);
      expect(warned[0].message).toContain(`(${kind})`);
      expect(warned[0].message).toContain('workers.deployments');
      expect(JSON.stringify(warned)).not.toMatch(/HTTP 5|Cloudflare workers\./);

      // Cloudflare recovers: a fresh answer again.
      demo.state.clearFaults();
      const again = await request(server).get(DEPLOYMENTS);
      expect(again.status).toBe(200);
      expect(again.body.stale).toBeUndefined();
      expect(Date.parse(again.body.fetchedAt)).toBeGreaterThan(
        Date.parse(fresh.body.fetchedAt),
      );
    },
  );

  it('never masks an answer such as 404 (not-found) with a stale value', async () => {
    const { server } = await start();
    expect((await request(server).get(DEPLOYMENTS)).status).toBe(200);
    ageBy(61);
    demo.state.addFault({
      route: '/deployments',
      fault: { kind: 'server-error', status: 404 },
    });
    const res = await request(server).get(DEPLOYMENTS);
    expect(res.status).toBe(404);
    expect(res.body.stale).toBeUndefined();
  });

  it('answers 503 with Retry-After when nothing is kept: the error says, else 30 s', async () => {
    const { server } = await start();
    demo.state.addFault({ fault: { kind: 'server-error', status: 502 } });
    const down = await request(server).get(USERS);
    expect(down.status).toBe(503);
    expect(down.headers['content-type']).toMatch(/application\/json/);
    expect(down.headers['retry-after']).toBe('30');
    expect(down.body.error).toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining('no earlier answer is kept'),
    });

    demo.state.clearFaults();
    demo.state.addFault({
      fault: { kind: 'rate-limit', retryAfterSeconds: 7 },
    });
    const limited = await request(server).get(DEPLOYMENTS);
    expect(limited.status).toBe(503);
    expect(limited.headers['retry-after']).toBe('7');
  });

  it('logs a 503 of an outage as one warn a minute per route and kind, not an error line per request', async () => {
    const { server, logLines } = await start();
    demo.state.addFault({ fault: { kind: 'server-error', status: 502 } });
    for (let i = 0; i < 3; i++) {
      const res = await request(server).get(USERS);
      expect(res.status).toBe(503);
      // Backstage's error body, as its error handler writes it.
      expect(res.body).toEqual({
        error: expect.objectContaining({
          name: 'ServiceUnavailableError',
          message: expect.stringContaining('no earlier answer is kept'),
        }),
        request: { method: 'GET', url: USERS.replace('/api/cloudflare', '') },
        response: { statusCode: 503 },
      });
      expect(res.body.error.stack).toBeUndefined();
    }
    const lines = logLines.map(l => JSON.parse(l));
    expect(lines.filter(l => l.level === 'error')).toEqual([]);
    const warned = warnings(logLines);
    expect(warned).toHaveLength(1);
    expect(warned[0].message).toContain('zeroTrust.users');
    expect(warned[0].message).toContain('(unavailable)');
    expect(warned[0].message).toContain('503');
    expect(JSON.stringify(warned)).not.toMatch(/HTTP 5/);

    // Another route is its own line.
    expect((await request(server).get(UNCACHED[0])).status).toBe(503);
    expect(warnings(logLines)).toHaveLength(2);
  });

  it('serves stale without any upstream call while the breaker is open, and 503 with its Retry-After for what is not kept', async () => {
    const { server } = await start({
      cloudflare: { breaker: { failureThreshold: 2, openSeconds: 45 } },
    });
    const fresh = await request(server).get(USERS);
    expect(fresh.status).toBe(200);
    ageBy(61);
    demo.state.addFault({ fault: { kind: 'server-error', status: 500 } });
    for (const path of UNCACHED.slice(0, 2)) {
      expect((await request(server).get(path)).status).toBe(503);
    }
    const health = await request(server).get('/api/cloudflare/health');
    expect(health.body.accounts[0].breaker).toMatchObject({ state: 'open' });

    demo.state.resetCalls();
    await expectStaleOf(server, fresh);
    const cold = await request(server).get(UNCACHED[2]);
    expect(cold.status).toBe(503);
    expect(Number(cold.headers['retry-after'])).toBeGreaterThan(30);
    expect(Number(cold.headers['retry-after'])).toBeLessThanOrEqual(45);
    expect(cold.body.error.message).toMatch(/circuit breaker open/);
    expect(demo.state.totalCalls()).toBe(0);
  });

  it('answers stale rather than spend a call when the budget is short', async () => {
    const { server } = await start({
      cloudflare: { budget: { calls: 4, windowSeconds: 86_400 } },
    });
    const fresh = await request(server).get(USERS);
    expect(fresh.status).toBe(200);
    // Spend the rest of the budget on other reads, until one is refused for it.
    let refused: request.Response | undefined;
    for (const path of UNCACHED) {
      const res = await request(server).get(path);
      if (res.status !== 200) {
        refused = res;
        break;
      }
    }
    expect(refused?.status).toBe(503);
    expect(refused?.body.error.message).toMatch(/call budget/);
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    ageBy(61);
    demo.state.resetCalls();
    await expectStaleOf(server, fresh);
    expect(demo.state.totalCalls()).toBe(0);
    const health = await request(server).get('/api/cloudflare/health');
    expect(health.body.accounts[0].budget.remaining).toBeLessThan(1);
  });

  it('keeps nothing past cloudflare.cache.maxStaleSeconds', async () => {
    const { server } = await start({
      cloudflare: { cache: { maxStaleSeconds: 0 } },
    });
    expect((await request(server).get(USERS)).status).toBe(200);
    ageBy(61);
    demo.state.addFault({ fault: { kind: 'server-error', status: 500 } });
    expect((await request(server).get(USERS)).status).toBe(503);
  });
});
