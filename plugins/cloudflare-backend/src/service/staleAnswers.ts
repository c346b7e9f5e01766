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

/** How often one route of one account logs that it answers stale, at most. */
const LOG_EVERY_MS = 60_000;

/**
 * A warn line when a route answers stale: the kind of failure only (never its message), at most
 * once a minute per account, route and kind, so an outage does not flood the log.
 */
export function staleWarner(
  logger: LoggerService,
  now: () => number = Date.now,
) {
  const last = new Map<string, number>();
  return (options: {
    error: unknown;
    route: string;
    account: string;
    fetchedAt: string;
  }) => {
    const kind = upstreamKind(options.error) ?? 'unknown';
    const key = `${options.account}\u0000${options.route}\u0000${kind}`;
    const at = now();
    if ((last.get(key) ?? -Infinity) > at - LOG_EVERY_MS) return;
    if (last.size > 1000) last.clear();
    last.set(key, at);
    logger.warn(
      `Cloudflare read ${options.route} of account ${options.account} failed (${kind}); answering the kept value from ${options.fetchedAt} as stale`,
      { kind, route: options.route, account: options.account },
    );
  };
}
