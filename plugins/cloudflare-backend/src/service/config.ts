import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { readFileSync } from 'node:fs';

const PACKAGE_NAME = '@cloudflare-backstage/plugin-cloudflare-backend';

function packageVersion(): string {
  try {
    const pkg = JSON.parse(
      readFileSync(resolvePackagePath(PACKAGE_NAME, 'package.json'), 'utf8'),
    );
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Default cache TTL of Cloudflare reads, in seconds. */
export const DEFAULT_CACHE_TTL_SECONDS = 60;
const MIN_TTL = 30;
const MAX_TTL = 120;

/** The suite's name and version, written into every evidence snapshot. */
export const SUITE = { name: PACKAGE_NAME, version: packageVersion() };

/**
 * `cloudflare.cache.ttlSeconds`: 30-120, default 60. Out of range fails at start-up, naming the key.
 */
export function readCacheTtlSeconds(config: Config): number {
  const ttl = config.getOptionalNumber('cloudflare.cache.ttlSeconds');
  if (ttl === undefined) return DEFAULT_CACHE_TTL_SECONDS;
  if (!Number.isInteger(ttl) || ttl < MIN_TTL || ttl > MAX_TTL) {
    throw new InputError(
      `Invalid config cloudflare.cache.ttlSeconds: ${ttl}; must be a whole number of seconds from ${MIN_TTL} to ${MAX_TTL}`,
    );
  }
  return ttl;
}

/** Default of `cloudflare.cache.maxStaleSeconds`: one day. */
export const DEFAULT_MAX_STALE_SECONDS = 86_400;

/**
 * A whole number of seconds at `key` in `[min, max]`, or `fallback`; out of range fails at start-up,
 * naming the key.
 */
function wholeSeconds(
  config: Config,
  key: string,
  [min, max]: [number, number],
  fallback: number,
): number {
  const n = config.getOptionalNumber(key);
  if (n === undefined) return fallback;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new InputError(
      `Invalid config ${key}: ${n}; must be a whole number of seconds from ${min} to ${max}`,
    );
  }
  return n;
}

/** `cloudflare.cache.maxStaleSeconds`: 0-604800, default 86400 (see config.d.ts). */
export function readMaxStaleSeconds(config: Config): number {
  return wholeSeconds(
    config,
    'cloudflare.cache.maxStaleSeconds',
    [0, 604_800],
    DEFAULT_MAX_STALE_SECONDS,
  );
}

/** Default of `cloudflare.permissions.decisionCacheSeconds`. */
export const DEFAULT_DECISION_CACHE_SECONDS = 5;

/** `cloudflare.permissions.decisionCacheSeconds`: 0-30, default 5 (see config.d.ts). */
export function readDecisionCacheSeconds(config: Config): number {
  return wholeSeconds(
    config,
    'cloudflare.permissions.decisionCacheSeconds',
    [0, 30],
    DEFAULT_DECISION_CACHE_SECONDS,
  );
}

/** Default of `cloudflare.evidence.maxScope`. */
export const DEFAULT_EVIDENCE_MAX_SCOPE = 20;

/** `cloudflare.evidence.maxScope`: 1-100, default 20. Out of range fails at start-up. */
export function readEvidenceMaxScope(config: Config): number {
  const n = config.getOptionalNumber('cloudflare.evidence.maxScope');
  if (n === undefined) return DEFAULT_EVIDENCE_MAX_SCOPE;
  if (!Number.isInteger(n) || n < 1 || n > 100) {
    throw new InputError(
      `Invalid config cloudflare.evidence.maxScope: ${n}; must be a whole number from 1 to 100`,
    );
  }
  return n;
}

/**
 * `cloudflare.permissions.trustedServices`: service principal subjects allowed unmasked reads and
 * the evidence routes (default none). Each must be a non-empty string.
 */
export function readTrustedServices(config: Config): Set<string> {
  const list =
    config.getOptionalStringArray('cloudflare.permissions.trustedServices') ??
    [];
  for (const s of list) {
    if (!s.trim()) {
      throw new InputError(
        'Invalid config cloudflare.permissions.trustedServices: entries must be non-empty subjects such as plugin:scaffolder',
      );
    }
  }
  return new Set(list);
}
