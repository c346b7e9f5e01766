import { Request, Response, Router } from 'express';
import { z } from 'zod';
import { InputError } from '@backstage/errors';
import { cloudflareReadPermissions } from '@cloudflare-backstage/plugin-cloudflare-common';
import { RouteContext } from '../service/context';
import { accessAuditQuery, parseInput } from '../service/validation';
import { AccessAuditFilter } from '../service/reader';
import { exportEvidence, sendEvidence } from '../evidence/exportEvidence';
import { StoredEvidence } from '../evidence/EvidenceStore';

const PATH = '/v1/zero-trust/export/audit';
const exportQuery = z.object({ download: z.enum(['json']).optional() });

/** The filter of an export query: absent filters left out, so the scope has a stable shape. */
function auditFilter(q: z.output<typeof accessAuditQuery>): AccessAuditFilter {
  const { view: _view, ...filter } = q;
  return Object.fromEntries(
    Object.entries(filter).filter(([, v]) => v !== undefined),
  ) as unknown as AccessAuditFilter;
}

/** Answers a created snapshot: its bytes with `?download=json`, else its record (201). */
export function answerCreated(
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
 * The Zero Trust audit export: `POST /v1/zero-trust/export/audit` reads one page of the Access
 * audit log with the read route's filters (query string) and stores it as a `zero-trust-audit`
 * snapshot whose population is the events it holds and whether the log was exhausted (no
 * cursor). `GET ...?download=json`, the spec's form, is an alias that also needs an
 * `X-Requested-With` header, so a prefetch, a link or a crawler never appends to the chain.
 */
export function registerEvidenceExportRoutes(
  router: Router,
  ctx: RouteContext,
) {
  const handle = async (req: Request, res: Response) => {
    const { download } = parseInput(exportQuery, req.query, 'query');
    const q = parseInput(
      accessAuditQuery,
      Object.fromEntries(
        Object.entries(req.query).filter(([k]) => k !== 'download'),
      ),
      'query',
    );
    const filter = auditFilter(q);
    const stored = await exportEvidence(ctx, req, {
      kind: 'zero-trust-audit',
      scope: { ...filter },
      view: q.view,
      readPermissions: [cloudflareReadPermissions.zeroTrust],
      what: 'the Access audit log',
      collect: async reader => {
        const page = await reader.accessAudit(filter);
        return {
          data: page,
          population: {
            count: page.events.length,
            exhausted: page.cursor === undefined,
          },
        };
      },
    });
    answerCreated(res, stored, download);
  };
  router.post(PATH, handle);
  router.get(PATH, async (req, res) => {
    if (!req.get('x-requested-with')) {
      throw new InputError(
        `GET ${PATH} creates a snapshot, so it needs an X-Requested-With header (or use POST)`,
      );
    }
    await handle(req, res);
  });
}
