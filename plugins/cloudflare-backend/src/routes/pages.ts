import { Router } from 'express';
import { z } from 'zod';
import { readArea, RouteContext } from '../service/context';
import { pagesProjectName, parseInput, viewParam } from '../service/validation';

const params = z.object({ project: pagesProjectName });
const query = z.object({ view: viewParam });

/**
 * Pages routes: `GET /v1/pages/:project/deployments` (id, createdAt, branch, commit SHA, status,
 * CI run URL where known).
 */
export function registerPagesRoutes(router: Router, ctx: RouteContext) {
  router.get('/v1/pages/:project/deployments', async (req, res) => {
    const { project } = parseInput(params, req.params, 'path');
    const { view } = parseInput(query, req.query, 'query');
    const { value } = await readArea(ctx, req, {
      area: 'pages',
      op: 'deployments',
      args: { project },
      what: `Pages project '${project}'`,
      view,
      load: reader => reader.pagesDeployments(project),
    });
    res.json({ project, view, deployments: value });
  });
}
