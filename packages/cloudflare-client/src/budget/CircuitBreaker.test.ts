import { ConfigReader } from '@backstage/config';
import { CloudflareApiError } from '../errors';
import { CircuitBreaker } from './CircuitBreaker';

function refusal(breaker: CircuitBreaker): CloudflareApiError {
  try {
    breaker.enter('workers.listScripts');
  } catch (e) {
    return e as CloudflareApiError;
  }
  throw new Error('expected the breaker to refuse');
}

describe('CircuitBreaker', () => {
  let now = Date.parse('2026-01-01T00:00:00Z');
  const clock = () => now;
  beforeEach(() => {
    now = Date.parse('2026-01-01T00:00:00Z');
  });

  it('opens after failureThreshold failures in a row; a success in between resets the count', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 3, now: clock });
    breaker.recordFailure();
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    breaker.recordFailure();
    expect(breaker.enter()).toBe(false);
    expect(breaker.state()).toEqual({
      state: 'closed',
      consecutiveFailures: 2,
    });
    breaker.recordFailure();
    expect(breaker.state()).toEqual({
      state: 'open',
      consecutiveFailures: 3,
      retryAfterSeconds: 30,
      openedAt: '2026-01-01T00:00:00.000Z',
    });
    const err = refusal(breaker);
    expect(err).toBeInstanceOf(CloudflareApiError);
    expect(err).toMatchObject({
      kind: 'circuit-open',
      operation: 'workers.listScripts',
      retryAfterSeconds: 30,
    });
    expect(err.status).toBeUndefined();
  });

  it('lets one trial call through after the backoff: success closes', () => {
    const breaker = new CircuitBreaker({
      failureThreshold: 1,
      openSeconds: 10,
      now: clock,
    });
    breaker.recordFailure();
    now += 9_500;
    expect(refusal(breaker).retryAfterSeconds).toBe(1);
    now += 500;
    expect(breaker.state().state).toBe('half-open');
    expect(breaker.enter()).toBe(true);
    // Only one trial at a time.
    expect(refusal(breaker).kind).toBe('circuit-open');
    breaker.recordSuccess();
    expect(breaker.state()).toEqual({
      state: 'closed',
      consecutiveFailures: 0,
    });
    expect(breaker.enter()).toBe(false);
  });

  it('reopens a failed trial for twice as long, up to maxOpenSeconds; a success resets the backoff', () => {
    const breaker = new CircuitBreaker({
      failureThreshold: 2,
      openSeconds: 10,
      maxOpenSeconds: 25,
      now: clock,
    });
    breaker.recordFailure();
    breaker.recordFailure();
    const backoffs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { retryAfterSeconds } = breaker.state();
      backoffs.push(retryAfterSeconds!);
      now += retryAfterSeconds! * 1000;
      expect(breaker.enter()).toBe(true);
      breaker.recordFailure();
    }
    expect(backoffs).toEqual([10, 20, 25]);
    expect(breaker.state()).toMatchObject({
      state: 'open',
      retryAfterSeconds: 25,
    });
    now += 25_000;
    breaker.enter();
    breaker.recordSuccess();
    breaker.recordFailure();
    breaker.recordFailure();
    expect(breaker.state().retryAfterSeconds).toBe(10);
  });

  it('lets another call try when the trial was not sent', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, now: clock });
    breaker.recordFailure();
    now += 30_000;
    expect(breaker.enter()).toBe(true);
    breaker.cancelTrial();
    expect(breaker.enter()).toBe(true);
  });

  it('reads cloudflare.breaker.* from config', () => {
    const breaker = CircuitBreaker.fromConfig(
      new ConfigReader({
        cloudflare: { breaker: { failureThreshold: 1, openSeconds: 7 } },
      }),
    );
    breaker.recordFailure();
    expect(breaker.state()).toMatchObject({
      state: 'open',
      retryAfterSeconds: 7,
    });
    expect(() =>
      CircuitBreaker.fromConfig(
        new ConfigReader({
          cloudflare: { breaker: { openSeconds: 60, maxOpenSeconds: 30 } },
        }),
      ),
    ).toThrow(
      "'cloudflare.breaker.maxOpenSeconds': must not be less than openSeconds",
    );
    expect(() =>
      CircuitBreaker.fromConfig(
        new ConfigReader({ cloudflare: { breaker: { failureThreshold: 0 } } }),
      ),
    ).toThrow("'cloudflare.breaker.failureThreshold'");
  });
});
