import {
  DEMO_API_TOKEN,
  DemoAccountOptions,
  DemoAccountState,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { demoFetch } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { demoClient, failure } from '../__testUtils__/demo';
import { CloudflareApiError } from '../errors';
import { CallBudget } from './CallBudget';
import { CircuitBreaker } from './CircuitBreaker';

/** The demo account behind a fetch that counts the statuses it answered. */
function account(options: DemoAccountOptions = {}) {
  const state = new DemoAccountState({ rateLimit: true, ...options });
  const inner = demoFetch(state);
  const statuses: number[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const res = await inner(input, init);
    statuses.push(res.status);
    return res;
  }) as typeof globalThis.fetch;
  return {
    state,
    fetch,
    count: (status: number) => statuses.filter(s => s === status).length,
  };
}

/** Outcomes of settled reads: successes and the kinds of the failures. */
async function outcomes(reads: Array<Promise<unknown>>) {
  const settled = await Promise.allSettled(reads);
  const failed = settled
    .filter((s): s is PromiseRejectedResult => s.status === 'rejected')
    .map(s => s.reason as CloudflareApiError);
  return { ok: settled.length - failed.length, failed };
}

const until = async (check: () => boolean) => {
  while (!check()) await new Promise(r => setTimeout(r, 5));
};

