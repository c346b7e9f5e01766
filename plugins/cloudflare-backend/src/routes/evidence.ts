import { Router } from 'express';
import { z } from 'zod';
import {
  cloudflareExportEvidencePermission,
  cloudflareReadPermissions,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import { requirePermissions, RouteContext } from '../service/context';
import {
  boundedInt,
  pagesProjectName,
  parseInput,
  viewParam,
  workerScriptName,
} from '../service/validation';
import { exportEvidence, sendEvidence } from '../evidence/exportEvidence';

const provenanceBody = (maxScope: number) =>
  z
    .object({
      workers: z.array(workerScriptName).max(maxScope).default([]),
      pages: z.array(pagesProjectName).max(maxScope).default([]),
    })
    .strict()
    .refine(b => b.workers.length + b.pages.length > 0, {
      message:
        'name at least one Worker script (workers) or Pages project (pages)',
    });
const provenanceQuery = z.object({
  view: viewParam,
  download: z.enum(['json']).optional(),
});
const listQuery = z.object({
  kind: z
    .enum(['zero-trust-audit', 'deployment-provenance', 'r2-lifecycle'])
    .optional(),
  limit: boundedInt(500, 100),
  before: z.coerce.number().int().min(1).optional(),
});
const idParams = z.object({
  id: z.uuid({ error: 'must be an evidence snapshot id (a UUID)' }),
});

/**
 * Evidence routes: create a deployment-provenance snapshot, list snapshots, download one (exact
 * stored bytes) and verify one (its hash and the whole chain).
 */
export function registerEvidenceRoutes(router: Router, ctx: RouteContext) {
  const bodySchema = provenanceBody(ctx.evidenceMaxScope);
  router.post('/v1/evidence/deployment-provenance', async (req, res) => {
    const body = parseInput(bodySchema, req.body ?? {}, 'body');
    const { view, download } = parseInput(provenanceQuery, req.query, 'query');
    const workers = [...new Set(body.workers)].sort();
    const pages = [...new Set(body.pages)].sort();
    const readPermissions: BasicPermission[] = [
      ...(workers.length ? [cloudflareReadPermissions.workers] : []),
      ...(pages.length ? [cloudflareReadPermissions.pages] : []),
    ];
    const stored = await exportEvidence(ctx, req, {
      kind: 'deployment-provenance',
      scope: { workers, pages },
      view,
      readPermissions,
      what: 'deployments',
      collect: async reader => {
        const data: JsonObject = { workers: {}, pages: {} };
        for (const script of workers) {
          (data.workers as JsonObject)[script] = await reader.workerDeployments(
            script,
          );
        }
        for (const project of pages) {
          (data.pages as JsonObject)[project] = await reader.pagesDeployments(
            project,
          );
        }
        return data;
      },
    });
    if (download === 'json') {
      sendEvidence(res, stored);
      return;
    }
    const { bytes: _bytes, ...record } = stored;
    res.status(201).json(record);
  });

  router.get('/v1/evidence', async (req, res) => {
    const q = parseInput(listQuery, req.query, 'query');
    const credentials = await ctx.httpAuth.credentials(req);
    await requirePermissions(ctx, credentials, [
      cloudflareExportEvidencePermission,
    ]);
    const items = await ctx.evidence.list({
      kind: q.kind,
      limit: q.limit,
      beforeSeq: q.before,
    });
    const last = items[items.length - 1];
    res.json({
      items,
      ...(items.length === q.limit && last ? { nextBefore: last.seq } : {}),
    });
  });

  router.get('/v1/evidence/:id/download', async (req, res) => {
    const { id } = parseInput(idParams, req.params, 'path');
    const credentials = await ctx.httpAuth.credentials(req);
    await requirePermissions(ctx, credentials, [
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
    const { id } = parseInput(idParams, req.params, 'path');
    const credentials = await ctx.httpAuth.credentials(req);
    await requirePermissions(ctx, credentials, [
      cloudflareExportEvidencePermission,
    ]);
    res.json(await ctx.evidence.verify(id));
  });
}
