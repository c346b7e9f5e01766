import { DemoFault, DemoFaultRule } from './faults';
import { DemoAccountData, createDemoAccountData } from './data';

/** Cloudflare's limit: 1,200 requests per 5 minutes per token, then 5 minutes of 429s. */
const RATE_LIMIT = { limit: 1200, windowMs: 5 * 60_000, blockMs: 5 * 60_000 };

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
    const now = this.now();
    let w = this.windows.get(token);
    if (!w || (now - w.start >= RATE_LIMIT.windowMs && now >= w.blockedUntil)) {
      w = { start: now, count: 0, blockedUntil: 0 };
      this.windows.set(token, w);
    }
    if (now < w.blockedUntil) {
      return Math.ceil((w.blockedUntil - now) / 1000);
    }
    w.count += 1;
    if (w.count > RATE_LIMIT.limit) {
      w.blockedUntil = now + RATE_LIMIT.blockMs;
      return Math.ceil(RATE_LIMIT.blockMs / 1000);
    }
    return undefined;
  }

  /** Remaining calls in the current window, for the `Ratelimit` header. */
  remaining(token: string): { remaining: number; resetSeconds: number } {
    const w = this.windows.get(token);
    if (!w)
      return {
        remaining: RATE_LIMIT.limit,
        resetSeconds: RATE_LIMIT.windowMs / 1000,
      };
    return {
      remaining: Math.max(0, RATE_LIMIT.limit - w.count),
      resetSeconds: Math.max(
        0,
        Math.ceil((w.start + RATE_LIMIT.windowMs - this.now()) / 1000),
      ),
    };
  }
}
