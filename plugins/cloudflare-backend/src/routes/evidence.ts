import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Router } from 'express';
import { z } from 'zod';
import {
  boundedIntParam,
  cloudflareExportEvidencePermission,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { RouteContext } from '../service/context';
import { parseInput } from '../service/validation';
import { sendEvidence } from '../evidence/exportEvidence';
import { downloadPermissions, requireEvidenceCaller } from '../evidence/access';
import { EVIDENCE_KIND_IDS } from '../evidence/kinds';
import { EvidenceVerification } from '../evidence/EvidenceStore';
import { registerEvidenceExportRoutes } from './evidenceExports';
import { registerEvidenceSigningRoutes } from './evidenceSigning';
import { registerEvidenceDiffRoute } from './evidenceDiff';

/** Largest `seq` the column holds (a 32-bit signed integer on PostgreSQL). */
const MAX_SEQ = 2_147_483_647;

/** Query of `GET /v1/evidence`. */
export const evidenceListQuery = z.object({
  kind: z.enum(EVIDENCE_KIND_IDS).optional(),
  limit: boundedIntParam(500, 100),
  before: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(1, 'must be at least 1')
    .max(MAX_SEQ, `must be at most ${MAX_SEQ}`)
    .optional(),
});
/** Path of the routes of one snapshot. */
export const evidenceIdParams = z.object({
  id: z.uuid({ error: 'must be an evidence snapshot id (a UUID)' }),
});
/** Query of `GET /v1/evidence/:id/verify`. */
export const evidenceVerifyQuery = z.object({
  head: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be a chain hash: 64 lower-case hex digits')
    .optional(),
});

/**
 * Verifies a snapshot for a signed-in user (or trusted service) holding
 * `cloudflare.export.evidence`: the verify route and the verify action both run it.
 */
export async function verifyEvidence(
  ctx: RouteContext,
  credentials: BackstageCredentials,
  id: string,
  head?: string,
): Promise<EvidenceVerification> {
  await requireEvidenceCaller(ctx, credentials, [
    cloudflareExportEvidencePermission,
  ]);
  return ctx.evidence.verify(id, head);
}

/**
 * Evidence routes: create a snapshot of each kind (`EVIDENCE_KINDS`: the Zero Trust audit export,
 * deployment provenance, R2 lifecycle), list snapshots, download one (exact stored bytes, for
 * callers who may read what it holds) and verify one (its hash, the whole chain, and optionally a
 * head hash kept by an auditor). Every route is for signed-in users (or services named in
 * `cloudflare.permissions.trustedServices`).
 */
export function registerEvidenceRoutes(router: Router, ctx: RouteContext) {
  registerEvidenceExportRoutes(router, ctx);
  registerEvidenceSigningRoutes(router, ctx);
  registerEvidenceDiffRoute(router, ctx);

  router.get('/v1/evidence', async (req, res) => {
    const q = parseInput(evidenceListQuery, req.query, 'query');
    const credentials = await ctx.httpAuth.credentials(req);
    await requireEvidenceCaller(ctx, credentials, [
      cloudflareExportEvidencePermission,
    ]);
    const items = await ctx.evidence.list({
      kind: q.kind,
      limit: q.limit,
      beforeSeq: q.before,
    });
    const last = items[items.length - 1];
    const now = ctx.now();
    res.json({
      items: items.map(i => ({ ...i, ...ctx.evidence.freshness(i, now) })),
      ...(items.length === q.limit && last ? { nextBefore: last.seq } : {}),
    });
  });

  router.get('/v1/evidence/:id/download', async (req, res) => {
    const { id } = parseInput(evidenceIdParams, req.params, 'path');
    const credentials = await ctx.httpAuth.credentials(req);
    await requireEvidenceCaller(ctx, credentials, [
      cloudflareExportEvidencePermission,
    ]);
    const event = await ctx.auditor.createEvent({
      eventId: 'evidence-export',
      severityLevel: 'medium',
      request: req,
      meta: { actionType: 'download', id },
    });
    try {
      const stored = await ctx.evidence.get(id);
      await requireEvidenceCaller(
        ctx,
        credentials,
        downloadPermissions(stored.bytes),
      );
      await event.success({
        meta: { sha256: stored.sha256, kind: stored.kind },
      });
      sendEvidence(res, stored);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  router.get('/v1/evidence/:id/verify', async (req, res) => {
    const { id } = parseInput(evidenceIdParams, req.params, 'path');
    const { head } = parseInput(evidenceVerifyQuery, req.query, 'query');
    const credentials = await ctx.httpAuth.credentials(req);
    res.json(await verifyEvidence(ctx, credentials, id, head));
  });
}
