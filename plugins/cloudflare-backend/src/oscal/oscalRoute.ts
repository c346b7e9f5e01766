import { Router } from 'express';
import { z } from 'zod';
import { cloudflareExportEvidencePermission } from '@cloudflare-backstage/plugin-cloudflare-common';
import { requireEvidenceCaller } from '../evidence/access';
import { EVIDENCE_KIND_IDS } from '../evidence/kinds';
import { RouteContext } from '../service/context';
import { parseInput } from '../service/validation';
import {
  buildAssessmentResults,
  ReferencedSnapshot,
} from './assessmentResults';
import { runScorecards } from './scorecardRun';

/** Path of the OSCAL export under `/api/cloudflare`. */
export const OSCAL_EXPORT_PATH = '/v1/evidence/oscal';

/** The route takes no query: a typo'd parameter is a 400, not silently ignored. */
export const oscalExportQuery = z.object({}).strict();

/** Where the SOC 2 pack is documented: the app's remediation page (relative to the app). */
const PLAN_HREF = '/cloudflare/remediation';

/**
 * The newest snapshot of each kind in the evidence chain, with its download route, when it
 * verifies (its bytes against its SHA-256, and the whole chain); the ids of those that do not,
 * which are not referenced.
 */
async function newestSnapshots(
  ctx: Pick<RouteContext, 'evidence' | 'discovery'>,
): Promise<{ snapshots: ReferencedSnapshot[]; unverified: string[] }> {
  const base = await ctx.discovery.getExternalBaseUrl('cloudflare');
  const snapshots: ReferencedSnapshot[] = [];
  const unverified: string[] = [];
  for (const kind of EVIDENCE_KIND_IDS) {
    const [record] = await ctx.evidence.list({ kind, limit: 1 });
    if (!record) continue;
    if ((await ctx.evidence.verify(record.id)).valid) {
      snapshots.push({
        record,
        href: `${base}/v1/evidence/${record.id}/download`,
      });
    } else {
      unverified.push(`${kind} ${record.id}`);
    }
  }
  return { snapshots, unverified };
}

/**
 * `GET /v1/evidence/oscal`: NIST OSCAL 1.1 Assessment Results of the SOC 2 scorecards now, as a
 * download. Needs `cloudflare.export.evidence` (what the list of snapshots needs: the document
 * names snapshots by id and hash, never their contents); the check results come from Tech
 * Insights on behalf of the caller (its `tech-insights.check.run`), over the catalog as the caller
 * may read it. Audited as an `evidence-export` with `actionType: oscal`.
 */
export function registerOscalRoute(router: Router, ctx: RouteContext) {
  router.get(OSCAL_EXPORT_PATH, async (req, res) => {
    parseInput(oscalExportQuery, req.query, 'query');
    const credentials = await ctx.httpAuth.credentials(req);
    await requireEvidenceCaller(ctx, credentials, [
      cloudflareExportEvidencePermission,
    ]);
    const event = await ctx.auditor.createEvent({
      eventId: 'evidence-export',
      severityLevel: 'medium',
      request: req,
      meta: { actionType: 'oscal' },
    });
    try {
      const run = await runScorecards(ctx, credentials);
      const { snapshots, unverified } = await newestSnapshots(ctx);
      const doc = buildAssessmentResults({
        run,
        snapshots,
        unverified,
        suite: ctx.suite,
        now: ctx.now(),
        planHref: PLAN_HREF,
      });
      await event.success({
        meta: {
          findings: run.results.length,
          snapshots: snapshots.map(s => s.record.sha256),
        },
      });
      const stamp = doc['assessment-results'].metadata['last-modified'].replace(
        /[:.]/g,
        '-',
      );
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="cloudflare-oscal-assessment-results-${stamp}.json"`,
      );
      res.setHeader('Cache-Control', 'no-store');
      res.json(doc);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });
}
