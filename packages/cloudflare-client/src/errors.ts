import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from 'cloudflare';

/**
 * What went wrong with a Cloudflare read, as a small closed set the callers map to HTTP answers.
 *
 * - `auth`: the token is missing, invalid, expired or lacks the permission (HTTP 400 code 9106, 401, 403).
 * - `not-found`: the resource does not exist (HTTP 404).
 * - `rate-limited`: HTTP 429 after the retries; see `retryAfterSeconds`.
 * - `unavailable`: 5xx, 408/409 after the retries, and connection failures.
 * - `timeout`: no whole answer (headers and body) within `cloudflare.fetch.timeoutMs`, after the retries.
 * - `bad-response`: a body that is not JSON (a plain `SyntaxError` from the SDK), or JSON that does not
 *   match the schema the client reads with, or a v4 envelope the fetch guard refused (`success: false`,
 *   a missing list `result`, a page shorter than its `result_info`).
 * - `invalid-request`: Cloudflare refused the request's parameters (HTTP 400/422).
 * - `budget`: the call budget of the API token had no call left for this priority (or a background
 *   call's deadline came first); no request was sent. See `retryAfterSeconds`.
 * - `circuit-open`: the account's circuit breaker is open after repeated upstream failures; no
 *   request was sent. See `retryAfterSeconds`.
 *
 * @public
 */
export type CloudflareErrorKind =
  | 'auth'
  | 'not-found'
  | 'rate-limited'
  | 'unavailable'
  | 'timeout'
  | 'bad-response'
  | 'invalid-request'
  | 'budget'
  | 'circuit-open';

/**
 * Header of the answer the client's fetch wrapper makes up when it sends no request (budget or
 * breaker): names the kind, so the SDK's error maps back to it. Never sent to Cloudflare.
 */
export const REFUSED_HEADER = 'x-cloudflare-client-refused';

/**
 * The one error type the client throws. Its message names the operation, the kind, the HTTP status and
 * Cloudflare's numeric error codes; it never carries the token, request headers, any response value
 * or Cloudflare's error text (which may quote request values or personal data).
 *
 * @public
 */
export class CloudflareApiError extends Error {
  /** Classification of the failure. */
  readonly kind: CloudflareErrorKind;
  /** The client operation that failed, e.g. `workers.listScripts`. */
  readonly operation: string;
  /** HTTP status, when Cloudflare answered. */
  readonly status?: number;
  /**
   * Seconds to wait: Cloudflare's `Retry-After` for `rate-limited`; until budget is back for
   * `budget`; until the breaker lets a trial call through for `circuit-open`.
   */
  readonly retryAfterSeconds?: number;
  /** Cloudflare's numeric error codes from the v4 envelope, when present (never their text). */
  readonly cloudflareErrors: ReadonlyArray<{ code: number }>;

  constructor(options: {
    kind: CloudflareErrorKind;
    operation: string;
    status?: number;
    retryAfterSeconds?: number;
    cloudflareErrors?: ReadonlyArray<{ code: number }>;
    detail?: string;
  }) {
    const parts = [`Cloudflare ${options.operation} failed: ${options.kind}`];
    if (options.status !== undefined) parts.push(`(HTTP ${options.status})`);
    const cfErrors = (options.cloudflareErrors ?? []).map(e => ({
      code: e.code,
    }));
    if (cfErrors.length > 0) {
      parts.push(`- Cloudflare code ${cfErrors.map(e => e.code).join(', ')}`);
    }
    if (options.detail) parts.push(`- ${options.detail}`);
    super(parts.join(' '));
    this.name = 'CloudflareApiError';
    this.kind = options.kind;
    this.operation = options.operation;
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.cloudflareErrors = cfErrors;
  }

  /** A JSON form without stack or cause, safe to log or return. */
  toJSON() {
    return {
      name: this.name,
      message: this.message,
      kind: this.kind,
      operation: this.operation,
      status: this.status,
      retryAfterSeconds: this.retryAfterSeconds,
      cloudflareErrors: this.cloudflareErrors,
    };
  }
}

/**
 * Type guard for {@link CloudflareApiError}, also across copies of the package.
 *
 * @public
 */
export function isCloudflareApiError(e: unknown): e is CloudflareApiError {
  return (
    e instanceof CloudflareApiError ||
    (typeof e === 'object' &&
      e !== null &&
      (e as { name?: unknown }).name === 'CloudflareApiError')
  );
}

