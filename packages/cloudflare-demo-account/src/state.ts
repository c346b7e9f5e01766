import { DemoFault, DemoFaultRule } from './faults';
import { DemoAccountData, createDemoAccountData } from './data';

/**
 * The demo account's rate limit per token: `calls` per `windowSeconds`, then `blockSeconds` of 429s.
 * Cloudflare's (the default): 1,200 calls per 300 s, then 300 s of 429s. Benchmarks scale the
 * window down (with the client's budget scaled alike).
 *
 * @public
 */
export interface DemoRateLimitOptions {
  calls?: number;
  windowSeconds?: number;
  blockSeconds?: number;
}

/**
 * Options of {@link DemoAccountState}.
 *
 * @public
 */
export interface DemoAccountOptions {
  /** Data to serve; the built-in `acme-org` account by default. */
  data?: DemoAccountData;
  /** Tokens the account accepts; {@link DEMO_API_TOKEN} and {@link DEMO_API_TOKEN_WITHOUT_ANALYTICS} by default. */
  tokens?: string[];
  /** Enforce Cloudflare's per-token rate limit (on by default in scale mode). */
  rateLimit?: boolean;
  /** Latency added to every response, in milliseconds. */
  latencyMs?: number;
  /** Clock, for tests of the rate limit window. */
  now?: () => number;
  /** The rate limit when on; Cloudflare's 1,200 calls per 300 s by default. */
  rateLimitOptions?: DemoRateLimitOptions;
}

/**
 * The token the demo account accepts by default. Not a secret: it opens only the fictional account.
 *
 * @public
 */
export const DEMO_API_TOKEN = 'demo-acme-org-read-token-0000000000000000';

/**
 * A second token the demo account accepts by default: it reads every REST endpoint like
 * {@link DEMO_API_TOKEN} but lacks Account Analytics Read, so GraphQL Analytics answers it
 * `not authorized for that account`. Configure it as `cloudflare.apiToken` to see analytics
 * "not exposed". Not a secret.
 *
 * @public
 */
export const DEMO_API_TOKEN_WITHOUT_ANALYTICS =
  'demo-acme-org-no-analytics-token-00000000';

/**
 * The mutable side of the demo account: data, accepted tokens, fault rules, the rate limiter and
 * per-route call counts.
 *
 * @public
 */
export class DemoAccountState {
  data: DemoAccountData;
  tokens: Set<string>;
  rateLimit: boolean;
  latencyMs: number;
  readonly now: () => number;
  /** The rate limit in force when `rateLimit` is on (sent as `Ratelimit-Policy`). */
  readonly rateLimitPolicy: Required<DemoRateLimitOptions>;
  private faultRules: DemoFaultRule[] = [];
  private readonly calls = new Map<string, number>();
  private readonly windows = new Map<
    string,
    { start: number; count: number; blockedUntil: number }
  >();

  constructor(options: DemoAccountOptions = {}) {
    this.data = options.data ?? createDemoAccountData();
    this.tokens = new Set(
      options.tokens ?? [DEMO_API_TOKEN, DEMO_API_TOKEN_WITHOUT_ANALYTICS],
    );
    this.rateLimit = options.rateLimit ?? false;
    this.latencyMs = options.latencyMs ?? 0;
    this.now = options.now ?? Date.now;
    this.rateLimitPolicy = {
      calls: options.rateLimitOptions?.calls ?? 1200,
      windowSeconds: options.rateLimitOptions?.windowSeconds ?? 300,
      blockSeconds: options.rateLimitOptions?.blockSeconds ?? 300,
    };
  }

  private get limits() {
    const p = this.rateLimitPolicy;
    return {
      limit: p.calls,
      windowMs: p.windowSeconds * 1000,
      blockMs: p.blockSeconds * 1000,
    };
  }

  /** Adds a fault rule; returns a function that removes it. */
  addFault(rule: DemoFaultRule): () => void {
    const copy = { ...rule };
    this.faultRules.push(copy);
    return () => {
      this.faultRules = this.faultRules.filter(r => r !== copy);
    };
  }

  /** Removes every fault rule. */
  clearFaults(): void {
    this.faultRules = [];
  }

  /** The fault rules in force. */
  listFaults(): DemoFaultRule[] {
    return this.faultRules.map(r => ({ ...r }));
  }

  /** Takes the first fault rule matching `path`, counting down its `times`. */
  takeFault(path: string): DemoFault | undefined {
    const rule = this.faultRules.find(r => !r.route || path.includes(r.route));
    if (!rule) return undefined;
    if (rule.times !== undefined) {
      rule.times -= 1;
      if (rule.times <= 0)
        this.faultRules = this.faultRules.filter(r => r !== rule);
    }
    return rule.fault;
  }

  /** Counts one call to a route (by its pattern). */
  countCall(route: string): void {
    this.calls.set(route, (this.calls.get(route) ?? 0) + 1);
  }

  /** Calls per route pattern since the start or the last {@link DemoAccountState.resetCalls}. */
  callCounts(): Record<string, number> {
    return Object.fromEntries([...this.calls.entries()].sort());
  }

  /** Total calls since the start or the last reset. */
  totalCalls(): number {
    let total = 0;
    for (const n of this.calls.values()) total += n;
    return total;
  }

  /** Forgets the call counts and the rate limiter's windows. */
  resetCalls(): void {
    this.calls.clear();
    this.windows.clear();
  }

  /**
   * Applies Cloudflare's rate limit to one call of `token`: returns the seconds to wait when the
   * call is refused, undefined when it may go on.
   */
  consumeRateLimit(token: string): number | undefined {
    if (!this.rateLimit) return undefined;
    const rl = this.limits;
    const now = this.now();
    let w = this.windows.get(token);
    if (!w || (now - w.start >= rl.windowMs && now >= w.blockedUntil)) {
      w = { start: now, count: 0, blockedUntil: 0 };
      this.windows.set(token, w);
    }
    if (now < w.blockedUntil) {
      return Math.ceil((w.blockedUntil - now) / 1000);
    }
    w.count += 1;
    if (w.count > rl.limit) {
      w.blockedUntil = now + rl.blockMs;
      return Math.ceil(rl.blockMs / 1000);
    }
    return undefined;
  }

  /** Remaining calls in the current window, for the `Ratelimit` header. */
  remaining(token: string): { remaining: number; resetSeconds: number } {
    const rl = this.limits;
    const w = this.windows.get(token);
    if (!w)
      return {
        remaining: rl.limit,
        resetSeconds: rl.windowMs / 1000,
      };
    return {
      remaining: Math.max(0, rl.limit - w.count),
      resetSeconds: Math.max(
        0,
        Math.ceil((w.start + rl.windowMs - this.now()) / 1000),
      ),
    };
  }
}
