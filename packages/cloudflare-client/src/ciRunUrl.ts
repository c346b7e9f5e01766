import type { Redactor } from './redaction';

/**
 * How CI links read from Cloudflare (a `run=` URL in a version's message, Workers Builds'
 * `pull_request_url`) are cleaned before they leave the client: `cloudflare.provenance.ciRunUrl.*`.
 *
 * @public
 */
export interface CiRunUrlPolicy {
  /**
   * Hosts (lower case, exact match) whose query strings are kept. Parameters whose name or value
   * looks like a credential are still dropped. Every other host loses its query string.
   */
  allowQueryHosts: readonly string[];
}

/**
 * The default policy: no host keeps its query string.
 *
 * @public
 */
export const DEFAULT_CI_RUN_URL_POLICY: CiRunUrlPolicy = {
  allowQueryHosts: [],
};

/**
 * Result of {@link sanitizeCiRunUrl}.
 *
 * @public
 */
export interface SanitizedUrl {
  /** The URL to keep, or undefined when the whole URL was refused. */
  url?: string;
  /** How many parts were dropped (a refused URL, a query string or parameter, a fragment). */
  redacted: number;
}

/**
 * Cleans one CI link. A URL that is not `https:`, has no host, or carries a user name or password
 * is refused whole (counted once). A fragment is always dropped; a query string is dropped unless
 * the host is in `allowQueryHosts`, where only the parameters that look like credentials (by name or
 * value, per `redactor`) are dropped. Each dropped part counts one. A URL with nothing to drop is
 * returned exactly as given.
 *
 * @public
 */
export function sanitizeCiRunUrl(
  raw: string | null | undefined,
  policy: CiRunUrlPolicy = DEFAULT_CI_RUN_URL_POLICY,
  redactor?: Redactor,
): SanitizedUrl {
  if (!raw) return { redacted: 0 };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { redacted: 0 };
  }
  if (url.protocol !== 'https:' || !url.hostname) return { redacted: 0 };
  if (url.username || url.password || /^[^/]*\/\/[^/]*@/.test(raw)) {
    return { redacted: 1 };
  }
  let redacted = 0;
  if (url.hash) {
    url.hash = '';
    redacted += 1;
  }
  if (url.search) {
    if (policy.allowQueryHosts.includes(url.hostname.toLowerCase())) {
      const kept = new URLSearchParams();
      for (const [name, value] of url.searchParams) {
        if (redactor?.reasonFor(name, value)) redacted += 1;
        else kept.append(name, value);
      }
      url.search = kept.toString();
    } else {
      url.search = '';
      redacted += 1;
    }
  }
  return { url: redacted > 0 ? url.toString() : raw, redacted };
}
