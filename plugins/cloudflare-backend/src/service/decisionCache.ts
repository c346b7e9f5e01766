import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';

/** Most principal/permission sets the cache holds before it drops them all. */
const MAX_ENTRIES = 10_000;

type Decision = AuthorizeResult.ALLOW | AuthorizeResult.DENY;

/**
 * The principal a decision was made for: a user (with the service acting for it, if any) or a
 * service (with its access restrictions). Undefined for no principal: never cached.
 */
export function principalKey(
  credentials: BackstageCredentials,
): string | undefined {
  const p = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
    actor?: { subject?: string };
    accessRestrictions?: unknown;
  };
  if (p.type === 'user' && p.userEntityRef) {
    return `user\u0000${p.userEntityRef}\u0000${p.actor?.subject ?? ''}`;
  }
  if (p.type === 'service' && p.subject) {
    return `service\u0000${p.subject}\u0000${JSON.stringify(
      p.accessRestrictions ?? null,
    )}`;
  }
  return undefined;
}

/**
 * Permission decisions of read routes, kept a few seconds per principal and set of permissions
 * (`cloudflare.permissions.decisionCacheSeconds`, default 5; 0 turns it off): a user paging
 * through a card makes one permission round trip per few seconds instead of one per request.
 * Identical concurrent checks share one round trip. A revoked permission therefore keeps allowing
 * reads for at most those seconds; the unmasked view and the evidence routes never use it.
 */
export class PermissionDecisionCache {
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly entries = new Map<
    string,
    { results: Decision[]; expires: number }
  >();
  private readonly inFlight = new Map<string, Promise<Decision[]>>();
  /** Decisions answered from the cache, and round trips made (for tests and the README figures). */
  readonly stats = { hits: 0, calls: 0 };

  constructor(options: { ttlSeconds: number; now?: () => number }) {
    this.ttlMs = options.ttlSeconds * 1000;
    this.now = options.now ?? Date.now;
  }

  /** The decision of each permission for the caller, in order. */
  async authorize(
    permissions: PermissionsService,
    credentials: BackstageCredentials,
    needed: BasicPermission[],
  ): Promise<Decision[]> {
    const principal = this.ttlMs > 0 ? principalKey(credentials) : undefined;
    if (principal === undefined) {
      return this.ask(permissions, credentials, needed);
    }
    const key = `${principal}\u0000${needed.map(p => p.name).join(',')}`;
    const hit = this.entries.get(key);
    if (hit && hit.expires > this.now()) {
      this.stats.hits += 1;
      return hit.results;
    }
    const pending = this.inFlight.get(key);
    if (pending) {
      this.stats.hits += 1;
      return pending;
    }
    const promise = this.ask(permissions, credentials, needed);
    this.inFlight.set(key, promise);
    try {
      const results = await promise;
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { results, expires: this.now() + this.ttlMs });
      return results;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private async ask(
    permissions: PermissionsService,
    credentials: BackstageCredentials,
    needed: BasicPermission[],
  ): Promise<Decision[]> {
    this.stats.calls += 1;
    const decisions = await permissions.authorize(
      needed.map(permission => ({ permission })),
      { credentials },
    );
    return decisions.map(d =>
      d.result === AuthorizeResult.ALLOW
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    );
  }
}
