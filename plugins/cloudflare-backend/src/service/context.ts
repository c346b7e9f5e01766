import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { JsonValue } from '@backstage/types';
import {
  CloudflareAreaId,
  cloudflareReadPermissions,
  cloudflareReadUnmaskedPermission,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { Request } from 'express';
import { EvidenceStore } from '../evidence/EvidenceStore';
import { canonicalJson } from '../evidence/canonicalJson';
import { CachedRead } from './cachedRead';
import { toHttpError } from './errors';
import { CloudflareReader, View } from './reader';
import { requireUserPrincipal, TrustedServices } from './principals';
import { auditedRequest, pseudonymizeArgs } from './personalData';

/** What every route file gets. */
export interface RouteContext {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  reader: CloudflareReader;
  cachedRead: CachedRead;
  evidence: EvidenceStore;
  suite: { name: string; version: string };
  /** Most resources of each kind one provenance snapshot may name. */
  evidenceMaxScope: number;
  /** Service principals allowed privileged calls (see `requireUserPrincipal`). */
  trustedServices: TrustedServices;
  /** Clock of evidence snapshots. */
  now: () => Date;
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

/** Options of {@link readArea}. */
export interface AreaReadOptions<T extends JsonValue> {
  area: CloudflareAreaId;
  /** Operation name, part of the cache key and the audit metadata. */
  op: string;
  /**
   * Arguments of the read, part of the cache key and the audit metadata, personal members (see
   * `personalData.ts`) pseudonymized in both.
   */
  args: JsonValue;
  /** Names the resource in error messages, e.g. `Worker script 'acme-api'`. */
  what: string;
  view: View;
  load: (reader: CloudflareReader) => Promise<T>;
}

/**
 * The one read path: caller -> `cloudflare.read.<area>` (and, for the unmasked view, which is
 * audited, a user principal or a trusted service and `cloudflare.read.unmasked`) -> cache with
 * in-flight sharing -> client -> mask -> JSON.
 */
export async function readArea<T extends JsonValue>(
  ctx: RouteContext,
  req: Request,
  options: AreaReadOptions<T>,
): Promise<{ value: T; redactions: Record<string, number> }> {
  const credentials = await ctx.httpAuth.credentials(req);
  const needed = [cloudflareReadPermissions[options.area]];
  if (options.view === 'unmasked') {
    requireUserPrincipal(ctx.trustedServices, credentials, 'the unmasked view');
    needed.push(cloudflareReadUnmaskedPermission);
  }
  await requirePermissions(ctx, credentials, needed);
  const args = pseudonymizeArgs(options.args);

  const event =
    options.view === 'unmasked'
      ? await ctx.auditor.createEvent({
          eventId: 'unmasked-read',
          severityLevel: 'medium',
          request: auditedRequest(req),
          meta: { queryType: options.op, area: options.area, args },
        })
      : undefined;
  try {
    const key = `cloudflare:v1:${ctx.reader.accountId}:${options.area}:${
      options.op
    }:${canonicalJson(args)}`;
    const raw = await ctx.cachedRead(key, () =>
      options.load(ctx.reader).catch(e => {
        throw toHttpError(e, options.what);
      }),
    );
    const masked = ctx.reader.mask(raw, options.view);
    await event?.success();
    return masked;
  } catch (error) {
    await event?.fail({ error: error as Error });
    throw error;
  }
}
