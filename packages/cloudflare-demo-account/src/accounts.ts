import { createHash } from 'node:crypto';
import { DemoAreaKey, createScaleAccountData } from './data';
import { DemoAccountState, DemoRateLimitOptions } from './state';

/**
 * A distinct, deterministic 32-hex-digit account id for the demo account number `index` (0, 1,
 * 2, ...), for tests and benchmarks that need several accounts. Never the built-in
 * `DEMO_ACCOUNT_ID`.
 *
 * @public
 */
export function demoAccountId(index: number): string {
  return createHash('sha256')
    .update(`cloudflare-demo-account:${index}`)
    .digest('hex')
    .slice(0, 32);
}

/**
 * The API token the demo account `accountId` accepts when built by {@link createDemoAccounts}:
 * one token per account, so each account has its own rate limit (and a client its own budget). Not
 * a secret: it opens only a fictional account.
 *
 * @public
 */
export function demoApiTokenFor(accountId: string): string {
  return `demo-${accountId}-read-token`;
}

/**
 * Options of {@link createDemoAccounts}.
 *
 * @public
 */
export interface DemoAccountsOptions {
  /** How many accounts. */
  count: number;
  /** Resources of each account, spread over the areas (see `createScaleAccountData`). Default 0. */
  resources?: number;
  /** Exact counts for some areas, for every account. */
  counts?: Partial<Record<DemoAreaKey, number>>;
  /** Seed of account 0; account `i` uses `seed + i`. Default 1. */
  seed?: number;
  /** Enforce Cloudflare's per-token rate limit in each account. */
  rateLimit?: boolean;
  /** Latency added to every response, in milliseconds. */
  latencyMs?: number;
  /** Clock of every account's rate limiter. */
  now?: () => number;
  /** Each account's rate limit when on (Cloudflare's by default). */
  rateLimitOptions?: DemoRateLimitOptions;
}

/**
 * Several generated scale-mode accounts, each with its own id ({@link demoAccountId}), name
 * (`scale-org-<i>`), token ({@link demoApiTokenFor}) and rate limiter. Serve them together with
 * `startDemoAccountServer({ accounts })`, or one per msw handler set.
 *
 * @example
 * ```ts
 * const accounts = createDemoAccounts({ count: 2, resources: 40 });
 * const server = await startDemoAccountServer({ port: 0, accounts });
 * // cloudflare.accounts[i]: { accountId: accounts[i].data.account.id,
 * //   apiToken: demoApiTokenFor(accounts[i].data.account.id), apiBaseUrl: server.baseUrl }
 * ```
 *
 * @public
 */
export function createDemoAccounts(
  options: DemoAccountsOptions,
): DemoAccountState[] {
  const seed = options.seed ?? 1;
  return Array.from({ length: options.count }, (_, i) => {
    const accountId = demoAccountId(i);
    return new DemoAccountState({
      data: createScaleAccountData({
        seed: seed + i,
        resources: options.resources ?? 0,
        counts: options.counts,
        accountId,
        name: `scale-org-${i}`,
      }),
      tokens: [demoApiTokenFor(accountId)],
      rateLimit: options.rateLimit,
      latencyMs: options.latencyMs,
      now: options.now,
      rateLimitOptions: options.rateLimitOptions,
    });
  });
}

/** The account id in a `/client/v4/accounts/<id>/...` path, if any. */
function accountIdOf(path: string): string | undefined {
  return /\/client\/v4\/accounts\/([^/?#]+)/.exec(path)?.[1];
}

/** The bearer token of an `Authorization` header, if any. */
function bearerOf(authorization: string | undefined): string | undefined {
  return authorization
    ? /^Bearer\s+(\S+)$/i.exec(authorization)?.[1]
    : undefined;
}

/**
 * Picks which of several served accounts answers a request: the one whose id is in the path
 * (`/client/v4/accounts/<id>/...`), else the one that accepts the bearer token (`/graphql`,
 * `/user/tokens/verify`), else the first (which answers 403 for a foreign account id and 401 for
 * an unknown token, as Cloudflare does).
 *
 * @public
 */
export function pickDemoAccount(
  states: readonly DemoAccountState[],
  path: string,
  authorization: string | undefined,
): DemoAccountState {
  const id = accountIdOf(path);
  if (id !== undefined) {
    const byId = states.find(s => s.data.account.id === id);
    if (byId) return byId;
  } else {
    const token = bearerOf(authorization);
    const byToken = token && states.find(s => s.tokens.has(token));
    if (byToken) return byToken;
  }
  return states[0];
}
