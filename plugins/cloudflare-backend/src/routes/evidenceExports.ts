import { Request, Response, Router } from 'express';
import { z } from 'zod';
import { InputError } from '@backstage/errors';
import {
  accessAuditQuerySchema,
  AccessAuditQuery,
  CLOUDFLARE_CONTRACTS,
  cloudflareReadPermissions,
  viewParam,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { JsonObject } from '@backstage/types';
import { ROUTE_DESCRIPTORS } from '../areas';
import { RouteContext } from '../service/context';
import { loadWire } from '../service/readRoutes';
import { parseInput } from '../service/validation';
import { maskWire } from '../service/wire';
import { exportEvidence, sendEvidence } from '../evidence/exportEvidence';
import { StoredEvidence } from '../evidence/EvidenceStore';

const PATH = '/v1/zero-trust/export/audit';
const exportQuery = z.object({
  download: z.enum(['json']).optional(),
  view: viewParam,
});

/** The filter of an export query: absent filters left out, so the scope has a stable shape. */
function scopeOf(filter: AccessAuditQuery): JsonObject {
  return Object.fromEntries(
    Object.entries(filter).filter(([, v]) => v !== undefined),
  ) as JsonObject;
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
    const { download, view } = parseInput(exportQuery, req.query, 'query');
    const filter = parseInput(accessAuditQuerySchema, req.query, 'query');
    const contract = CLOUDFLARE_CONTRACTS.zeroTrust.accessAudit;
    const stored = await exportEvidence(ctx, req, {
      kind: 'zero-trust-audit',
      scope: scopeOf(filter),
      view,
      readPermissions: [cloudflareReadPermissions.zeroTrust],
      what: 'the Access audit log',
      collect: async client => {
        const { items = [], cursor } = await loadWire(
          client,
          contract,
          ROUTE_DESCRIPTORS.zeroTrust.accessAudit,
          { params: {}, query: filter },
        );
        const { values, masked } = maskWire(contract.wire, items, view);
        return {
          data: { events: values, ...(cursor ? { cursor } : {}) },
          population: { count: items.length, exhausted: cursor === undefined },
          masked,
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
