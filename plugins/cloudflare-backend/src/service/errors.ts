import {
  CustomErrorBase,
  InputError,
  isError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';

/**
 * Cloudflare answered, but not usably: our token was refused, or the answer did not parse. Not the
 * caller's fault and not a Backstage fault, so HTTP 502. The default error handler reads
 * `statusCode`.
 */
export class BadGatewayError extends CustomErrorBase {
  name = 'BadGatewayError' as const;
  readonly statusCode = 502;
}

/**
 * Cloudflare gave no whole answer (headers and body) within `cloudflare.fetch.timeoutMs`: HTTP 504.
 */
export class GatewayTimeoutError extends CustomErrorBase {
  name = 'GatewayTimeoutError' as const;
  readonly statusCode = 504;
}

/**
 * HTTP 503 with a `Retry-After` header (whole seconds), set by the router's error middleware from
 * `retryAfterSeconds`. Backstage's error handler writes the JSON body and logs it, unless the read
 * pipeline has `reported` it in its own rate-limited warn line: then the router answers it.
 */
export class RetryLaterError extends ServiceUnavailableError {
  readonly retryAfterSeconds: number;
  /** Whether the read pipeline has logged the outage (once a minute per route and kind). */
  reported = false;

  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

/** Error kinds of the Cloudflare client. */
export type UpstreamKind =
  | 'auth'
  | 'not-found'
  | 'rate-limited'
  | 'unavailable'
  | 'timeout'
  | 'bad-response'
  | 'invalid-request'
  | 'budget'
  | 'circuit-open';

/** The kind of an error of the Cloudflare client, if it is one. */
export function upstreamKind(e: unknown): UpstreamKind | undefined {
  const kind = (e as { kind?: unknown } | undefined)?.kind;
  return typeof kind === 'string' ? (kind as UpstreamKind) : undefined;
}

/** `retryAfterSeconds` of an error of the Cloudflare client, when it says. */
export function retryAfterOf(e: unknown): number | undefined {
  const n = (e as { retryAfterSeconds?: unknown } | undefined)
    ?.retryAfterSeconds;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** `Retry-After` when neither the error nor the account's breaker says: 30 s. */
export const DEFAULT_RETRY_AFTER_SECONDS = 30;

/**
 * Turns an error of the Cloudflare client into a `@backstage/errors` error with a message of our
 * own: upstream bodies are never echoed, so nothing Cloudflare returned (or a token) can leak
 * into a response or a log line. `what` names the resource, e.g. `Worker script 'acme-api'`.
 */
export function toHttpError(e: unknown, what: string): Error {
  switch (upstreamKind(e)) {
    case 'not-found':
      return new NotFoundError(
        `${what} was not found in the Cloudflare account`,
      );
    case 'invalid-request':
      return new InputError(`Cloudflare rejected the request for ${what}`);
    case 'rate-limited': {
      const retry = retryAfterOf(e);
      return retry === undefined
        ? new ServiceUnavailableError(
            `Cloudflare rate limit reached while reading ${what}`,
          )
        : new RetryLaterError(
            `Cloudflare rate limit reached while reading ${what}; retry after ${retry} s`,
            retry,
          );
    }
    case 'budget':
      return new RetryLaterError(
        `The Cloudflare API call budget of the account is spent for now, so ${what} was not read`,
        retryAfterOf(e) ?? DEFAULT_RETRY_AFTER_SECONDS,
      );
    case 'circuit-open':
      return new RetryLaterError(
        `Cloudflare failed repeatedly for the account (circuit breaker open), so ${what} was not read`,
        retryAfterOf(e) ?? DEFAULT_RETRY_AFTER_SECONDS,
      );
    case 'timeout':
      return new GatewayTimeoutError(
        `Cloudflare did not answer in time while reading ${what}`,
      );
    case 'unavailable':
      return new ServiceUnavailableError(
        `Cloudflare is unavailable or timed out while reading ${what}`,
      );
    case 'auth':
      return new BadGatewayError(
        `Cloudflare refused the configured API token while reading ${what}`,
      );
    case 'bad-response':
      return new BadGatewayError(
        `Cloudflare returned an unexpected response while reading ${what}`,
      );
    default:
      // Not an upstream error (a bug, or an error we raised ourselves): let it through unless it
      // could carry upstream text.
      if (isError(e) && e.name !== 'Error') return e;
      return new ServiceUnavailableError(
        `Reading ${what} from Cloudflare failed`,
      );
  }
}