/** Cloudflare's numeric error codes; their text is never kept. */
function cloudflareErrorsOf(err: APIError): Array<{ code: number }> {
  const list = Array.isArray((err as { errors?: unknown }).errors)
    ? (err as { errors: unknown[] }).errors
    : [];
  return list
    .filter((e): e is { code?: unknown } => typeof e === 'object' && e !== null)
    .slice(0, 5)
    .map(e => ({ code: typeof e.code === 'number' ? e.code : 0 }));
}

function retryAfterOf(err: APIError): number | undefined {
  const headers = err.headers as Headers | undefined;
  const raw = headers?.get?.('retry-after');
  if (raw === null || raw === undefined) return undefined;
  const n = Number(raw);
  if (Number.isFinite(n)) return Math.max(0, Math.ceil(n));
  const date = Date.parse(raw);
  return Number.isNaN(date)
    ? undefined
    : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * Maps anything a read can throw (SDK errors, `SyntaxError`, zod errors, our own) to a
 * {@link CloudflareApiError}. No text from Cloudflare or from the request is kept (only the status,
 * Cloudflare's numeric codes and our own wording), so the secrets passed in have nothing to be
 * scrubbed from; the parameter stays for callers.
 *
 * @public
 */
export function toCloudflareApiError(
  err: unknown,
  operation: string,
  _secrets: readonly string[] = [],
): CloudflareApiError {
  if (isCloudflareApiError(err)) return err;
  if (err instanceof APIConnectionTimeoutError) {
    return new CloudflareApiError({
      kind: 'timeout',
      operation,
      detail: 'request timed out',
    });
  }
  if (err instanceof APIUserAbortError) {
    return new CloudflareApiError({
      kind: 'unavailable',
      operation,
      detail: 'request aborted',
    });
  }
  if (err instanceof APIConnectionError) {
    return new CloudflareApiError({
      kind: 'unavailable',
      operation,
      detail: 'connection failed',
    });
  }
  if (err instanceof APIError) {
    const refused = (err.headers as Headers | undefined)?.get?.(REFUSED_HEADER);
    if (refused === 'budget' || refused === 'circuit-open') {
      return new CloudflareApiError({
        kind: refused,
        operation,
        retryAfterSeconds: retryAfterOf(err),
        detail:
          refused === 'budget'
            ? 'call budget exhausted; no request sent'
            : 'Cloudflare failed repeatedly; no request sent',
      });
    }
    const status = err.status;
    const cloudflareErrors = cloudflareErrorsOf(err);
    const base = { operation, status, cloudflareErrors };
    if (status === 401 || status === 403)
      return new CloudflareApiError({ kind: 'auth', ...base });
    // 9106: "Missing X-Auth-Key, X-Auth-Email or Authorization headers"; 6003/6111: invalid headers.
    if (
      status === 400 &&
      cloudflareErrors.some(e => [9106, 6003, 6111, 10000].includes(e.code))
    ) {
      return new CloudflareApiError({ kind: 'auth', ...base });
    }
    if (status === 404)
      return new CloudflareApiError({ kind: 'not-found', ...base });
    if (status === 429) {
      return new CloudflareApiError({
        kind: 'rate-limited',
        retryAfterSeconds: retryAfterOf(err),
        ...base,
      });
    }
    if (status === 400 || status === 422)
      return new CloudflareApiError({ kind: 'invalid-request', ...base });
    if (
      status === 408 ||
      status === 409 ||
      (status !== undefined && status >= 500)
    ) {
      return new CloudflareApiError({ kind: 'unavailable', ...base });
    }
    return new CloudflareApiError({ kind: 'bad-response', ...base });
  }
  if (err instanceof SyntaxError) {
    return new CloudflareApiError({
      kind: 'bad-response',
      operation,
      detail: 'response body is not JSON',
    });
  }
  if (
    typeof err === 'object' &&
    err !== null &&
    (err as { name?: unknown }).name === 'ZodError'
  ) {
    const issues = (
      (err as { issues?: Array<{ path?: PropertyKey[] }> }).issues ?? []
    )
      .slice(0, 3)
      .map(i => (i.path ?? []).map(String).join('.') || '(root)');
    return new CloudflareApiError({
      kind: 'bad-response',
      operation,
      detail: `unexpected response shape at ${issues.join(', ')}`,
    });
  }
  return new CloudflareApiError({
    kind: 'bad-response',
    operation,
    detail: 'unexpected failure',
  });
}
