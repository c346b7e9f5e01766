import { LoggerService } from '@backstage/backend-plugin-api';
import { CloudflareAccountClient } from '@cloudflare-backstage/plugin-cloudflare-node';
import {
  DEFAULT_RETRY_AFTER_SECONDS,
  RetryLaterError,
  retryAfterOf,
  toHttpError,
  upstreamKind,
  UpstreamKind,
} from './errors';

/**
 * Upstream failures a kept answer may stand in for: Cloudflare down or slow, its rate limit, the
 * call budget short, the account's breaker open. Never `auth`, `not-found`, `invalid-request` or
 * `bad-response`: those are answers, not outages, and a stale value would hide them.
 */
const STALE_KINDS: ReadonlySet<UpstreamKind> = new Set<UpstreamKind>([
  'unavailable',
  'timeout',
  'rate-limited',
  'budget',
  'circuit-open',
]);

/** Whether a failed read may be answered with a kept value (`stale: true`). */
export function mayServeStale(error: unknown): boolean {
  const kind = upstreamKind(error);
  return kind !== undefined && STALE_KINDS.has(kind);
}

/** Seconds the account's circuit breaker stays open, when it is. */
function breakerRetryAfter(
  account: CloudflareAccountClient,
): number | undefined {
  try {
    return account.client.health().breaker.retryAfterSeconds;
  } catch {
    return undefined;
  }
}

const WITHOUT_CACHE: Partial<Record<UpstreamKind, string>> = {
  unavailable: 'Cloudflare is unavailable',
  timeout: 'Cloudflare did not answer in time',
  'rate-limited': 'Cloudflare rate limit reached',
  budget: 'The Cloudflare API call budget of the account is spent for now',
  'circuit-open':
    'Cloudflare failed repeatedly for the account (circuit breaker open)',
};

/**
 * The HTTP error of a failed read with no kept answer: for an outage kind, 503 with `Retry-After`
 * (the error's `retryAfterSeconds`, else the breaker's, else 30 s); any other failure as
 * `toHttpError` answers it.
 */
export function readFailure(
  error: unknown,
  what: string,
  account: CloudflareAccountClient,
): Error {
  const kind = upstreamKind(error);
  const head = kind && mayServeStale(error) ? WITHOUT_CACHE[kind] : undefined;
  if (!head) return toHttpError(error, what);
  const retry =
    retryAfterOf(error) ??
    breakerRetryAfter(account) ??
    DEFAULT_RETRY_AFTER_SECONDS;
  return new RetryLaterError(
    `${head} while reading ${what}, and no earlier answer is kept; retry after ${Math.ceil(
      retry,
    )} s`,
    retry,
  );
}

/** How often one route of one account logs an outage answer of one kind, at most. */
const LOG_EVERY_MS = 60_000;

/**
 * A warn line when a route answers for an outage, either with its kept value (`stale`) or with
 * 503 because nothing is kept (`unavailable`): the kind of failure only (never its message), at
 * most once a minute per account, route, kind and answer, so an outage does not flood the log.
 * (The router renders those 503s itself, so Backstage's error handler does not log each one
 * with its stack at error level.)
 */
export function outageWarner(
  logger: LoggerService,
  now: () => number = Date.now,
) {
  const last = new Map<string, number>();
  return (options: {
    error: unknown;
    route: string;
    account: string;
    /** The kept value's time, when the route answered it as stale; absent for a 503. */
    fetchedAt?: string;
    /** The 503's `Retry-After`, when nothing was kept. */
    retryAfterSeconds?: number;
  }) => {
    const kind = upstreamKind(options.error) ?? 'unknown';
    const answer = options.fetchedAt ? 'stale' : 'unavailable';
    const key = [options.account, options.route, kind, answer].join('\u0000');
    const at = now();
    if ((last.get(key) ?? -Infinity) > at - LOG_EVERY_MS) return;
    if (last.size > 1000) last.clear();
    last.set(key, at);
    const head = `Cloudflare read ${options.route} of account ${options.account} failed (${kind})`;
    logger.warn(
      options.fetchedAt
        ? `${head}; answering the kept value from ${options.fetchedAt} as stale`
        : `${head} and no earlier answer is kept; answering 503 with Retry-After ${options.retryAfterSeconds} s`,
      { kind, route: options.route, account: options.account, answer },
    );
  };
}
