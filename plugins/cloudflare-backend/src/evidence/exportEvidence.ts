import { auditedRequest } from '../service/personalData';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { JsonObject, JsonValue } from '@backstage/types';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import {
  CloudflareView,
  cloudflareExportEvidencePermission,
  cloudflareReadUnmaskedPermission,
  maskValue,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { Request, Response } from 'express';
import { pickAccount } from '../service/accounts';
import { callerRef, RouteContext } from '../service/context';
import { toHttpError } from '../service/errors';
import { requireEvidenceCaller } from './access';
import { evidenceFileName } from './signing/statement';
import { EvidenceRecord, StoredEvidence } from './EvidenceStore';
import { EVIDENCE_KINDS } from './kinds';
import { EvidenceKindDescriptor } from './kinds/types';
import {
  buildEvidenceSnapshot,
  EvidenceKind,
  EvidencePopulation,
} from './snapshot';

/** Header carrying the hex SHA-256 of a downloaded snapshot. */
export const EVIDENCE_SHA256_HEADER = 'x-cloudflare-evidence-sha256';

/**
 * What a snapshot's collector read: the data (wire values, masked for the view by their wire
 * types), how much of the source it holds and how many values were masked per path.
 */
export interface CollectedEvidence {
  data: JsonValue;
  population: EvidencePopulation;
  masked: Record<string, number>;
}

/** Options of {@link exportEvidence}. */
export interface ExportEvidenceOptions {
  kind: EvidenceKind;
  scope: JsonObject;
  view: CloudflareView;
  /** Read permissions of the areas the snapshot reads, besides `cloudflare.export.evidence`. */
  readPermissions: BasicPermission[];
  /** Reads the data through the client, fresh (not from the cache: `collectedAt` must be true). */
  collect: (client: CloudflareClient) => Promise<CollectedEvidence>;
  what: string;
  /** The account read (`?account=`: config id or Cloudflare account id; else the only one). */
  account?: string;
}

/** Sends a stored snapshot: its exact bytes as an attachment, with the hash in headers. */
export function sendEvidence(res: Response, stored: StoredEvidence) {
  res.setHeader('Content-Type', 'application/json');
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${evidenceFileName(stored.kind, stored.id)}"`,
  );
  res.setHeader(EVIDENCE_SHA256_HEADER, stored.sha256);
  res.setHeader(
    'Content-Digest',
    `sha-256=:${Buffer.from(stored.sha256, 'hex').toString('base64')}:`,
  );
  res.setHeader('Cache-Control', 'no-store');
  res.send(stored.bytes);
}

/**
 * The scope with its personal data (the `actor` e-mail filter) masked as the masked view masks
 * e-mails. Masked snapshots and every audit event carry this form.
 */
function maskedScope(scope: JsonObject): JsonObject {
  if (typeof scope.actor !== 'string') return scope;
  return { ...scope, actor: maskValue(scope.actor) };
}

/** Who asks for a snapshot: the caller's credentials, and the HTTP request when there is one. */
export interface EvidenceCaller {
  credentials: BackstageCredentials;
  /** The request, for the audit record; absent for an action, whose caller `meta` names. */
  request?: Request;
}

/**
 * Creates one evidence snapshot: checks the caller is a user (or a trusted service) holding
 * `cloudflare.export.evidence`, the areas' read permissions (and `cloudflare.read.unmasked` for the
 * unmasked view), reads the data, masks it for the view, stores the canonical bytes in the chain
 * and records an `evidence-export` audit event with the new chain head (failed when anything
 * above fails).
 */
export async function exportEvidence(
  ctx: RouteContext,
  { credentials, request }: EvidenceCaller,
  options: ExportEvidenceOptions,
): Promise<StoredEvidence> {
  await requireEvidenceCaller(ctx, credentials, [
    cloudflareExportEvidencePermission,
    ...options.readPermissions,
    ...(options.view === 'unmasked' ? [cloudflareReadUnmaskedPermission] : []),
  ]);
  const account = pickAccount(ctx.clients, options.account);
  // The scope names the account read: its config id and its Cloudflare account id.
  const scope: JsonObject = {
    ...options.scope,
    account: { id: account.id, accountId: account.accountId },
  };
  const auditScope = maskedScope(scope);
  const event = await ctx.auditor.createEvent({
    eventId: 'evidence-export',
    severityLevel: 'medium',
    request: request && auditedRequest(request),
    meta: {
      ...(request ? {} : { via: 'action', actor: callerRef(credentials) }),
      actionType: 'create',
      kind: options.kind,
      scope: auditScope,
      view: options.view,
    },
  });
  try {
    const collected = await options.collect(account.client).catch(e => {
      throw toHttpError(e, options.what);
    });
    const userEntityRef = callerRef(credentials);
    const snapshot = buildEvidenceSnapshot({
      kind: options.kind,
      accountId: account.accountId,
      scope: {
        ...(options.view === 'masked' ? auditScope : scope),
        view: options.view,
      },
      collectedAt: ctx.now(),
      userEntityRef,
      suite: ctx.suite,
      data: collected.data,
      population: collected.population,
      redactions: collected.masked,
    });
    const record: EvidenceRecord = await ctx.evidence.append(
      snapshot,
      userEntityRef,
    );
    await event.success({
      meta: {
        id: record.id,
        sha256: record.sha256,
        chainHead: { seq: record.seq, chainSha256: record.chainSha256 },
      },
    });
    return { ...record, bytes: snapshot.bytes };
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}

/** The request parts a kind's scope is read from (an action passes its `scope` as each). */
export type EvidenceScopeSource = Pick<Request, 'params' | 'query' | 'body'>;

/**
 * Creates a snapshot of `kind` whose scope the kind reads from `source`: what every export route
 * and the export action run ({@link exportEvidence} with the kind's permissions and collector).
 */
export async function exportEvidenceOfKind(
  ctx: RouteContext,
  caller: EvidenceCaller,
  kind: EvidenceKind,
  source: EvidenceScopeSource,
  view: CloudflareView,
  account?: string,
): Promise<StoredEvidence> {
  const desc = EVIDENCE_KINDS[kind] as unknown as EvidenceKindDescriptor;
  const scope = desc.scope(source as Request, ctx);
  return exportEvidence(ctx, caller, {
    kind,
    scope,
    view,
    readPermissions: desc.readPermissions(scope),
    what: desc.what,
    account,
    collect: client => desc.collect(client, scope, view),
  });
}
