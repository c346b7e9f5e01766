import { Config } from '@backstage/config';
import { CloudflareApiError } from '../errors';
import {
  BREAKER_DEFAULTS,
  CircuitBreakerOptions,
  optionsFromConfig,
  readBreakerOptions,
} from './budgetConfig';

/**
 * The state of a {@link CircuitBreaker}.
 *
 * @public
 */
export interface CircuitBreakerState {
  /**
   * `closed`: calls go through. `open`: every call fails at once with kind `circuit-open`.
   * `half-open`: the backoff is over; one trial call decides.
   */
  state: 'closed' | 'open' | 'half-open';
  /** Upstream failures in a row (5xx, 429, timeouts, connection errors). */
  consecutiveFailures: number;
  /** While open: seconds until a trial call is let through. */
  retryAfterSeconds?: number;
  /** While open or half-open: when the breaker opened (ISO 8601). */
  openedAt?: string;
}

/**
 * A circuit breaker for one Cloudflare account. Counts upstream failures per HTTP response (5xx,
 * 429, timeouts, connection errors; not 4xx answers such as 403 or 404); after `failureThreshold`
 * in a row it opens: every call fails with `CloudflareApiError` kind `circuit-open` and no request
 * is sent. After `openSeconds` one trial call goes through (half-open): success closes the
 * breaker, failure opens it again for twice as long, at most `maxOpenSeconds`.
 *
 * @public
 */
export class CircuitBreaker {
  /** Reads `cloudflare.breaker.*` of a root config; `overrides` win. */
  static fromConfig(config: Config, overrides: CircuitBreakerOptions = {}) {
    return new CircuitBreaker(
      optionsFromConfig(config, readBreakerOptions, overrides),
    );
  }

  private readonly threshold: number;
  private readonly baseOpenMs: number;
  private readonly maxOpenMs: number;
  private readonly now: () => number;
  private mode: 'closed' | 'open' | 'half-open' = 'closed';
  private failures = 0;
  private openMs: number;
  private openedAt?: number;
  private reopenAt = 0;
  private trialInFlight = false;

  constructor(options: CircuitBreakerOptions = {}) {
    this.threshold = Math.max(
      1,
      options.failureThreshold ?? BREAKER_DEFAULTS.failureThreshold,
    );
    this.baseOpenMs =
      (options.openSeconds ?? BREAKER_DEFAULTS.openSeconds) * 1000;
    this.maxOpenMs = Math.max(
      this.baseOpenMs,
      (options.maxOpenSeconds ?? BREAKER_DEFAULTS.maxOpenSeconds) * 1000,
    );
    this.openMs = this.baseOpenMs;
    this.now = options.now ?? Date.now;
  }

  private tick(now: number) {
    if (this.mode === 'open' && now >= this.reopenAt) {
      this.mode = 'half-open';
      this.trialInFlight = false;
    }
  }

  /**
   * Before a request: throws kind `circuit-open` while open (or while the half-open trial is in
   * flight). Returns true when this request is the half-open trial.
   */
  enter(operation = 'call'): boolean {
    const now = this.now();
    this.tick(now);
    if (this.mode === 'closed') return false;
    if (this.mode === 'half-open' && !this.trialInFlight) {
      this.trialInFlight = true;
      return true;
    }
    const wait = this.mode === 'open' ? this.reopenAt - now : 1000;
    throw new CloudflareApiError({
      kind: 'circuit-open',
      operation,
      retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)),
      detail: 'Cloudflare failed repeatedly; no request sent',
    });
  }

  /** The trial request was not sent after all (e.g. no budget): let another call try. */
  cancelTrial(): void {
    this.trialInFlight = false;
  }

  /** An answer that is not an upstream failure: closes the breaker. */
  recordSuccess(): void {
    this.failures = 0;
    this.trialInFlight = false;
    if (this.mode !== 'closed') {
      this.mode = 'closed';
      this.openMs = this.baseOpenMs;
      this.openedAt = undefined;
    }
  }

  /** An upstream failure: 5xx, 429, a timeout or a connection error. */
  recordFailure(): void {
    const now = this.now();
    this.tick(now);
    this.failures += 1;
    if (this.mode === 'half-open') {
      this.trialInFlight = false;
      this.openMs = Math.min(this.openMs * 2, this.maxOpenMs);
      this.open(now);
    } else if (this.mode === 'closed' && this.failures >= this.threshold) {
      this.openMs = this.baseOpenMs;
      this.open(now);
    }
  }

  private open(now: number) {
    this.mode = 'open';
    this.openedAt = now;
    this.reopenAt = now + this.openMs;
  }

  /** The state now. */
  state(): CircuitBreakerState {
    const now = this.now();
    this.tick(now);
    return {
      state: this.mode,
      consecutiveFailures: this.failures,
      ...(this.mode === 'open'
        ? {
            retryAfterSeconds: Math.max(
              1,
              Math.ceil((this.reopenAt - now) / 1000),
            ),
          }
        : {}),
      ...(this.openedAt !== undefined
        ? { openedAt: new Date(this.openedAt).toISOString() }
        : {}),
    };
  }
}
