import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  DiscoveryService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CloudflareClientsService } from '@cloudflare-backstage/plugin-cloudflare-node';
import {
  CloudflareAreaId,
  CloudflareTagMatcher,
  CloudflareView,
  cloudflareReadPermissions,
  cloudflareReadUnmaskedPermission,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { EvidenceStore } from '../evidence/EvidenceStore';
import { CachedRead } from './cachedRead';
import { PermissionDecisionCache } from './decisionCache';
import { requireUserPrincipal, TrustedServices } from './principals';

/** What every route file gets. */
export interface RouteContext {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  /**
   * The Cloudflare clients, one per configured account (shared with the catalog module and Tech
   * Insights): the one seam between the routes and Cloudflare. A route picks its account with
   * `pickAccount`.
   */
  clients: CloudflareClientsService;
  cachedRead: CachedRead;
  /** Short-lived permission decisions per principal and permission (`decisionCacheSeconds`). */
  decisions: PermissionDecisionCache;
  evidence: EvidenceStore;
  suite: { name: string; version: string };
  /** Most resources of each kind one provenance snapshot may name. */
  evidenceMaxScope: number;
  /** Service principals allowed privileged calls (see `requireUserPrincipal`). */
  trustedServices: TrustedServices;
  /** Clock of evidence snapshots and of `fetchedAt`. */
  now: () => Date;
  /** The catalog, read with the caller's credentials (acceptance figures). */
  catalog: CatalogService;
  /** The tag of regulated R2 buckets (`techInsights.cloudflare.r2.regulatedTag`). */
  r2RegulatedTag: CloudflareTagMatcher;
  /** Other plugins' URLs and tokens on behalf of the caller (Tech Insights for the OSCAL export). */
  discovery: DiscoveryService;
  auth: AuthService;
}

/** Entity ref of the caller, for evidence records and audit metadata. */
export function callerRef(credentials: BackstageCredentials): string {
  const p = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (p.type === 'user' && p.userEntityRef) return p.userEntityRef;
  if (p.type === 'service' && p.subject) return p.subject;
  return 'unknown';
}

/**
 * Authorizes a set of permissions in one call; the first DENY becomes a `NotAllowedError` naming
 * the permission. With `decisions` (reads only), a decision the cache holds for the principal is
 * used instead of asking the permission service again.
 */
export async function requirePermissions(
  ctx: Pick<RouteContext, 'permissions'>,
  credentials: BackstageCredentials,
  permissions: BasicPermission[],
  decisions?: PermissionDecisionCache,
): Promise<void> {
  const results = decisions
    ? await decisions.authorize(ctx.permissions, credentials, permissions)
    : (
        await ctx.permissions.authorize(
          permissions.map(permission => ({ permission })),
          { credentials },
        )
      ).map(d => d.result);
  results.forEach((result, i) => {
    if (result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Not allowed: missing permission '${permissions[i].name}'`,
      );
    }
  });
}

/**
 * Authorizes a read of `area`: `cloudflare.read.<area>` and, for the unmasked view (which is
 * audited), a user principal or a trusted service and `cloudflare.read.unmasked`.
 */
export async function authorizeRead(
  ctx: Pick<RouteContext, 'permissions' | 'trustedServices' | 'decisions'>,
  credentials: BackstageCredentials,
  area: CloudflareAreaId,
  view: CloudflareView,
): Promise<void> {
  const needed = [cloudflareReadPermissions[area]];
  if (view === 'unmasked') {
    requireUserPrincipal(ctx.trustedServices, credentials, 'the unmasked view');
    needed.push(cloudflareReadUnmaskedPermission);
  }
  // The unmasked view (audited, rarely asked) is decided afresh every time.
  await requirePermissions(
    ctx,
    credentials,
    needed,
    view === 'masked' ? ctx.decisions : undefined,
  );
}
