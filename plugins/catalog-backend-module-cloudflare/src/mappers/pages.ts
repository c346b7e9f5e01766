import { DeferredEntity } from '@backstage/plugin-catalog-node';
import { cloudflareResourceEntity } from './common';
import { CloudflareMapperContext, CloudflarePagesInput } from './types';
import { bindingRefs } from './workers';

/**
 * Maps a Pages project to its `Resource` entity (`cf-pages-<project>`, type `cloudflare-pages`).
 * The production environment's bindings become `spec.dependsOn`, as for Workers.
 *
 * @public
 */
export function mapPagesProject(
  input: CloudflarePagesInput,
  ctx: CloudflareMapperContext,
): DeferredEntity {
  const deployment = input.lastDeployment;
  return cloudflareResourceEntity(ctx, {
    area: 'pages',
    resourceName: input.projectName,
    resourceId: input.projectId,
    description: `Cloudflare Pages project ${input.projectName}`,
    tags: [input.framework],
    dependsOn: bindingRefs(input.bindings ?? [], ctx),
    parameters: {
      accountId: ctx.accountId,
      projectName: input.projectName,
      productionBranch: input.productionBranch,
      framework: input.framework,
      createdOn: input.createdOn,
      lastDeployment: deployment
        ? {
            version: deployment.version,
            commitSha: deployment.commitSha,
            ciRunUrl: deployment.ciRunUrl,
            createdOn: deployment.createdOn,
          }
        : undefined,
    },
  });
}

/**
 * Maps every Pages project of an account.
 *
 * @public
 */
export function mapPagesProjects(
  inputs: CloudflarePagesInput[],
  ctx: CloudflareMapperContext,
): DeferredEntity[] {
  return inputs.map(input => mapPagesProject(input, ctx));
}
