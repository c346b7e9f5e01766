import { Config } from '@backstage/config';
import { CiRunUrlPolicy } from './ciRunUrl';
import { DEFAULT_REDACTION_RULES, RedactionRules } from './redaction';
import { CloudflareConfigError } from './configError';
import {
  CallBudgetOptions,
  CircuitBreakerOptions,
  readBreakerOptions,
  readBudgetOptions,
} from './budget/budgetConfig';

export { CloudflareConfigError };

/**
 * The connection settings of a {@link (CloudflareClient:class)}, as read from `cloudflare.*`.
 *
 * @public
 */
export interface CloudflareClientConfig {
  /** `cloudflare.accountId`: 32 hex characters. */
  accountId: string;
  /** `cloudflare.apiToken`. Never logged or put into an error message. */
  apiToken: string;
  /**
   * `cloudflare.apiBaseUrl`: Cloudflare's v4 base URL, {@link DEFAULT_API_BASE_URL} when absent. Always
   * passed to the SDK, so `CLOUDFLARE_BASE_URL` in the environment is never used.
   */
  apiBaseUrl?: string;
  /** `cloudflare.fetch.timeoutMs`: per-request timeout, default 15000. */
  timeoutMs: number;
  /** `cloudflare.fetch.maxRetries`: retries of 408/409/429/5xx/timeouts, default 3. */
  maxRetries: number;
  /** `cloudflare.fetch.backoff`: only `jitter` (the SDK's exponential backoff with jitter). */
  backoff: 'jitter';
  /** `cloudflare.redaction.*` added to the defaults. */
  redaction: RedactionRules;
  /** `cloudflare.provenance.ciRunUrl.*`: how CI links are cleaned; none keep a query by default. */
  ciRunUrl?: CiRunUrlPolicy;
  /** Settings of areas whose facts Cloudflare does not expose (`cloudflare.<area>.*`). */
  areaSettings?: CloudflareClientAreaSettings;
  /** `cloudflare.budget.*` (an account entry's `budget` keys win): the default budget's options. */
  budget?: CallBudgetOptions;
  /** `cloudflare.breaker.*`: the default breaker's options. */
  breaker?: CircuitBreakerOptions;
}

/**
 * Facts of an area Cloudflare has no API for, from configuration (`cloudflare.<area>.*`).
 *
 * @public
 */
export interface CloudflareClientAreaSettings {
  /** `cloudflare.browserRendering.*`. */
  browserRendering?: {
    /** Name of the account's Browser Rendering `Resource` (`cf-browser-rendering-<name>`). */
    name?: string;
    /** The account's Workers plan, whose documented Browser Rendering limits apply. */
    plan?: 'free' | 'paid';
  };
}

/**
 * Default per-request timeout, in milliseconds.
 *
 * @public
 */
export const DEFAULT_TIMEOUT_MS = 15_000;
/**
 * Default number of retries.
 *
 * @public
 */
export const DEFAULT_MAX_RETRIES = 3;

/**
 * Cloudflare's v4 API base URL, used when `cloudflare.apiBaseUrl` is absent.
 *
 * @public
 */
export const DEFAULT_API_BASE_URL = 'https://api.cloudflare.com/client/v4';

const BASE_URL_KEY = 'cloudflare.apiBaseUrl';

/** True for 127.0.0.0/8, `::1` and `localhost` (the WHATWG URL parser normalises the spellings). */
function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return (
    host === 'localhost' ||
    host === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

/** `cloudflare.apiBaseUrl`, checked by {@link checkApiBaseUrl}. */
function readApiBaseUrl(cf: Config): string {
  const raw = read(BASE_URL_KEY, () => cf.getOptionalString('apiBaseUrl'));
  return raw === undefined ? DEFAULT_API_BASE_URL : checkApiBaseUrl(raw);
}

/**
 * Checks a Cloudflare API base URL: `https:` (plain `http:` only for a loopback host: 127.0.0.0/8,
 * `::1`, `localhost`), no user name or password, no query or fragment. Returns it without trailing
 * slashes; throws a {@link CloudflareConfigError} naming `cloudflare.apiBaseUrl`, never the value.
 *
 * @public
 */
export function checkApiBaseUrl(raw: string): string {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || !url.hostname) {
    throw new CloudflareConfigError(BASE_URL_KEY, 'must be an https URL');
  }
  if (url.username || url.password) {
    throw new CloudflareConfigError(
      BASE_URL_KEY,
      'must not carry a user name or password',
    );
  }
  const loopbackHttp = url.protocol === 'http:' && isLoopback(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) {
    throw new CloudflareConfigError(
      BASE_URL_KEY,
      'must be an https URL (http only for a loopback host)',
    );
  }
  if (url.search || url.hash) {
    throw new CloudflareConfigError(
      BASE_URL_KEY,
      'must not carry a query string or fragment',
    );
  }
  return raw.replace(/\/+$/, '');
}

/** `cloudflare.browserRendering.{name,plan}`, checked. */
function readAreaSettings(cf: Config): CloudflareClientAreaSettings {
  const nameKey = 'cloudflare.browserRendering.name';
  const planKey = 'cloudflare.browserRendering.plan';
  const name = read(nameKey, () =>
    cf.getOptionalString('browserRendering.name'),
  );
  if (name !== undefined && !/^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/.test(name))
    throw new CloudflareConfigError(
      nameKey,
      'must be lower-case letters, digits and - (at most 40)',
    );
  const plan = read(planKey, () =>
    cf.getOptionalString('browserRendering.plan'),
  );
  if (plan !== undefined && plan !== 'free' && plan !== 'paid')
    throw new CloudflareConfigError(planKey, "must be 'free' or 'paid'");
  return name === undefined && plan === undefined
    ? {}
    : { browserRendering: { name, plan } };
}

