import { Router } from 'express';
import { z } from 'zod';
import {
  boundedIntParam,
  CLOUDFLARE_CONTRACTS,
  cloudflareExportEvidencePermission,
  cloudflareReadPermissions,
  pagesProjectNameParam,
  viewParam,
  workerScriptNameParam,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import { ROUTE_DESCRIPTORS } from '../areas';
import { PAGES_DEPLOYMENTS_LIMIT } from '../areas/pages';
import { RouteContext } from '../service/context';
import { loadWire } from '../service/readRoutes';
import { parseInput } from '../service/validation';
import { maskWire } from '../service/wire';
import { exportEvidence, sendEvidence } from '../evidence/exportEvidence';
import { downloadPermissions, requireEvidenceCaller } from '../evidence/access';
import { answerCreated, registerEvidenceExportRoutes } from './evidenceExports';

/** Largest `seq` the column holds (a 32-bit signed integer on PostgreSQL). */
const MAX_SEQ = 2_147_483_647;

const provenanceBody = (maxScope: number) =>
  z
    .object({
      workers: z.array(workerScriptNameParam).max(maxScope).default([]),
      pages: z.array(pagesProjectNameParam).max(maxScope).default([]),
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
  limit: boundedIntParam(500, 100),
  before: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(1, 'must be at least 1')
    .max(MAX_SEQ, `must be at most ${MAX_SEQ}`)
    .optional(),
});
const idParams = z.object({
  id: z.uuid({ error: 'must be an evidence snapshot id (a UUID)' }),
});
const verifyQuery = z.object({
  head: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be a chain hash: 64 lower-case hex digits')
    .optional(),
});

/**
 * Evidence routes: create a deployment-provenance snapshot (and the Zero Trust audit export),
 * list snapshots, download one (exact stored bytes, for callers who may read what it holds) and
 * verify one (its hash, the whole chain, and optionally a head hash kept by an auditor). Every
 * route is for signed-in users (or services named in `cloudflare.permissions.trustedServices`).
 */
export function registerEvidenceRoutes(router: Router, ctx: RouteContext) {
  registerEvidenceExportRoutes(router, ctx);
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
      collect: async client => {
        const data = { workers: {} as JsonObject, pages: {} as JsonObject };
        const masked: Record<string, number> = {};
        let count = 0;
        let exhausted = true;
        for (const script of workers) {
          const contract = CLOUDFLARE_CONTRACTS.workers.deployments;
          const { items = [] } = await loadWire(
            client,
            contract,
            ROUTE_DESCRIPTORS.workers.deployments,
            { params: { script }, query: {} },
          );
          data.workers[script] = maskWire(
            contract.wire,
            items,
            view,
            masked,
          ).values;
          count += items.length;
        }
        for (const project of pages) {
          const contract = CLOUDFLARE_CONTRACTS.pages.deployments;
          const { items = [] } = await loadWire(
            client,
            contract,
            ROUTE_DESCRIPTORS.pages.deployments,
            { params: { project }, query: {} },
          );
          data.pages[project] = maskWire(
            contract.wire,
            items,
            view,
            masked,
          ).values;
          count += items.length;
          if (items.length >= PAGES_DEPLOYMENTS_LIMIT) exhausted = false;
        }
        return { data, population: { count, exhausted }, masked };
      },
    });
    answerCreated(res, stored, download);
  });

  router.get('/v1/evidence', async (req, res) => {
    const q = parseInput(listQuery, req.query, 'query');
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
    res.json({
      items,
      ...(items.length === q.limit && last ? { nextBefore: last.seq } : {}),
    });
  });

  router.get('/v1/evidence/:id/download', async (req, res) => {
    const { id } = parseInput(idParams, req.params, 'path');
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
    const { id } = parseInput(idParams, req.params, 'path');
    const { head } = parseInput(verifyQuery, req.query, 'query');
    const credentials = await ctx.httpAuth.credentials(req);
    await requireEvidenceCaller(ctx, credentials, [
      cloudflareExportEvidencePermission,
    ]);
    res.json(await ctx.evidence.verify(id, head));
  });
}
