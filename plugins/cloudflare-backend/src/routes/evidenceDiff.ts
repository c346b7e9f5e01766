import { Router } from 'express';
import {
  CLOUDFLARE_EVIDENCE_DIFF_PATH,
  cloudflareExportEvidencePermission,
  cloudflareReadUnmaskedPermission,
  evidenceDiffQuerySchema,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { RouteContext } from '../service/context';
import { parseInput } from '../service/validation';
import { downloadPermissions, requireEvidenceCaller } from '../evidence/access';
import { diffSnapshots } from '../evidence/diff/diffSnapshots';
import { StoredEvidence } from '../evidence/EvidenceStore';

/**
 * What reading a stored snapshot's records in a diff needs: what downloading it needs
 * ({@link downloadPermissions}), but for `cloudflare.read.unmasked`, as the diff masks a snapshot
 * made unmasked for a caller who does not ask (and may) for the unmasked view.
 */
function diffPermissions(stored: StoredEvidence) {
  return downloadPermissions(stored.bytes).filter(
    p => p.name !== cloudflareReadUnmaskedPermission.name,
  );
}

/**
 * `GET /v1/evidence/diff?from=&to=`: the records added, removed and changed between two stored
 * snapshots of one kind, masked as the snapshots' exports mask. `400` for a bad id or two kinds,
 * `404` for a snapshot that does not exist, `403` without `cloudflare.export.evidence`, the read
 * permission of every area either snapshot holds, or (for `view=unmasked`) `cloudflare.read.unmasked`.
 */
export function registerEvidenceDiffRoute(router: Router, ctx: RouteContext) {
  router.get(CLOUDFLARE_EVIDENCE_DIFF_PATH, async (req, res) => {
    const q = parseInput(evidenceDiffQuerySchema, req.query, 'query');
    const credentials = await ctx.httpAuth.credentials(req);
    await requireEvidenceCaller(ctx, credentials, [
      cloudflareExportEvidencePermission,
      ...(q.view === 'unmasked' ? [cloudflareReadUnmaskedPermission] : []),
    ]);
    const event = await ctx.auditor.createEvent({
      eventId: 'evidence-export',
      severityLevel: 'medium',
      request: req,
      meta: { actionType: 'diff', from: q.from, to: q.to, view: q.view },
    });
    try {
      const from = await ctx.evidence.get(q.from);
      const to = await ctx.evidence.get(q.to);
      await requireEvidenceCaller(ctx, credentials, [
        ...new Set([...diffPermissions(from), ...diffPermissions(to)]),
      ]);
      const diff = diffSnapshots(from, to, q.view);
      await event.success({ meta: { kind: diff.kind, view: diff.view } });
      res.json(diff);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });
}
