import { Config } from '@backstage/config';
import { CloudflareApiError } from '../errors';
import {
  BUDGET_DEFAULTS,
  CallBudgetOptions,
  optionsFromConfig,
  readBudgetOptions,
} from './budgetConfig';
import { parseRatelimit, parseRatelimitPolicy } from './rateLimitHeaders';

/**
 * Who is calling: `interactive` (a user waits: a route) or `background` (ingestion, fact
 * retrievers: may wait for budget, never takes the share kept for routes).
 *
 * @public
 */
export type CallPriority = 'interactive' | 'background';

/**
 * A view of a {@link CallBudget}, for health pages and benchmarks.
 *
 * @public
 */
export interface CallBudgetSnapshot {
  /** Calls per window (Cloudflare's quota when its `Ratelimit-Policy` said one). */
  limit: number;
  /** Window in seconds. */
  windowSeconds: number;
  /** Calls that may be sent now (whole calls). */
  remaining: number;
  /** Calls of the bucket only interactive calls may take. */
  reservedForRoutes: number;
  /** Seconds until the bucket is full again (until Cloudflare's reset when it told one). */
  resetSeconds: number;
  /** Background calls waiting for budget. */
  waiting: number;
  /** Calls let through since the budget was made. */
  spent: number;
}

/**
 * Options of {@link CallBudget.acquire}.
 *
 * @public
 */
export interface CallBudgetAcquireOptions {
  /** Background only: latest time (epoch ms) the call may wait until; past it the call fails. */
  deadline?: number;
  /** Background only: stops waiting (the call fails with kind `budget`). */
  signal?: AbortSignal;
  /** The client operation, named in the error. */
  operation?: string;
}

interface Waiter {
  resolve(call: number): void;
  reject(e: Error): void;
  deadline?: number;
  signal?: AbortSignal;
  onAbort?: () => void;
  operation: string;
}

/**
 * The call budget of one API token: a token bucket of `calls` per `windowSeconds`, refilled
 * continuously, of which `routeShare` only interactive calls may take. Cloudflare allows 1,200
 * calls per 5 minutes per token and then blocks the token for 5 minutes, whoever sent them; the
 * bucket therefore also believes the `Ratelimit` header (never more than Cloudflare says remain)
 * and a 429 (nothing until its `Retry-After`). Share one budget between the clients of one token.
 *
 * @public
 */
export class CallBudget {
  /** Reads `cloudflare.budget.*` of a root config; `overrides` win. */
  static fromConfig(config: Config, overrides: CallBudgetOptions = {}) {
    return new CallBudget(
      optionsFromConfig(config, readBudgetOptions, overrides),
    );
  }

  private limit: number;
  private windowSeconds: number;
  private readonly routeShare: number;
  private readonly configured: { calls: number; windowSeconds: number };
  private readonly now: () => number;
  private tokens: number;
  private last: number;
  /** What Cloudflare said remain, less the calls sent since, until its reset. */
  private upstream?: { remaining: number; until: number };
  private blockedUntil = 0;
  private spent = 0;
  /** Numbers of the calls let through whose answer has not come yet. */
  private readonly inFlight = new Set<number>();
  private readonly queue: Waiter[] = [];
  private timer?: ReturnType<typeof setTimeout>;

  constructor(options: CallBudgetOptions = {}) {
    this.limit = options.calls ?? BUDGET_DEFAULTS.calls;
    this.windowSeconds = options.windowSeconds ?? BUDGET_DEFAULTS.windowSeconds;
    this.routeShare = Math.min(
      0.9,
      Math.max(0, options.routeShare ?? BUDGET_DEFAULTS.routeShare),
    );
    if (!(this.limit >= 1) || !(this.windowSeconds > 0)) {
      throw new RangeError('CallBudget: calls and windowSeconds must be > 0');
    }
    this.configured = { calls: this.limit, windowSeconds: this.windowSeconds };
    this.now = options.now ?? Date.now;
    this.tokens = this.limit;
    this.last = this.now();
  }

  private get reserve(): number {
    return Math.floor(this.limit * this.routeShare);
  }

  private get ratePerMs(): number {
    return this.limit / (this.windowSeconds * 1000);
  }