/** `cloudflare.provenance.ciRunUrl.allowQueryHosts`: host names, lower-cased. */
function readCiRunUrlPolicy(cf: Config): CiRunUrlPolicy {
  const key = 'cloudflare.provenance.ciRunUrl.allowQueryHosts';
  const hosts =
    read(key, () =>
      cf.getOptionalStringArray('provenance.ciRunUrl.allowQueryHosts'),
    ) ?? [];
  return {
    allowQueryHosts: hosts.map((h, i) => {
      const host = h.trim().toLowerCase();
      if (
        !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(
          host,
        )
      ) {
        throw new CloudflareConfigError(`${key}[${i}]`, 'must be a host name');
      }
      return host;
    }),
  };
}

function read<T>(key: string, fn: () => T): T {
  try {
    return fn();
  } catch {
    // Backstage's messages name the key too, but may quote values on some type errors: ours never do.
    throw new CloudflareConfigError(key, 'missing or of the wrong type');
  }
}

function int(
  config: Config,
  key: string,
  fullKey: string,
  def: number,
  min: number,
  max: number,
): number {
  const v = read(fullKey, () => config.getOptionalNumber(key));
  if (v === undefined) return def;
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new CloudflareConfigError(
      fullKey,
      `must be a whole number from ${min} to ${max}`,
    );
  }
  return v;
}

function patterns(config: Config, key: string, fullKey: string): RegExp[] {
  const list = read(fullKey, () => config.getOptionalStringArray(key)) ?? [];
  return list.map((p, i) => {
    try {
      return new RegExp(p, 'i');
    } catch {
      throw new CloudflareConfigError(
        `${fullKey}[${i}]`,
        'is not a valid regular expression',
      );
    }
  });
}

/**
 * Reads and validates the client's keys from the root config (`cloudflare.*`). Missing or invalid
 * values throw a {@link CloudflareConfigError} naming the key.
 *
 * @public
 */
export function readCloudflareClientConfig(
  rootConfig: Config,
): CloudflareClientConfig {
  const cf = read('cloudflare', () =>
    rootConfig.getOptionalConfig('cloudflare'),
  );
  if (!cf) throw new CloudflareConfigError('cloudflare', 'missing');

  const accountId = read('cloudflare.accountId', () =>
    cf.getOptionalString('accountId'),
  );
  if (!accountId)
    throw new CloudflareConfigError('cloudflare.accountId', 'missing');
  if (!/^[0-9a-f]{32}$/i.test(accountId)) {
    throw new CloudflareConfigError(
      'cloudflare.accountId',
      'must be 32 hexadecimal characters',
    );
  }

  const apiToken = read('cloudflare.apiToken', () =>
    cf.getOptionalString('apiToken'),
  );
  if (!apiToken)
    throw new CloudflareConfigError('cloudflare.apiToken', 'missing');
  if (/\s/.test(apiToken) || apiToken.length < 20) {
    throw new CloudflareConfigError(
      'cloudflare.apiToken',
      'does not look like an API token',
    );
  }

  const apiBaseUrl = readApiBaseUrl(cf);
  const fetchCfg = read('cloudflare.fetch', () =>
    cf.getOptionalConfig('fetch'),
  );
  const timeoutMs = fetchCfg
    ? int(
        fetchCfg,
        'timeoutMs',
        'cloudflare.fetch.timeoutMs',
        DEFAULT_TIMEOUT_MS,
        100,
        300_000,
      )
    : DEFAULT_TIMEOUT_MS;
  const maxRetries = fetchCfg
    ? int(
        fetchCfg,
        'maxRetries',
        'cloudflare.fetch.maxRetries',
        DEFAULT_MAX_RETRIES,
        0,
        10,
      )
    : DEFAULT_MAX_RETRIES;
  const backoff = fetchCfg
    ? read('cloudflare.fetch.backoff', () =>
        fetchCfg.getOptionalString('backoff'),
      )
    : undefined;
  if (backoff !== undefined && backoff !== 'jitter') {
    throw new CloudflareConfigError(
      'cloudflare.fetch.backoff',
      "must be 'jitter'",
    );
  }

  const red = read('cloudflare.redaction', () =>
    cf.getOptionalConfig('redaction'),
  );
  const redaction: RedactionRules = {
    keyNamePatterns: [
      ...DEFAULT_REDACTION_RULES.keyNamePatterns,
      ...(red
        ? patterns(
            red,
            'keyNamePatterns',
            'cloudflare.redaction.keyNamePatterns',
          )
        : []),
    ],
    valuePatterns: [
      ...DEFAULT_REDACTION_RULES.valuePatterns,
      ...(red
        ? patterns(red, 'valuePatterns', 'cloudflare.redaction.valuePatterns')
        : []),
    ],
    highEntropyMinLength: red
      ? int(
          red,
          'highEntropyMinLength',
          'cloudflare.redaction.highEntropyMinLength',
          20,
          8,
          256,
        )
      : 20,
  };

  return {
    accountId,
    apiToken,
    apiBaseUrl,
    timeoutMs,
    maxRetries,
    backoff: 'jitter',
    redaction,
    ciRunUrl: readCiRunUrlPolicy(cf),
    areaSettings: readAreaSettings(cf),
    budget: readBudgetOptions(cf),
    breaker: readBreakerOptions(cf),
  };
}