describe('the fetch wrapper, through the client against the demo account', () => {
  it('keeps concurrent interactive and background reads under the limit: no 429, background waits, interactive gets the reserve then budget', async () => {
    const limit = { calls: 60, windowSeconds: 2, blockSeconds: 300 };
    const demo = account({ rateLimitOptions: limit });
    const budget = new CallBudget({ ...limit, routeShare: 0.2 });
    const client = demoClient({ fetch: demo.fetch, budget });
    const started = Date.now();
    const doneAt: number[] = [];

    const background = client.inBackground(
      () =>
        outcomes(
          Array.from({ length: 80 }, () =>
            client.tokens
              .verify()
              .then(() => doneAt.push(Date.now() - started)),
          ),
        ),
      { deadline: started + 5_000 },
    );
    await until(() => budget.snapshot().waiting > 0);
    // Background took all but the 12 calls kept for routes, and waits for the rest.
    expect(budget.snapshot().remaining).toBeLessThanOrEqual(13);

    const interactiveStarted = Date.now();
    const interactive = await outcomes(
      Array.from({ length: 30 }, () => client.tokens.verify()),
    );
    const interactiveMs = Date.now() - interactiveStarted;
    // Interactive calls take the reserve background may not take, then fail at once.
    expect(interactive.ok).toBeGreaterThanOrEqual(12);
    expect(interactive.ok).toBeLessThan(30);
    expect(interactive.failed.map(e => e.kind)).toEqual(
      interactive.failed.map(() => 'budget'),
    );
    expect(interactive.failed[0].retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(interactiveMs).toBeLessThan(1_000);

    const bg = await background;
    expect(bg).toEqual({ ok: 80, failed: [] });
    // The last background reads waited for the account's next window.
    expect(Math.max(...doneAt)).toBeGreaterThanOrEqual(1_900);

    expect(demo.count(429)).toBe(0);
    expect(demo.state.totalCalls()).toBe(80 + interactive.ok);
    expect(client.health()).toMatchObject({
      calls: 80 + interactive.ok,
      budget: {
        limit: 60,
        windowSeconds: 2,
        reservedForRoutes: 12,
        waiting: 0,
      },
      breaker: { state: 'closed', consecutiveFailures: 0 },
    });
  }, 10_000);

  it('(control) the same burst without a fitting budget runs into 429s', async () => {
    const limit = { calls: 60, windowSeconds: 2, blockSeconds: 300 };
    const demo = account({ rateLimitOptions: limit });
    const client = demoClient({
      fetch: demo.fetch,
      budget: new CallBudget({ calls: 1000, windowSeconds: 2 }),
    });
    await outcomes(Array.from({ length: 110 }, () => client.tokens.verify()));
    expect(demo.count(429)).toBeGreaterThan(0);
  });

  it('believes the Ratelimit header: calls spent by others on the token are not sent again', async () => {
    const demo = account();
    for (let i = 0; i < 1150; i++) demo.state.consumeRateLimit(DEMO_API_TOKEN);
    const client = demoClient({ fetch: demo.fetch });
    await client.tokens.verify();
    expect(client.health().budget.remaining).toBe(49);
    const burst = await outcomes(
      Array.from({ length: 80 }, () => client.tokens.verify()),
    );
    expect(burst.ok).toBe(49);
    expect(new Set(burst.failed.map(e => e.kind))).toEqual(new Set(['budget']));
    expect(demo.count(429)).toBe(0);
    expect(demo.state.totalCalls()).toBe(50);
  });

  it('turns a 429 into an empty budget until its Retry-After, without retrying into the block', async () => {
    const demo = account();
    demo.state.addFault({
      route: '/workers/scripts',
      fault: { kind: 'rate-limit', retryAfterSeconds: 300 },
      times: 1,
    });
    const client = demoClient({ fetch: demo.fetch, maxRetries: 3 });
    const err = await failure(client.workers.listScripts());
    expect(err).toMatchObject({
      kind: 'rate-limited',
      status: 429,
      retryAfterSeconds: 300,
    });
    expect(demo.state.totalCalls()).toBe(1);
    const next = await failure(client.workers.listScripts());
    expect(next).toMatchObject({ kind: 'budget', retryAfterSeconds: 300 });
    expect(next.status).toBeUndefined();
    const late = await failure(
      client.inBackground(() => client.workers.listScripts(), {
        deadline: Date.now() + 1_000,
      }),
    );
    expect(late.kind).toBe('budget');
    expect(demo.state.totalCalls()).toBe(1);
    expect(client.health().budget).toMatchObject({ remaining: 0 });
    expect(client.health().budget.resetSeconds).toBeGreaterThanOrEqual(299);
  });

  it('takes a budget call for each SDK retry', async () => {
    const demo = account();
    demo.state.addFault({
      route: '/workers/scripts',
      fault: { kind: 'server-error', status: 502 },
      times: 2,
    });
    const budget = new CallBudget();
    const client = demoClient({ fetch: demo.fetch, maxRetries: 2, budget });
    await client.workers.listScripts();
    expect(budget.snapshot().spent).toBe(3);
    expect(client.stats()).toMatchObject({ calls: 3, retries: 2 });
    expect(client.health().breaker.consecutiveFailures).toBe(0);
  }, 15_000);

  it('stops a waiting background read when its signal aborts', async () => {
    const demo = account();
    const budget = new CallBudget({ calls: 10, windowSeconds: 100 });
    const client = demoClient({ fetch: demo.fetch, budget });
    const controller = new AbortController();
    const reads = client.inBackground(
      () => outcomes(Array.from({ length: 10 }, () => client.tokens.verify())),
      { signal: controller.signal },
    );
    await until(() => budget.snapshot().waiting === 2);
    controller.abort();
    const result = await reads;
    expect(result.ok).toBe(8);
    expect(result.failed.map(e => e.kind)).toEqual(['budget', 'budget']);
    expect(demo.state.totalCalls()).toBe(8);
  });
});

describe('the circuit breaker, through the client against the demo account', () => {
  it('opens after repeated 5xx, refuses without calling, closes after the backoff once the fault is gone', async () => {
    const demo = account();
    const remove = demo.state.addFault({
      route: '/workers/scripts',
      fault: { kind: 'server-error', status: 503 },
    });
    const breaker = new CircuitBreaker({ failureThreshold: 3, openSeconds: 1 });
    const client = demoClient({ fetch: demo.fetch, breaker });
    for (let i = 0; i < 3; i++) {
      expect((await failure(client.workers.listScripts())).kind).toBe(
        'unavailable',
      );
    }
    const calls = demo.state.totalCalls();
    const err = await failure(client.workers.listScripts());
    expect(err).toMatchObject({
      kind: 'circuit-open',
      operation: 'workers.listScripts',
      retryAfterSeconds: 1,
    });
    expect(err.status).toBeUndefined();
    expect(demo.state.totalCalls()).toBe(calls);
    expect(client.health().breaker).toMatchObject({
      state: 'open',
      consecutiveFailures: 3,
    });

    remove();
    await new Promise(r => setTimeout(r, 1_050));
    expect(client.health().breaker.state).toBe('half-open');
    expect((await client.workers.listScripts()).length).toBeGreaterThan(0);
    expect(client.health().breaker).toEqual({
      state: 'closed',
      consecutiveFailures: 0,
    });
  });

  it('counts SDK retries and timeouts as failures, and stops the retries once open', async () => {
    const demo = account();
    demo.state.addFault({ route: '/access/apps', fault: { kind: 'hang' } });
    const breaker = new CircuitBreaker({ failureThreshold: 2 });
    const client = demoClient({
      fetch: demo.fetch,
      breaker,
      maxRetries: 5,
      timeoutMs: 100,
    });
    const err = await failure(client.zeroTrust.listApplications());
    expect(err.kind).toBe('circuit-open');
    expect(client.stats().calls).toBe(2);
    expect(breaker.state().state).toBe('open');
  }, 15_000);

  it('does not count 4xx answers such as 403, nor a malformed 200', async () => {
    const demo = account();
    const client = demoClient({
      fetch: demo.fetch,
      accountId: 'ffffffffffffffffffffffffffffffff',
      breaker: new CircuitBreaker({ failureThreshold: 2 }),
    });
    for (let i = 0; i < 4; i++) {
      expect((await failure(client.workers.listScripts())).kind).toBe('auth');
    }
    expect(client.health().breaker).toEqual({
      state: 'closed',
      consecutiveFailures: 0,
    });
    const malformed = demoClient({
      fetch: demo.fetch,
      defaultHeaders: { 'cf-demo-fault': 'malformed-json' },
      breaker: new CircuitBreaker({ failureThreshold: 2 }),
    });
    for (let i = 0; i < 3; i++) {
      expect((await failure(malformed.workers.listScripts())).kind).toBe(
        'bad-response',
      );
    }
    expect(malformed.health().breaker.state).toBe('closed');
  });
});
