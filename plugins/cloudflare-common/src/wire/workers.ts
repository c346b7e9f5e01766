import { z } from 'zod';
import { defineRoute, defineWireType } from './contract';
import { workerScriptNameParam } from './params';

/**
 * Where a Worker deployment's commit and CI link came from.
 *
 * @public
 */
export const provenanceSourceSchema = z.enum([
  'workers-builds',
  'annotation',
  'none',
]);

/**
 * A Worker deployment with its provenance: the client's output, the route's item and the card's
 * row (spec section 12's `CfDeployment`).
 *
 * @public
 */
export const workerDeploymentSchema = z.object({
  /** Deployment id. */
  id: z.string(),
  /** When the deployment was made (ISO 8601). */
  createdOn: z.string(),
  /** True for the deployment serving traffic (the newest). */
  active: z.boolean(),
  /** The version with the largest share of traffic. */
  versionId: z.string(),
  /** Its number, when known. */
  versionNumber: z.number().optional(),
  /** Every version the deployment serves, with its share. */
  versions: z.array(
    z.object({
      versionId: z.string(),
      percentage: z.number(),
      versionNumber: z.number().optional(),
    }),
  ),
  /** Cloudflare's `source` of the deployment: `wrangler`, `dash`, `workersci`, `api`, ... */
  source: z.string().optional(),
  /** Where `commitSha` / `ciRunUrl` came from. */
  provenance: provenanceSourceSchema,
  /** Commit SHA (40 hex). */
  commitSha: z.string().optional(),
  /** Commit URL on the Git provider, when the repository is known. */
  commitUrl: z.string().optional(),
  /** CI run URL: the Workers Builds build in the dashboard, or the pipeline run of the annotation. */
  ciRunUrl: z.string().optional(),
  /** Pull request URL (Workers Builds). */
  pullRequestUrl: z.string().optional(),
  /** Branch (Workers Builds). */
  branch: z.string().optional(),
  /** Workers Builds build id. */
  buildId: z.string().optional(),
  /** Workers Builds outcome (`success`, `fail`, ...). */
  buildOutcome: z.string().optional(),
  /** Who deployed (sensitive). */
  authorEmail: z.string().optional(),
});

/**
 * A Worker deployment (see {@link workerDeploymentSchema}).
 *
 * @public
 */
export type WorkerDeployment = z.output<typeof workerDeploymentSchema>;

/**
 * Routes of the Workers area.
 *
 * @public
 */
export const workersRoutes = {
  deployments: defineRoute({
    id: 'workers.deployments',
    area: 'workers',
    path: '/v1/workers/:script/deployments',
    description:
      'Deployments of a Worker script, newest first, with the commit SHA and CI run URL where known.',
    params: z.object({ script: workerScriptNameParam }),
    query: z.object({}),
    shape: 'list',
    wire: defineWireType({
      name: 'WorkerDeployment',
      schema: workerDeploymentSchema,
      sensitive: ['authorEmail'],
    }),
  }),
};
