import { JsonObject, JsonValue } from '@backstage/types';

/** `masked` (the default) or `unmasked` (needs `cloudflare.read.unmasked`). */
export type View = 'masked' | 'unmasked';

/** Filters of the Access audit read. Times are ISO 8601 UTC. */
export interface AccessAuditFilter {
  actor?: string;
  action?: string;
  target?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

/** One page of Access audit events. */
export interface AccessAuditPage {
  events: JsonValue[];
  /** Cursor of the next page, when there is one. */
  cursor?: string;
  [key: string]: JsonValue | undefined;
}

/**
 * What the router reads from Cloudflare: the slice of the Cloudflare client it uses, so routes
 * depend on this port and tests or other wirings can supply their own. Values are parsed and
 * secret-free (the client drops secret fields); sensitive fields are still present until
 * {@link CloudflareReader.mask} is applied.
 */
export interface CloudflareReader {
  readonly accountId: string;
  workerDeployments(script: string): Promise<JsonValue>;
  pagesDeployments(project: string): Promise<JsonValue>;
  zeroTrustUsers(): Promise<JsonValue>;
  accessAudit(filter: AccessAuditFilter): Promise<AccessAuditPage>;
  /** Masks sensitive fields for the `masked` view; returns the value and what was masked. */
  mask<T extends JsonValue>(
    value: T,
    view: View,
  ): { value: T; redactions: Record<string, number> };
  /** Call counters of the client, for the health route. */
  stats(): JsonObject;
}
