import { PagesProject } from '@cloudflare-backstage/cloudflare-client';
import { ResourceTarget, byId, byName, dependsOnRefs } from './bindings';
import { cloudflareResourceEntity, present } from './entity';
import { defineCatalogArea } from './types';

type ProductionConfig = NonNullable<
  PagesProject['deployment_configs']['production']
>;

/** The resources a production environment's bindings point at (KV, D1, R2, queues). */
function bindingTargets(
  config: ProductionConfig | undefined,
): Array<ResourceTarget | undefined> {
  const values = <V>(r: Record<string, V> | null | undefined) =>
    Object.values(r ?? {});
  return [
    ...values(config?.kv_namespaces).map(v => byId('kv', v?.namespace_id)),
    ...values(config?.d1_databases).map(v => byId('d1', v?.id)),
    ...values(config?.r2_buckets).map(v => byName('r2', v?.name)),
    ...values(config?.queue_producers).map(v => byName('queues', v?.name)),
  ];
}

/**
 * Pages: one `Resource` (`cf-pages-<project>`, type `cloudflare-pages`) per project, with its
 * newest production deployment (commit, CI run) and its production bindings as `spec.dependsOn`.
 * Calls: the project list, page by page, which carries each production deployment.
 */
export const pagesArea = defineCatalogArea<PagesProject[]>({
  read: client => client.pages.listProjects(),

  map: (projects, ctx) =>
    projects.map(project => {
      const production = project.canonical_deployment;
      return cloudflareResourceEntity(ctx, {
        area: 'pages',
        resourceName: project.name,
        resourceId: project.id,
        description: `Cloudflare Pages project ${project.name}`,
        tags: [present(project.framework)],
        dependsOn: dependsOnRefs(
          bindingTargets(project.deployment_configs.production),
          ctx,
        ),
        parameters: {
          accountId: ctx.accountId,
          projectName: project.name,
          productionBranch: present(project.production_branch),
          framework: present(project.framework),
          createdOn: present(project.created_on),
          lastDeployment: production
            ? {
                version: production.id,
                commitSha: present(production.commitSha),
                ciRunUrl: present(production.ciRunUrl),
                createdOn: present(production.createdOn),
              }
            : undefined,
        },
      });
    }),
});
