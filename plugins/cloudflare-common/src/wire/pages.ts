import { z } from 'zod';
import { defineRoute, defineWireType } from './contract';
import { pagesProjectNameParam } from './params';

/**
 * A Pages deployment: the client's output, the route's item and the card's row (spec section 3.1).
 *
 * @public
 */
export const pagesDeploymentSchema = z.object({
  /** Deployment id. */
  id: z.string(),
  /** Short id shown in the dashboard. */
  shortId: z.string().optional(),
  /** Project name. */
  projectName: z.string().optional(),
  /** When the deployment was made (ISO 8601). */
  createdOn: z.string(),
  /** `production` or `preview`. */
  environment: z.string().optional(),
  /** Git branch. */
  branch: z.string().optional(),
  /** Commit SHA; absent for direct uploads without `--commit-hash`. */
  commitSha: z.string().optional(),
  /** Commit URL on GitHub/GitLab, from the project's source and the hash. */
  commitUrl: z.string().optional(),
  /** `github:push`, `ad_hoc` (direct upload) or `deploy_hook`. */
  triggerType: z.string().optional(),
  /** Status of the latest stage: `success`, `failure`, `active`, `idle`, `canceled`, `skipped`. */
  status: z.string().optional(),
  /** Name of the latest stage: `queued`, `initialize`, `clone_repo`, `build`, `deploy`. */
  stage: z.string().optional(),
  /** The Pages build in the dashboard, or the CI run of the commit-message convention. */
  ciRunUrl: z.string().optional(),
  /** Deployment URL (`*.pages.dev`). */
  url: z.string().optional(),
  /** Alias URLs. */
  aliases: z.array(z.string()).optional(),
  /** True when the build was skipped. */
  isSkipped: z.boolean().optional(),
});

/**
 * A Pages deployment (see {@link pagesDeploymentSchema}).
 *
 * @public
 */
export type PagesDeployment = z.output<typeof pagesDeploymentSchema>;

/**
 * Routes of the Pages area.
 *
 * @public
 */
export const pagesRoutes = {
  deployments: defineRoute({
    id: 'pages.deployments',
    area: 'pages',
    path: '/v1/pages/:project/deployments',
    description:
      'The newest deployments of a Pages project (one page of 25), with branch, commit SHA, status and CI run URL.',
    params: z.object({ project: pagesProjectNameParam }),
    query: z.object({}),
    shape: 'list',
    wire: defineWireType({
      name: 'PagesDeployment',
      schema: pagesDeploymentSchema,
      sensitive: [],
    }),
  }),
};
