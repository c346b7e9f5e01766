import { BasicPermission } from '@backstage/plugin-permission-common';
import { JsonObject, JsonValue } from '@backstage/types';
import {
  cloudflareExportEvidencePermission,
  cloudflareReadUnmaskedPermission,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { Request, Response } from 'express';
import {
  callerRef,
  requirePermissions,
  RouteContext,
} from '../service/context';
import { toHttpError } from '../service/errors';
import { CloudflareReader, View } from '../service/reader';
import { EvidenceRecord, StoredEvidence } from './EvidenceStore';
import { buildEvidenceSnapshot, EvidenceKind } from './snapshot';

/** Header carrying the hex SHA-256 of a downloaded snapshot. */
export const EVIDENCE_SHA256_HEADER = 'x-cloudflare-evidence-sha256';

/** Options of {@link exportEvidence}. */
export interface ExportEvidenceOptions {
  kind: EvidenceKind;
  scope: JsonObject;
  view: View;
  /** Read permissions of the areas the snapshot reads, besides `cloudflare.export.evidence`. */
  readPermissions: BasicPermission[];
  /** Reads the data, fresh (not from the cache: `collectedAt` must be true). */
  collect: (reader: CloudflareReader) => Promise<JsonValue>;
  what: string;
}

/** Sends a stored snapshot: its exact bytes as an attachment, with the hash in headers. */
export function sendEvidence(res: Response, stored: StoredEvidence) {
  res.setHeader('Content-Type', 'application/json');
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="cloudflare-evidence-${stored.kind}-${stored.id}.json"`,
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
 * Creates one evidence snapshot: checks `cloudflare.export.evidence` and the areas' read
 * permissions, reads the data, masks it for the view, stores the canonical bytes in the chain and
 * records an `evidence-export` audit event (failed when anything above fails).
 */
export async function exportEvidence(
  ctx: RouteContext,
  req: Request,
  options: ExportEvidenceOptions,
): Promise<StoredEvidence> {
  const credentials = await ctx.httpAuth.credentials(req);
  await requirePermissions(ctx, credentials, [
    cloudflareExportEvidencePermission,
    ...options.readPermissions,
    ...(options.view === 'unmasked' ? [cloudflareReadUnmaskedPermission] : []),
  ]);
  const event = await ctx.auditor.createEvent({
    eventId: 'evidence-export',
    severityLevel: 'medium',
    request: req,
    meta: {
      actionType: 'create',
      kind: options.kind,
      scope: options.scope,
      view: options.view,
    },
  });
  try {
    const raw = await options.collect(ctx.reader).catch(e => {
      throw toHttpError(e, options.what);
    });
    const { value, redactions } = ctx.reader.mask(raw, options.view);
    const userEntityRef = callerRef(credentials);
    const snapshot = buildEvidenceSnapshot({
      kind: options.kind,
      accountId: ctx.reader.accountId,
      scope: { ...options.scope, view: options.view },
      collectedAt: ctx.now(),
      userEntityRef,
      suite: ctx.suite,
      data: value,
      redactions,
    });
    const record: EvidenceRecord = await ctx.evidence.append(
      snapshot,
      userEntityRef,
    );
    await event.success({ meta: { id: record.id, sha256: record.sha256 } });
    return { ...record, bytes: snapshot.bytes };
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
