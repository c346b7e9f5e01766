import { Router } from 'express';
import { z } from 'zod';
import { readArea, RouteContext } from '../service/context';
import { parseInput, viewParam, workerScriptName } from '../service/validation';

const params = z.object({ script: workerScriptName });
const query = z.object({ view: viewParam });

/**
 * Workers routes: `GET /v1/workers/:script/deployments`, newest first, with the commit SHA and CI
 * run URL where the deployment carries them.
 */
export function registerWorkersRoutes(router: Router, ctx: RouteContext) {
  router.get('/v1/workers/:script/deployments', async (req, res) => {
    const { script } = parseInput(params, req.params, 'path');
    const { view } = parseInput(query, req.query, 'query');
    const { value } = await readArea(ctx, req, {
      area: 'workers',
      op: 'deployments',
      args: { script },
      what: `Worker script '${script}'`,
      view,
      load: reader => reader.workerDeployments(script),
    });
    res.json({ script, view, deployments: value });
  });
}
