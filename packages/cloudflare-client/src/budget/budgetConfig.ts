import { Config } from '@backstage/config';
import { CloudflareConfigError } from '../configError';

/**
 * Options of a {@link CallBudget}: a token bucket of `calls` per `windowSeconds`, refilled
 * continuously, of which `routeShare` is kept for interactive calls.
 *
 * @public
 */
export interface CallBudgetOptions {
  /** Calls per window (bucket capacity). Default 1200, Cloudflare's limit per API token. */
  calls?: number;
  /** Window in seconds; the bucket refills `calls / windowSeconds` per second. Default 300. */
  windowSeconds?: number;
  /**
   * Fraction of `calls` (0 to 0.9) only interactive calls may take; background calls never do.
   * Default 0.2.
   */
  routeShare?: number;
  /** Clock in epoch milliseconds, for tests. Default `Date.now`. */
  now?: () => number;
}

/**
 * Options of a {@link CircuitBreaker}.
 *
 * @public
 */
export interface CircuitBreakerOptions {
  /** Consecutive upstream failures that open the breaker. Default 5. */
  failureThreshold?: number;
  /** Seconds the breaker stays open the first time. Default 30. */
  openSeconds?: number;
  /** Ceiling of the doubled backoff, in seconds. Default 300. */
  maxOpenSeconds?: number;
  /** Clock in epoch milliseconds, for tests. Default `Date.now`. */
  now?: () => number;
}

/** Default budget: Cloudflare's documented 1,200 calls per 5 minutes per API token, 20% kept for routes. */
export const BUDGET_DEFAULTS = {
  calls: 1200,
  windowSeconds: 300,
  routeShare: 0.2,
};
/** Default breaker: open after 5 failures in a row, for 30 s, doubling up to 5 minutes. */
export const BREAKER_DEFAULTS = {
  failureThreshold: 5,
  openSeconds: 30,
  maxOpenSeconds: 300,
};

function num(
  config: Config,
  key: string,
  fullKey: string,
  check: { min: number; max: number; integer: boolean },
): number | undefined {
  let v: number | undefined;
  try {
    v = config.getOptionalNumber(key);
  } catch {
    throw new CloudflareConfigError(fullKey, 'missing or of the wrong type');
  }
  if (v === undefined) return undefined;
  if (
    !Number.isFinite(v) ||
    (check.integer && !Number.isInteger(v)) ||
    v < check.min ||
    v > check.max
  ) {
    throw new CloudflareConfigError(
      fullKey,
      `must be a ${check.integer ? 'whole ' : ''}number from ${check.min} to ${
        check.max
      }`,
    );
  }
  return v;
}

function block(cf: Config, key: string, fullKey: string): Config | undefined {
  try {
    return cf.getOptionalConfig(key);
  } catch {
    throw new CloudflareConfigError(fullKey, 'missing or of the wrong type');
  }
}

/** Drops undefined fields, so spreading overrides keeps the defaults. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined),
  ) as T;
}

/**
 * Reads `<prefix>.budget.{calls, windowSeconds, routeShare}` from a `cloudflare` block (or an
 * account entry); absent keys stay absent.
 */
export function readBudgetOptions(
  cf: Config,
  prefix = 'cloudflare',
): CallBudgetOptions {
  const b = block(cf, 'budget', `${prefix}.budget`);
  if (!b) return {};
  const at = `${prefix}.budget`;
  return defined({
    calls: num(b, 'calls', `${at}.calls`, {
      min: 1,
      max: 1_000_000,
      integer: true,
    }),
    windowSeconds: num(b, 'windowSeconds', `${at}.windowSeconds`, {
      min: 1,
      max: 86_400,
      integer: true,
    }),
    routeShare: num(b, 'routeShare', `${at}.routeShare`, {
      min: 0,
      max: 0.9,
      integer: false,
    }),
  });
}

/** Reads `cloudflare.breaker.{failureThreshold, openSeconds, maxOpenSeconds}`. */
export function readBreakerOptions(
  cf: Config,
  prefix = 'cloudflare',
): CircuitBreakerOptions {
  const b = block(cf, 'breaker', `${prefix}.breaker`);
  if (!b) return {};
  const at = `${prefix}.breaker`;
  const options = defined({
    failureThreshold: num(b, 'failureThreshold', `${at}.failureThreshold`, {
      min: 1,
      max: 1000,
      integer: true,
    }),
    openSeconds: num(b, 'openSeconds', `${at}.openSeconds`, {
      min: 1,
      max: 86_400,
      integer: true,
    }),
    maxOpenSeconds: num(b, 'maxOpenSeconds', `${at}.maxOpenSeconds`, {
      min: 1,
      max: 86_400,
      integer: true,
    }),
  });
  const open = options.openSeconds ?? BREAKER_DEFAULTS.openSeconds;
  const max = options.maxOpenSeconds ?? BREAKER_DEFAULTS.maxOpenSeconds;
  if (max < open) {
    throw new CloudflareConfigError(
      `${at}.maxOpenSeconds`,
      'must not be less than openSeconds',
    );
  }
  return options;
}

/**
 * Options read from a root config's `cloudflare` block by `read`, with the defined `overrides`
 * on top.
 */
export function optionsFromConfig<T extends object>(
  config: Config,
  read: (cf: Config) => T,
  overrides: T,
): T {
  const cf = block(config, 'cloudflare', 'cloudflare');
  return { ...(cf ? read(cf) : ({} as T)), ...defined(overrides) };
}
