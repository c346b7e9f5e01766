import { Request, Response, Router } from 'express';
import { z } from 'zod';
import { InputError } from '@backstage/errors';
import {
  cloudflareAccountParam,
  viewParam,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { RouteContext } from '../service/context';
import { parseInput } from '../service/validation';
import { exportEvidenceOfKind, sendEvidence } from '../evidence/exportEvidence';
import { StoredEvidence } from '../evidence/EvidenceStore';
import { EVIDENCE_KINDS, EvidenceKind } from '../evidence/kinds';
import { EvidenceKindDescriptor } from '../evidence/kinds/types';

/** Query every export route takes besides its kind's scope. */
export const evidenceExportQuery = z.object({
  download: z.enum(['json']).optional(),
  view: viewParam,
  account: cloudflareAccountParam.optional(),
});

/** Headers the `GET` alias of an export needs: a browser's form or link cannot set them. */
export const evidenceExportAliasHeaders = z.object({
  'x-requested-with': z.string().min(1),
});

/** Answers a created snapshot: its bytes with `?download=json`, else its record (201). */
function answerCreated(
  res: Response,
  stored: StoredEvidence,
  download: 'json' | undefined,
) {
  if (download === 'json') {
    sendEvidence(res, stored);
    return;
  }
  const { bytes: _bytes, ...record } = stored;
  res.status(201).json(record);
}

/**
 * The export routes of every kind in `EVIDENCE_KINDS`: each reads its scope from the request,
 * checks `cloudflare.export.evidence` and the read permissions of that scope, collects the data
 * and stores the snapshot in the chain, answering the record (`201`) or, with `?download=json`,
 * the file. A kind's `get` route is the spec's form of the export, kept as an alias that also
 * needs an `X-Requested-With` header, so a prefetch, a link or a crawler never appends to the chain.
 */
export function registerEvidenceExportRoutes(
  router: Router,
  ctx: RouteContext,
) {
  for (const [id, descriptor] of Object.entries(EVIDENCE_KINDS)) {
    const kind = id as EvidenceKind;
    const desc = descriptor as unknown as EvidenceKindDescriptor;
    const handle = async (req: Request, res: Response) => {
      const { download, view, account } = parseInput(
        evidenceExportQuery,
        req.query,
        'query',
      );
      const stored = await exportEvidenceOfKind(
        ctx,
        { credentials: await ctx.httpAuth.credentials(req), request: req },
        kind,
        req,
        view,
        account,
      );
      answerCreated(res, stored, download);
    };
    for (const { method, path } of desc.routes) {
      if (method === 'post') {
        router.post(path, handle);
        continue;
      }
      router.get(path, async (req, res) => {
        if (!evidenceExportAliasHeaders.safeParse(req.headers).success) {
          throw new InputError(
            `GET ${path} creates a snapshot, so it needs an X-Requested-With header (or use POST)`,
          );
        }
        await handle(req, res);
      });
    }
  }
}