  private refill(now: number) {
    if (now > this.last) {
      this.tokens = Math.min(
        this.limit,
        this.tokens + (now - this.last) * this.ratePerMs,
      );
      this.last = now;
    }
    if (this.upstream && now >= this.upstream.until) this.upstream = undefined;
  }

  private available(now: number): number {
    this.refill(now);
    if (now < this.blockedUntil) return 0;
    return this.upstream
      ? Math.min(this.tokens, this.upstream.remaining)
      : this.tokens;
  }

  /** Takes a token; returns the call's number (the `spent` count with it). */
  private take(): number {
    this.tokens -= 1;
    if (this.upstream) this.upstream.remaining -= 1;
    this.spent += 1;
    this.inFlight.add(this.spent);
    return this.spent;
  }

  /** Milliseconds until `need` tokens are there (assuming nobody else takes any). */
  private waitMs(now: number, need: number): number {
    this.refill(now);
    let at = Math.max(now, this.blockedUntil);
    if (this.upstream && this.upstream.remaining < need) {
      at = Math.max(at, this.upstream.until);
    }
    const target = Math.min(need, this.limit);
    const tokensAt = Math.min(
      this.limit,
      this.tokens + (at - now) * this.ratePerMs,
    );
    if (tokensAt < target) at += (target - tokensAt) / this.ratePerMs;
    return Math.max(0, at - now);
  }

  private error(operation: string, waitMs: number, detail: string) {
    return new CloudflareApiError({
      kind: 'budget',
      operation,
      retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
      detail,
    });
  }

  /**
   * Takes one call from the budget. Interactive: from the whole bucket, or throws
   * `CloudflareApiError` kind `budget` at once. Background: from the part not kept for routes,
   * waiting (first come, first served) for the refill; throws kind `budget` when the wait would
   * pass `deadline` or `signal` aborts.
   */
  acquire(
    priority: CallPriority,
    options: CallBudgetAcquireOptions = {},
  ): Promise<void> {
    return this.acquireCall(priority, options).then(call => this.settle(call));
  }

