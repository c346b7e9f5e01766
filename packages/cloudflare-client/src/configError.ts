/**
 * A configuration error found at start-up. Its message names the key, never the value.
 *
 * @public
 */
export class CloudflareConfigError extends Error {
  /** The full config key, e.g. `cloudflare.fetch.timeoutMs`. */
  readonly key: string;
  constructor(key: string, problem: string) {
    super(`Invalid Cloudflare configuration at '${key}': ${problem}`);
    this.name = 'CloudflareConfigError';
    this.key = key;
  }
}
