import { Config } from '@backstage/config';
import {
  CloudflareClientConfig,
  DEFAULT_API_BASE_URL,
  checkApiBaseUrl,
  readCloudflareClientConfig,
} from './config';
import {
  BackgroundOptions,
  ClientContext,
  CloudflareClientStats,
  LoggerLike,
} from './context';
import { CallBudget, CallBudgetSnapshot } from './budget/CallBudget';
import { CircuitBreaker, CircuitBreakerState } from './budget/CircuitBreaker';
import { Redactor } from './redaction';
import { CLOUDFLARE_CLIENT_AREAS, CloudflareClientAreas } from './areas';

/**
 * Options of {@link (CloudflareClient:class).fromConfig} and the constructor.
 *
 * @public
 */
export interface CloudflareClientOptions {
  /** Where the client logs (at debug level: failures; at warn level: degraded reads). */
  logger?: LoggerLike;
  /**
   * The `fetch` the SDK uses; `globalThis.fetch` by default. A seam for tests and proxies: it sees
   * the request headers, so never log them.
   */
  fetch?: typeof fetch;
  /** Extra request headers, e.g. the demo account's `cf-demo-fault` in tests. */
  defaultHeaders?: Record<string, string>;
  /**
   * The call budget of the client's API token. Share one between the clients of one token.
   * Default: a new one from the client config's `budget` (`cloudflare.budget.*`).
   */
  budget?: CallBudget;
  /**
   * The circuit breaker of the client's account. Default: a new one from the client config's
   * `breaker` (`cloudflare.breaker.*`).
   */
  breaker?: CircuitBreaker;
}

/**
 * What {@link (CloudflareClient:class).health} returns: no secret, safe to show.
 *
 * @public
 */
export interface CloudflareClientHealth {
  /** The Cloudflare account the client reads. */
  accountId: string;
  /** The call budget of the client's API token. */
  budget: CallBudgetSnapshot;
  /** The circuit breaker of the account. */
  breaker: CircuitBreakerState;
  /** HTTP requests sent to Cloudflare, retries included. */
  calls: number;
  /** The same, per area. */
  callsByArea: Record<string, number>;
}

/**
 * The areas of {@link (CloudflareClient:class)}, one typed property per entry of the client's area table.
 *
 * @public
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface CloudflareClient extends CloudflareClientAreas {}

/**
 * The typed, read-only Cloudflare client of the suite: one property per product area, every read
 * zod-parsed (unknown fields dropped, secret fields never kept, credential-like values redacted and
 * counted), every failure a `CloudflareApiError`.
 *
 * @example
 * ```ts
 * const client = CloudflareClient.fromConfig(config, { logger });
 * const deployments = await client.workers.listDeploymentsWithProvenance('acme-api');
 * ```
 *
 * @public
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class CloudflareClient {
  private readonly ctx: ClientContext;

  /**
   * Reads `cloudflare.*` (see `config.d.ts`) and builds a client. Missing or invalid keys throw a
   * `CloudflareConfigError` naming the key.
   */
  static fromConfig(
    config: Config,
    options: CloudflareClientOptions = {},
  ): CloudflareClient {
    return new CloudflareClient(readCloudflareClientConfig(config), options);
  }

  constructor(
    config: CloudflareClientConfig,
    options: CloudflareClientOptions = {},
  ) {
    this.accountId = config.accountId;
    this.ctx = new ClientContext(
      config.accountId,
      [config.apiToken],
      new Redactor(config.redaction, config.ciRunUrl),
      options.logger,
      {
        apiToken: config.apiToken,
        apiKey: null,
        apiEmail: null,
        userServiceKey: null,
        // Always explicit: the SDK would otherwise read CLOUDFLARE_BASE_URL from the environment.
        baseURL: checkApiBaseUrl(config.apiBaseUrl ?? DEFAULT_API_BASE_URL),
        timeout: config.timeoutMs,
        maxRetries: config.maxRetries,
        fetch: options.fetch,
        defaultHeaders: options.defaultHeaders,
      },
      config.areaSettings,
      {
        budget: options.budget ?? new CallBudget(config.budget),
        breaker: options.breaker ?? new CircuitBreaker(config.breaker),
      },
    );
    for (const [key, Api] of Object.entries(CLOUDFLARE_CLIENT_AREAS)) {
      Object.defineProperty(this, key, {
        value: new Api(this.ctx),
        enumerable: true,
      });
    }
  }

  /** The Cloudflare account the client reads. */
  readonly accountId: string;

  /** Upstream calls (retries included), errors and redactions so far, per area. */
  stats(): CloudflareClientStats {
    return this.ctx.stats();
  }

  /** Resets the counters of {@link (CloudflareClient:class).stats}. */
  resetStats(): void {
    this.ctx.resetStats();
  }

  /**
   * Runs `fn` with every call it makes at background priority: calls wait for budget (first come,
   * first served) and never take the share kept for routes; past `deadline` (or when `signal`
   * aborts) a call fails with kind `budget`. Outside it every call is interactive.
   *
   * @example
   * ```ts
   * const scripts = await client.inBackground(() => client.workers.listScripts(), {
   *   deadline: Date.now() + 60_000,
   * });
   * ```
   */
  inBackground<T>(
    fn: () => Promise<T>,
    options: BackgroundOptions = {},
  ): Promise<T> {
    return this.ctx.inBackground(fn, options);
  }

  /** Budget, breaker and call counts now; no secret. */
  health(): CloudflareClientHealth {
    const stats = this.ctx.stats();
    return {
      accountId: this.accountId,
      budget: this.ctx.budget.snapshot(),
      breaker: this.ctx.breaker.state(),
      calls: stats.calls,
      callsByArea: stats.callsByArea,
    };
  }
}
