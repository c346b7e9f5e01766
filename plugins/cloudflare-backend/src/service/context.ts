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
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import {
  CloudflareAreaId,
  CloudflareTagMatcher,
  CloudflareView,
  cloudflareReadPermissions,
  cloudflareReadUnmaskedPermission,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { EvidenceStore } from '../evidence/EvidenceStore';
import { CachedRead } from './cachedRead';
import { requireUserPrincipal, TrustedServices } from './principals';

/** What every route file gets. */
export interface RouteContext {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  /** The Cloudflare client: the one seam between the routes and Cloudflare. */
  client: CloudflareClient;
  cachedRead: CachedRead;
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
 * the permission.
 */
export async function requirePermissions(
  ctx: Pick<RouteContext, 'permissions'>,
  credentials: BackstageCredentials,
  permissions: BasicPermission[],
): Promise<void> {
  const decisions = await ctx.permissions.authorize(
    permissions.map(permission => ({ permission })),
    { credentials },
  );
  decisions.forEach((d, i) => {
    if (d.result !== AuthorizeResult.ALLOW) {
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
  ctx: Pick<RouteContext, 'permissions' | 'trustedServices'>,
  credentials: BackstageCredentials,
  area: CloudflareAreaId,
  view: CloudflareView,
): Promise<void> {
  const needed = [cloudflareReadPermissions[area]];
  if (view === 'unmasked') {
    requireUserPrincipal(ctx.trustedServices, credentials, 'the unmasked view');
    needed.push(cloudflareReadUnmaskedPermission);
  }
  await requirePermissions(ctx, credentials, needed);
}