  /**
   * {@link CallBudget.acquire}, resolving with the call's number, which
   * {@link CallBudget.observe} takes with the call's answer (the fetch wrapper does).
   */
  acquireCall(
    priority: CallPriority,
    options: CallBudgetAcquireOptions = {},
  ): Promise<number> {
    const now = this.now();
    const operation = options.operation ?? 'call';
    if (priority === 'interactive') {
      if (this.available(now) >= 1) return Promise.resolve(this.take());
      return Promise.reject(
        this.error(operation, this.waitMs(now, 1), 'call budget exhausted'),
      );
    }
    const need = this.reserve + 1;
    if (this.queue.length === 0 && this.available(now) >= need) {
      return Promise.resolve(this.take());
    }
    const wait = this.waitMs(now, need + this.queue.length);
    if (options.signal?.aborted) {
      return Promise.reject(this.error(operation, wait, 'call aborted'));
    }
    if (options.deadline !== undefined && now + wait > options.deadline) {
      return Promise.reject(
        this.error(operation, wait, 'call budget short before the deadline'),
      );
    }
    return new Promise<number>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        deadline: options.deadline,
        signal: options.signal,
        operation,
      };
      if (options.signal) {
        waiter.onAbort = () => {
          this.remove(waiter);
          reject(this.error(operation, 0, 'call aborted'));
          this.schedule();
        };
        options.signal.addEventListener('abort', waiter.onAbort, {
          once: true,
        });
      }
      this.queue.push(waiter);
      this.schedule();
    });
  }

  private remove(waiter: Waiter) {
    const i = this.queue.indexOf(waiter);
    if (i >= 0) this.queue.splice(i, 1);
    if (waiter.onAbort)
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
  }

  /** Serves waiters the bucket can pay for, fails those past their deadline, sets the next timer. */
  private schedule() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const now = this.now();
    const need = this.reserve + 1;
    while (this.queue.length > 0 && this.available(now) >= need) {
      const w = this.queue[0];
      this.remove(w);
      w.resolve(this.take());
    }
    for (const w of [...this.queue]) {
      if (w.deadline !== undefined && now >= w.deadline) {
        this.remove(w);
        w.reject(
          this.error(
            w.operation,
            this.waitMs(now, need),
            'call budget short before the deadline',
          ),
        );
      }
    }
    if (this.queue.length === 0) return;
    let next = this.waitMs(now, need);
    for (const w of this.queue) {
      if (w.deadline !== undefined) next = Math.min(next, w.deadline - now);
    }
    this.timer = setTimeout(
      () => this.schedule(),
      Math.max(1, Math.ceil(next)),
    );
    this.timer.unref?.();
  }

  /** The call `call` ended without an answer (a connection error, an abort): it is no longer in flight. */
  settle(call: number): void {
    this.inFlight.delete(call);
  }

  /** Calls numbered below `call` still waiting for their answer. */
  private inFlightBefore(call: number): number {
    let n = 0;
    for (const c of this.inFlight) if (c < call) n += 1;
    return n;
  }

  /**
   * Reads Cloudflare's `Ratelimit` (`"default";r=12;t=30`) and `Ratelimit-Policy`
   * (`"default";q=1200;w=300`) from an answer; `call` is the answered call's number from
   * {@link CallBudget.acquireCall} (calls let through after it are counted as spent). The
   * policy's quota and window are adopted when stricter than the configured ones. The budget
   * never believes more calls remain than Cloudflare said (other users of the token count: CI,
   * other replicas), less the calls sent since, until the reset it named; `r=0` stops every call
   * until then.
   */
  observe(headers: Headers, call?: number): void {
    const now = this.now();
    this.refill(now);
    const policy = parseRatelimitPolicy(headers.get('ratelimit-policy'));
    if (policy) this.adopt(policy.quota, policy.windowSeconds);
    if (call !== undefined) this.inFlight.delete(call);
    const rl = parseRatelimit(headers.get('ratelimit'));
    if (rl) {
      const until = now + rl.resetSeconds * 1000;
      // Calls let through after the answered one, and earlier ones still unanswered (they may
      // reach Cloudflare after it counted `r`), may not be counted in `r`: take them off. That
      // is a floor, so the highest floor of the window wins; a bare `r` is a ceiling.
      const remaining =
        call === undefined
          ? rl.remaining
          : rl.remaining - (this.spent - call) - this.inFlightBefore(call);
      if (!this.upstream || until > this.upstream.until + 1000) {
        this.upstream = { remaining, until };
      } else {
        this.upstream.remaining =
          call === undefined
            ? Math.min(this.upstream.remaining, remaining)
            : Math.max(this.upstream.remaining, remaining);
      }
      this.tokens = Math.min(this.tokens, rl.remaining);
      if (rl.remaining <= 0)
        this.blockedUntil = Math.max(this.blockedUntil, until);
    }
    if (this.queue.length > 0) this.schedule();
  }

  /**
   * Cloudflare's policy, as a ceiling: the budget takes the smaller of the configured and the
   * announced calls, and the slower of the two refill rates (an operator who configured less,
   * to leave room for CI or other tools on the token, keeps it).
   */
  private adopt(quota: number, windowSeconds: number) {
    const limit = Math.min(this.configured.calls, quota);
    const rate = Math.min(
      this.configured.calls / this.configured.windowSeconds,
      quota / windowSeconds,
    );
    this.limit = limit;
    this.windowSeconds = limit / rate;
    this.tokens = Math.min(this.tokens, this.limit);
  }

  /**
   * Cloudflare answered 429: nothing is left until `retryAfterSeconds` (a whole window when
   * absent).
   */
  exhaust(retryAfterSeconds?: number): void {
    const now = this.now();
    this.refill(now);
    const until = now + (retryAfterSeconds ?? this.windowSeconds) * 1000;
    this.blockedUntil = Math.max(this.blockedUntil, until);
    this.upstream = { remaining: 0, until: this.blockedUntil };
    if (this.queue.length > 0) this.schedule();
  }

  /** A view of the budget now. */
  snapshot(): CallBudgetSnapshot {
    const now = this.now();
    const remaining = Math.max(0, Math.floor(this.available(now)));
    const full = this.upstream
      ? Math.max(this.upstream.until, this.blockedUntil) - now
      : Math.max(
          this.blockedUntil - now,
          (this.limit - this.tokens) / this.ratePerMs,
        );
    return {
      limit: this.limit,
      windowSeconds: Math.round(this.windowSeconds * 1000) / 1000,
      remaining,
      reservedForRoutes: this.reserve,
      resetSeconds: Math.max(0, Math.ceil(full / 1000)),
      waiting: this.queue.length,
      spent: this.spent,
    };
  }
}
