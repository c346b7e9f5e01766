/**
 * What the backend says when Cloudflare cannot be reached: a read with a cached answer comes back
 * in its envelope with `stale: true` and `fetchedAt`; a read without one is HTTP 503 with
 * `Retry-After`. These helpers read the 503's wait from the error the API client throws.
 */

/** The fields of a `ResponseError` (`@backstage/errors`) these helpers read. */
interface ErrorLike {
  name?: string;
  message?: string;
  statusCode?: number;
  response?: {
    status?: number;
    headers?: { get(name: string): string | null };
  };
  body?: {
    error?: { message?: string; retryAfterSeconds?: unknown };
    response?: { statusCode?: number };
  };
}

/** True when the backend answered 503: Cloudflare could not be reached and nothing was cached. */
export function isUpstreamUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as ErrorLike;
  return (
    e.statusCode === 503 ||
    e.response?.status === 503 ||
    e.body?.response?.statusCode === 503
  );
}

/** Seconds of a `Retry-After` value: delta-seconds or an HTTP date (RFC 9110), from `now`. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * How many seconds the backend asked to wait before retrying a 503: its `Retry-After` header (when
 * the app may read it: a backend on another origin must list it in `backend.cors.exposeHeaders`),
 * else a `retryAfterSeconds` in the JSON error, else `retry after <n> s` in the message.
 */
export function retryAfterSecondsOf(
  error: unknown,
  now: number = Date.now(),
): number | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as ErrorLike;
  const header = parseRetryAfter(e.response?.headers?.get('retry-after'), now);
  if (header !== undefined) return header;
  const field = e.body?.error?.retryAfterSeconds;
  if (typeof field === 'number' && Number.isFinite(field) && field >= 0) {
    return Math.ceil(field);
  }
  const text = `${e.body?.error?.message ?? ''} ${e.message ?? ''}`;
  const match = text.match(/retry(?: again)? (?:after|in) (\d+) ?s/i);
  return match ? Number(match[1]) : undefined;
}
