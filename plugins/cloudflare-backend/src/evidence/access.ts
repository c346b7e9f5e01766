import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import {
  cloudflareExportEvidencePermission,
  cloudflareReadPermissions,
  cloudflareReadUnmaskedPermission,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { requirePermissions, RouteContext } from '../service/context';
import { requireUserPrincipal } from '../service/principals';
import { evidenceKindOf } from './kinds';

/** What a stored document says about who may read it: its kind, view and scope. */
interface DocumentHead {
  kind?: unknown;
  scope?: { view?: unknown } & JsonObject;
}

function parseHead(bytes: Buffer): DocumentHead {
  try {
    const doc = JSON.parse(bytes.toString('utf8'));
    return doc && typeof doc === 'object' ? doc : {};
  } catch {
    return {};
  }
}

/**
 * The permissions needed to download a stored snapshot, read from the document itself:
 * `cloudflare.export.evidence`, the read permission of every area it holds, and
 * `cloudflare.read.unmasked` unless its scope says `view: masked`. A document that cannot be
 * read (tampered bytes) or of an unknown kind needs every read permission and unmasked: it fails
 * closed.
 */
export function downloadPermissions(bytes: Buffer): BasicPermission[] {
  const head = parseHead(bytes);
  const scope = head.scope ?? {};
  const kind = evidenceKindOf(head.kind);
  const areas: BasicPermission[] = kind
    ? kind.readPermissions(scope)
    : Object.values(cloudflareReadPermissions);
  return [
    cloudflareExportEvidencePermission,
    ...areas,
    ...(scope.view === 'masked' ? [] : [cloudflareReadUnmaskedPermission]),
  ];
}

/**
 * Gate of the evidence routes: a signed-in user (or a service named in
 * `cloudflare.permissions.trustedServices`) holding `permissions`.
 */
export async function requireEvidenceCaller(
  ctx: RouteContext,
  credentials: BackstageCredentials,
  permissions: BasicPermission[],
): Promise<void> {
  requireUserPrincipal(ctx.trustedServices, credentials, 'evidence');
  await requirePermissions(ctx, credentials, permissions);
}
