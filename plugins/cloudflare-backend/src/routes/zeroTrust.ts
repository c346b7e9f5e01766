import { Router } from 'express';
import { z } from 'zod';
import { cloudflareReadPermissions } from '@cloudflare-backstage/plugin-cloudflare-common';
import { readArea, RouteContext } from '../service/context';
import { accessAuditQuery, parseInput, viewParam } from '../service/validation';
import { exportEvidence, sendEvidence } from '../evidence/exportEvidence';
import { AccessAuditFilter } from '../service/reader';

const usersQuery = z.object({ view: viewParam });
const exportQuery = z.object({
  download: z.enum(['json']).optional(),
});

function auditFilter(q: z.output<typeof accessAuditQuery>): AccessAuditFilter {
  const { view: _view, ...filter } = q;
  // Keys in a stable shape: absent filters are left out of the cache key.
  return Object.fromEntries(
    Object.entries(filter).filter(([, v]) => v !== undefined),
  ) as unknown as AccessAuditFilter;
}

/**
 * Zero Trust (Access) routes: users, the Access audit log with filters, and its evidence export.
 */
export function registerZeroTrustRoutes(router: Router, ctx: RouteContext) {
  router.get('/v1/zero-trust/users', async (req, res) => {
    const { view } = parseInput(usersQuery, req.query, 'query');
    const { value } = await readArea(ctx, req, {
      area: 'zeroTrust',
      op: 'users',
      args: {},
      what: 'Zero Trust users',
      view,
      load: reader => reader.zeroTrustUsers(),
    });
    res.json({ view, users: value });
  });

  router.get('/v1/zero-trust/access/audit', async (req, res) => {
    const q = parseInput(accessAuditQuery, req.query, 'query');
    const filter = auditFilter(q);
    const { value } = await readArea(ctx, req, {
      area: 'zeroTrust',
      op: 'access-audit',
      args: { ...filter },
      what: 'the Access audit log',
      view: q.view,
      load: reader => reader.accessAudit(filter),
    });
    res.json({ view: q.view, filter, ...value });
  });

  router.get('/v1/zero-trust/export/audit', async (req, res) => {
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
      collect: reader => reader.accessAudit(filter),
    });
    if (download === 'json') {
      sendEvidence(res, stored);
      return;
    }
    const { bytes: _bytes, ...record } = stored;
    res.status(201).json(record);
  });
}
