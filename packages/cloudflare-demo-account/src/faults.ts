/**
 * Fault knobs: make the demo account misbehave the ways Cloudflare can.
 *
 * A fault is set per route (on the account's state, or through the served account's admin route
 * `POST /__demo/faults`) or per request (the `cf-demo-fault` request header, same syntax as
 * {@link parseFault}).
 */

/**
 * What a fault does.
 *
 * - `rate-limit`: HTTP 429 with `Retry-After` (seconds).
 * - `server-error`: HTTP 5xx (`status`, default 500) with Cloudflare's error body.
 * - `hang`: never answers (the client's timeout must fire).
 * - `malformed-json`: HTTP 200 whose body is not JSON.
 * - `fail-page`: answers normally until page `page` (default 2), which fails with HTTP 500.
 * - `latency`: answers normally after `ms` milliseconds.
 * - `html-200`: HTTP 200 with an HTML page (`text/html`), as a proxy or an edge error page sends.
 * - `success-false-200`: HTTP 200 whose envelope says `success: false`, `result: null`.
 * - `result-null`: the route's answer with `result: null` (`success: true`, `result_info` kept).
 * - `short-page`: page `page` (default 2) keeps only its first `keep` items (default 0) while its
 *   `result_info` still claims the full totals (or, on cursor routes, the next cursor).
 * - `stall-body`: HTTP 200 headers and the first half of the body, then nothing: the body never ends.
 *
 * @public
 */
export type DemoFault =
  | { kind: 'rate-limit'; retryAfterSeconds?: number }
  | { kind: 'server-error'; status?: number }
  | { kind: 'hang' }
  | { kind: 'malformed-json' }
  | { kind: 'fail-page'; page?: number }
  | { kind: 'latency'; ms: number }
  | { kind: 'html-200' }
  | { kind: 'success-false-200' }
  | { kind: 'result-null' }
  | { kind: 'short-page'; page?: number; keep?: number }
  | { kind: 'stall-body' };

/**
 * A fault bound to the routes whose path contains `route` (all routes when omitted), for the next
 * `times` matching requests (every one when omitted).
 *
 * @public
 */
export interface DemoFaultRule {
  route?: string;
  fault: DemoFault;
  times?: number;
}

/**
 * Parses the header syntax: `rate-limit`, `rate-limit:7` (Retry-After 7 s), `server-error:503`,
 * `hang`, `malformed-json`, `fail-page:2`, `latency:250`, `html-200`, `success-false-200`, `result-null`,
 * `short-page` (page 2 empty), `short-page:1:3` (page 1 keeps 3 items), `stall-body`.
 *
 * @public
 */
export function parseFault(spec: string): DemoFault | undefined {
  const [kind, arg, arg2] = spec.trim().split(':');
  const num = (a?: string) =>
    a !== undefined && a !== '' ? Number(a) : undefined;
  const n = num(arg);
  const m = num(arg2);
  if (n !== undefined && !Number.isFinite(n)) return undefined;
  if (m !== undefined && !Number.isFinite(m)) return undefined;
  switch (kind) {
    case 'rate-limit':
      return { kind, retryAfterSeconds: n };
    case 'server-error':
      return { kind, status: n };
    case 'hang':
    case 'malformed-json':
    case 'html-200':
    case 'success-false-200':
    case 'result-null':
    case 'stall-body':
      return { kind };
    case 'short-page':
      return { kind, page: n, keep: m };
    case 'fail-page':
      return { kind, page: n };
    case 'latency':
      return n === undefined ? undefined : { kind, ms: n };
    default:
      return undefined;
  }
}
