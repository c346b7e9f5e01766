import { Config } from '@backstage/config';
import {
  CloudflareClientConfig,
  DEFAULT_API_BASE_URL,
  checkApiBaseUrl,
  readCloudflareClientConfig,
} from './config';
import { ClientContext, CloudflareClientStats, LoggerLike } from './context';
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
}
