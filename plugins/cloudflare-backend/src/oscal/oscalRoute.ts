import { Router } from 'express';
import { z } from 'zod';
import {
  cloudflareAccountParam,
  cloudflareExportEvidencePermission,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { CloudflareAccountClient } from '@cloudflare-backstage/plugin-cloudflare-node';
import { requireEvidenceCaller } from '../evidence/access';
import { EVIDENCE_KIND_IDS } from '../evidence/kinds';
import { pickAccount } from '../service/accounts';
import { RouteContext } from '../service/context';
import { parseInput } from '../service/validation';
import {
  buildAssessmentResults,
  ReferencedSnapshot,
} from './assessmentResults';
import { runScorecards } from './scorecardRun';

/** Path of the OSCAL export under `/api/cloudflare`. */
export const OSCAL_EXPORT_PATH = '/v1/evidence/oscal';

/** The route takes only `account`: a typo'd parameter is a 400, not silently ignored. */
export const oscalExportQuery = z
  .object({ account: cloudflareAccountParam.optional() })
  .strict();

/** How many of a kind's newest snapshots are looked at for one of the account. */
const SNAPSHOTS_LOOKED_AT = 20;

/** The Cloudflare account id a stored snapshot names (`account.id` of the document). */
async function accountOfSnapshot(
  ctx: Pick<RouteContext, 'evidence'>,
  id: string,
): Promise<string | undefined> {
  try {
    const doc = JSON.parse((await ctx.evidence.get(id)).bytes.toString('utf8'));
    return typeof doc?.account?.id === 'string' ? doc.account.id : undefined;
  } catch {
    return undefined;
  }
}

/** Where the SOC 2 pack is documented: the app's remediation page (relative to the app). */
const PLAN_HREF = '/cloudflare/remediation';

/**
 * The newest snapshot of each kind in the evidence chain of the account (among a kind's 20
 * newest, the first not naming another account), with its download route, when it verifies (its bytes against its SHA-256, and the whole chain); the ids of those that do not,
 * which are not referenced.
 */
async function newestSnapshots(
  ctx: Pick<RouteContext, 'evidence' | 'discovery'>,
  account: CloudflareAccountClient,
): Promise<{ snapshots: ReferencedSnapshot[]; unverified: string[] }> {
  const base = await ctx.discovery.getExternalBaseUrl('cloudflare');
  const snapshots: ReferencedSnapshot[] = [];
  const unverified: string[] = [];
  for (const kind of EVIDENCE_KIND_IDS) {
    let record;
    for (const r of await ctx.evidence.list({
      kind,
      limit: SNAPSHOTS_LOOKED_AT,
    })) {
      // A snapshot that names no account (unreadable: tampered) is this account's to verify and
      // report, never skipped.
      const named = await accountOfSnapshot(ctx, r.id);
      if (named === undefined || named === account.accountId) {
        record = r;
        break;
      }
    }
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
    const query = parseInput(oscalExportQuery, req.query, 'query');
    const credentials = await ctx.httpAuth.credentials(req);
    await requireEvidenceCaller(ctx, credentials, [
      cloudflareExportEvidencePermission,
    ]);
    const account = pickAccount(ctx.clients, query.account);
    const event = await ctx.auditor.createEvent({
      eventId: 'evidence-export',
      severityLevel: 'medium',
      request: req,
      meta: { actionType: 'oscal', account: account.id },
    });
    try {
      const run = await runScorecards(ctx, credentials, account.accountId);
      const { snapshots, unverified } = await newestSnapshots(ctx, account);
      const doc = buildAssessmentResults({
        account: { id: account.id, accountId: account.accountId },
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
