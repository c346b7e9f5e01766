import { ConfigReader } from '@backstage/config';
import { CloudflareApiError } from '../errors';
import { CallBudget } from './CallBudget';

/** The rejection of a promise that must fail. */
async function rejection(p: Promise<unknown>): Promise<CloudflareApiError> {
  try {
    await p;
  } catch (e) {
    return e as CloudflareApiError;
  }
  throw new Error('expected a rejection');
}

/** Settles pending promise callbacks. */
const flush = () =>
  new Promise<void>(r => jest.requireActual('timers').setImmediate(r));

const headers = (init: Record<string, string>) => new Headers(init);

describe('CallBudget', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('gives interactive calls the whole bucket, then fails at once with kind budget', async () => {
    const budget = new CallBudget({ calls: 10, windowSeconds: 10 });
    for (let i = 0; i < 10; i++) await budget.acquire('interactive');
    const err = await rejection(
      budget.acquire('interactive', { operation: 'workers.listScripts' }),
    );
    expect(err).toBeInstanceOf(CloudflareApiError);
    expect(err).toMatchObject({
      kind: 'budget',
      operation: 'workers.listScripts',
      retryAfterSeconds: 1,
    });
    expect(err.status).toBeUndefined();
    expect(budget.snapshot()).toMatchObject({ remaining: 0, spent: 10 });
  });

  it('refills continuously at calls / windowSeconds, up to the capacity', async () => {
    const budget = new CallBudget({ calls: 10, windowSeconds: 10 });
    for (let i = 0; i < 10; i++) await budget.acquire('interactive');
    jest.advanceTimersByTime(2500);
    expect(budget.snapshot().remaining).toBe(2);
    jest.advanceTimersByTime(60_000);
    expect(budget.snapshot()).toMatchObject({
      limit: 10,
      windowSeconds: 10,
      remaining: 10,
      resetSeconds: 0,
    });
  });

  it('keeps routeShare of the bucket for interactive calls: background waits, FIFO', async () => {
    const budget = new CallBudget({
      calls: 10,
      windowSeconds: 10,
      routeShare: 0.2,
    });
    for (let i = 0; i < 8; i++) await budget.acquire('background');
    expect(budget.snapshot()).toMatchObject({
      remaining: 2,
      reservedForRoutes: 2,
    });
    const order: number[] = [];
    const waits = [1, 2, 3].map(n =>
      budget.acquire('background').then(() => order.push(n)),
    );
    await flush();
    expect(order).toEqual([]);
    expect(budget.snapshot().waiting).toBe(3);
    // One timer for the whole queue, no busy loop.
    expect(jest.getTimerCount()).toBe(1);

    // Interactive calls still get the reserve while background waits.
    await budget.acquire('interactive');
    await budget.acquire('interactive');
    expect((await rejection(budget.acquire('interactive'))).kind).toBe(
      'budget',
    );

    // Background needs 3 tokens (reserve 2 + 1): 3 s at 1 call/s, then one per second.
    jest.advanceTimersByTime(2999);
    await flush();
    expect(order).toEqual([]);
    jest.advanceTimersByTime(1);
    await flush();
    expect(order).toEqual([1]);
    jest.advanceTimersByTime(2000);
    await flush();
    expect(order).toEqual([1, 2, 3]);
    await Promise.all(waits);
    expect(budget.snapshot()).toMatchObject({ waiting: 0, remaining: 2 });
    expect(jest.getTimerCount()).toBe(0);
  });

  it('fails a background call at once when its wait would pass the deadline', async () => {
    const budget = new CallBudget({ calls: 10, windowSeconds: 10 });
    for (let i = 0; i < 8; i++) await budget.acquire('background');
    const err = await rejection(
      budget.acquire('background', { deadline: Date.now() + 500 }),
    );
    expect(err).toMatchObject({ kind: 'budget', retryAfterSeconds: 1 });
    expect(budget.snapshot().waiting).toBe(0);
    // A reachable deadline waits and succeeds.
    const ok = budget.acquire('background', { deadline: Date.now() + 1500 });
    jest.advanceTimersByTime(1000);
    await expect(ok).resolves.toBeUndefined();
  });

  it('fails a waiting background call at its deadline when interactive calls took the refill', async () => {
    const budget = new CallBudget({ calls: 10, windowSeconds: 10 });
    for (let i = 0; i < 8; i++) await budget.acquire('background');
    let settled: string | undefined;
    const wait = budget
      .acquire('background', { deadline: Date.now() + 2000 })
      .then(
        () => (settled = 'ok'),
        (e: CloudflareApiError) => (settled = e.kind),
      );
    jest.advanceTimersByTime(900);
    // Interactive calls take the refill (and part of the reserve).
    await budget.acquire('interactive');
    await budget.acquire('interactive');
    jest.advanceTimersByTime(1099);
    await flush();
    expect(settled).toBeUndefined();
    jest.advanceTimersByTime(1);
    await wait;
    expect(settled).toBe('budget');
    expect(budget.snapshot().waiting).toBe(0);
  });

  it('stops waiting when the signal aborts', async () => {
    const budget = new CallBudget({ calls: 5, windowSeconds: 50 });
    for (let i = 0; i < 4; i++) await budget.acquire('background');
    const controller = new AbortController();
    const wait = rejection(
      budget.acquire('background', { signal: controller.signal }),
    );
    await flush();
    expect(budget.snapshot().waiting).toBe(1);
    controller.abort();
    expect((await wait).kind).toBe('budget');
    expect(budget.snapshot().waiting).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
    controller.abort();
    const aborted = await rejection(
      budget.acquire('background', { signal: controller.signal }),
    );
    expect(aborted.kind).toBe('budget');
  });

  it('never believes more calls remain than Cloudflare said, until its reset', async () => {
    const budget = new CallBudget({ calls: 1200, windowSeconds: 300 });
    budget.observe(headers({ ratelimit: '"default";r=3;t=30' }));
    expect(budget.snapshot()).toMatchObject({ remaining: 3, resetSeconds: 30 });
    await budget.acquire('interactive');
    await budget.acquire('interactive');
    await budget.acquire('interactive');
    // The bucket refills 4 calls/s, but Cloudflare said 3 were left until the reset.
    jest.advanceTimersByTime(10_000);
    expect(budget.snapshot().remaining).toBe(0);
    expect(
      (await rejection(budget.acquire('interactive'))).retryAfterSeconds,
    ).toBe(20);
    // A later answer of the same window cannot raise it.
    budget.observe(headers({ ratelimit: '"default";r=50;t=20' }));
    expect(budget.snapshot().remaining).toBe(0);
    jest.advanceTimersByTime(20_000);
    expect(budget.snapshot().remaining).toBe(3 + 30 * 4 - 3);
  });

  it('counts earlier calls still in flight off an answer that overtook them', async () => {
    const budget = new CallBudget({ calls: 1200, windowSeconds: 300 });
    // Others spent the token: Cloudflare says 10 remain.
    budget.observe(headers({ ratelimit: '"default";r=10;t=30' }));
    const calls = [];
    for (let i = 0; i < 5; i++)
      calls.push(await budget.acquireCall('interactive'));
    expect(budget.snapshot().remaining).toBe(5);
    // The fifth call is answered first: Cloudflare had counted only it (r=9); the four before
    // it are still on their way and will be counted too, so 5 remain, not 9.
    budget.observe(headers({ ratelimit: '"default";r=9;t=30' }), calls[4]);
    expect(budget.snapshot().remaining).toBe(5);
    // A call that ended without an answer is no longer in flight: the fourth call's answer (r=8)
    // takes off the two still on their way and, to be safe, the fifth sent after it.
    budget.settle(calls[0]);
    budget.observe(headers({ ratelimit: '"default";r=8;t=30' }), calls[3]);
    expect(budget.snapshot().remaining).toBe(5);
    budget.observe(headers({ ratelimit: '"default";r=7;t=30' }), calls[1]);
    expect(budget.snapshot().remaining).toBe(5);
  });

  it('stops every call until the reset when Cloudflare says none remain', async () => {
    const budget = new CallBudget();
    budget.observe(headers({ ratelimit: '"default";r=0;t=120' }));
    const err = await rejection(budget.acquire('interactive'));
    expect(err.retryAfterSeconds).toBe(120);
    jest.advanceTimersByTime(120_000);
    await expect(budget.acquire('interactive')).resolves.toBeUndefined();
  });

  it('adopts a stricter Ratelimit-Policy, never a looser one', () => {
    const budget = new CallBudget({ calls: 1200, windowSeconds: 300 });
    budget.observe(headers({ 'ratelimit-policy': '"default";q=600;w=300' }));
    expect(budget.snapshot()).toMatchObject({
      limit: 600,
      windowSeconds: 300,
      remaining: 600,
      reservedForRoutes: 120,
    });
    const small = new CallBudget({ calls: 60, windowSeconds: 2 });
    small.observe(headers({ 'ratelimit-policy': '"default";q=1200;w=300' }));
    // 60 calls, refilled at Cloudflare's 4 calls/s rather than 30.
    expect(small.snapshot()).toMatchObject({ limit: 60, windowSeconds: 15 });
    const same = new CallBudget();
    same.observe(headers({ 'ratelimit-policy': 'garbage' }));
    expect(same.snapshot()).toMatchObject({ limit: 1200, windowSeconds: 300 });
  });

  it('empties the budget until a 429 Retry-After, then gives it back', async () => {
    const budget = new CallBudget({ calls: 100, windowSeconds: 100 });
    budget.exhaust(300);
    expect(budget.snapshot()).toMatchObject({
      remaining: 0,
      resetSeconds: 300,
    });
    const err = await rejection(budget.acquire('interactive'));
    expect(err.retryAfterSeconds).toBe(300);
    const bg = rejection(
      budget.acquire('background', { deadline: Date.now() + 60_000 }),
    );
    expect((await bg).kind).toBe('budget');
    jest.advanceTimersByTime(300_000);
    expect(budget.snapshot().remaining).toBe(100);
    // Without Retry-After: a whole window.
    budget.exhaust();
    expect(budget.snapshot().resetSeconds).toBe(100);
  });

  it('wakes waiting background calls when the block ends', async () => {
    const budget = new CallBudget({ calls: 10, windowSeconds: 10 });
    budget.exhaust(5);
    let done = false;
    const wait = budget.acquire('background').then(() => (done = true));
    jest.advanceTimersByTime(4999);
    await flush();
    expect(done).toBe(false);
    jest.advanceTimersByTime(1);
    await wait;
    expect(done).toBe(true);
  });

  it('reads cloudflare.budget.* from config, overrides winning', () => {
    const config = new ConfigReader({
      cloudflare: {
        budget: { calls: 100, windowSeconds: 60, routeShare: 0.5 },
      },
    });
    expect(CallBudget.fromConfig(config).snapshot()).toMatchObject({
      limit: 100,
      windowSeconds: 60,
      reservedForRoutes: 50,
    });
    expect(
      CallBudget.fromConfig(config, { calls: 10 }).snapshot(),
    ).toMatchObject({ limit: 10, reservedForRoutes: 5 });
    expect(
      CallBudget.fromConfig(new ConfigReader({})).snapshot(),
    ).toMatchObject({
      limit: 1200,
      windowSeconds: 300,
      reservedForRoutes: 240,
    });
    expect(() =>
      CallBudget.fromConfig(
        new ConfigReader({ cloudflare: { budget: { routeShare: 1 } } }),
      ),
    ).toThrow("'cloudflare.budget.routeShare': must be a number from 0 to 0.9");
    expect(() =>
      CallBudget.fromConfig(
        new ConfigReader({ cloudflare: { budget: { calls: 'many' } } }),
      ),
    ).toThrow("'cloudflare.budget.calls'");
  });

  it("waits on an unref'd timer: a waiting call never keeps the process alive", async () => {
    jest.useRealTimers();
    const timers = () =>
      process.getActiveResourcesInfo().filter(r => r === 'Timeout').length;
    const before = timers();
    const budget = new CallBudget({ calls: 1, windowSeconds: 3600 });
    await budget.acquire('background');
    const controller = new AbortController();
    const wait = rejection(
      budget.acquire('background', { signal: controller.signal }),
    );
    expect(budget.snapshot().waiting).toBe(1);
    expect(timers()).toBe(before);
    controller.abort();
    expect((await wait).kind).toBe('budget');
  });
});
