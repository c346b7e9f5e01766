/**
 * Parsers of Cloudflare's rate-limit headers (IETF draft `RateLimit` fields, as Cloudflare and the
 * demo account send them): `Ratelimit: "default";r=<remaining>;t=<seconds to reset>` and
 * `Ratelimit-Policy: "default";q=<quota>;w=<window seconds>`. Only the first policy item is read.
 */

function param(value: string, name: string): number | undefined {
  const first = value.split(',')[0] ?? '';
  const match = first.match(new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(\\d+)`));
  if (!match) return undefined;
  const n = Number(match[1]);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** `Ratelimit`: calls left and seconds until the window resets, or undefined. */
export function parseRatelimit(
  value: string | null | undefined,
): { remaining: number; resetSeconds: number } | undefined {
  if (!value) return undefined;
  const remaining = param(value, 'r');
  const resetSeconds = param(value, 't');
  if (remaining === undefined || resetSeconds === undefined) return undefined;
  return { remaining, resetSeconds };
}

/** `Ratelimit-Policy`: quota and window in seconds, or undefined (a zero quota or window too). */
export function parseRatelimitPolicy(
  value: string | null | undefined,
): { quota: number; windowSeconds: number } | undefined {
  if (!value) return undefined;
  const quota = param(value, 'q');
  const windowSeconds = param(value, 'w');
  if (!quota || !windowSeconds) return undefined;
  return { quota, windowSeconds };
}

/** `Retry-After` in seconds (number or HTTP date), or undefined. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number,
): number | undefined {
  if (value === null || value === undefined || value.trim() === '')
    return undefined;
  const n = Number(value);
  if (Number.isFinite(n)) return Math.max(0, Math.ceil(n));
  const date = Date.parse(value);
  return Number.isNaN(date)
    ? undefined
    : Math.max(0, Math.ceil((date - now) / 1000));
}
