import { Router } from 'express';
import { z } from 'zod';
import { readArea, RouteContext } from '../service/context';
import { accessAuditQuery, parseInput, viewParam } from '../service/validation';
import { AccessAuditFilter } from '../service/reader';

const usersQuery = z.object({ view: viewParam });

function auditFilter(q: z.output<typeof accessAuditQuery>): AccessAuditFilter {
  const { view: _view, ...filter } = q;
  // Keys in a stable shape: absent filters are left out of the cache key.
  return Object.fromEntries(
    Object.entries(filter).filter(([, v]) => v !== undefined),
  ) as unknown as AccessAuditFilter;
}

/**
 * Zero Trust (Access) routes: users and the Access audit log with filters (its evidence export is in
 * `evidenceExports.ts`).
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
}
