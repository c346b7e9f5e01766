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
 *
 * @public
 */
export type DemoFault =
  | { kind: 'rate-limit'; retryAfterSeconds?: number }
  | { kind: 'server-error'; status?: number }
  | { kind: 'hang' }
  | { kind: 'malformed-json' }
  | { kind: 'fail-page'; page?: number }
  | { kind: 'latency'; ms: number };

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
 * `hang`, `malformed-json`, `fail-page:2`, `latency:250`.
 *
 * @public
 */
export function parseFault(spec: string): DemoFault | undefined {
  const [kind, arg] = spec.trim().split(':');
  const n = arg !== undefined && arg !== '' ? Number(arg) : undefined;
  if (n !== undefined && !Number.isFinite(n)) return undefined;
  switch (kind) {
    case 'rate-limit':
      return { kind, retryAfterSeconds: n };
    case 'server-error':
      return { kind, status: n };
    case 'hang':
    case 'malformed-json':
      return { kind };
    case 'fail-page':
      return { kind, page: n };
    case 'latency':
      return n === undefined ? undefined : { kind, ms: n };
    default:
      return undefined;
  }
}
