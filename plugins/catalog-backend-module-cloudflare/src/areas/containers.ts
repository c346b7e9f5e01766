import { ContainerService } from '@cloudflare-backstage/plugin-cloudflare-common';
import { cloudflareResourceEntity, resourceRefIn } from './entity';
import { CatalogMapContext, defineCatalogArea } from './types';

/**
 * The Durable Object class entity a Durable Object application backs (`spec.dependencyOf`: the
 * class's instances run the application's containers), or none when the application backs no
 * namespace or the run does not know the namespace (Durable Objects not imported, or the namespace
 * gone): never a ref to an entity that does not exist.
 */
function backedClassRefs(
  service: ContainerService,
  ctx: CatalogMapContext,
): string[] {
  const id = service.durableObjectNamespaceId;
  if (!id) return [];
  const className = ctx.nameOf('durableObjects', id);
  return className === id
    ? []
    : [resourceRefIn(ctx, 'durableObjects', className)];
}

/**
 * Containers: one `Resource` (`cf-container-<application name>`, type `cloudflare-container`) per
 * application, so a Component's `cloudflare.com/container: <name>` meets it. `spec.parameters`
 * holds the application id, kind (`scheduled` or `durable-object`), scheduling policy, image (with
 * its name and tag, and `images` as spec section 4 shows), instance type, desired and maximum
 * instances, jurisdiction and regions, the backing Durable Objects namespace, the environment
 * variables' names (never a value: the client drops them) and Cloudflare's health summary. A
 * Durable Object application is a dependency of the Durable Object class it backs
 * (`spec.dependencyOf` `cf-do-<class>`, the namespace id named through the Durable Objects area's
 * `names`), so the catalog graph shows which class runs the containers.
 *
 * Calls: the applications list only (page tokens, 100 a page: one call up to 100 applications).
 */
export const containersArea = defineCatalogArea<ContainerService[]>({
  read: client => client.containers.listServices(),

  names: services => services.map(s => [s.id, s.name] as const),

  map: (services, ctx) =>
    services.map(s =>
      cloudflareResourceEntity(ctx, {
        area: 'containers',
        resourceName: s.name,
        resourceId: s.id,
        description: `Cloudflare Containers application ${s.name}${
          s.image ? ` running ${s.image}` : ''
        }`,
        tags: [s.kind],
        dependencyOf: backedClassRefs(s, ctx),
        parameters: {
          accountId: ctx.accountId,
          applicationId: s.id,
          name: s.name,
          kind: s.kind,
          schedulingPolicy: s.schedulingPolicy,
          images: s.image ? [s.image] : undefined,
          imageName: s.imageName,
          imageTag: s.imageTag,
          instanceType: s.instanceType,
          instances: s.instances,
          maxInstances: s.maxInstances,
          jurisdiction: s.constraints?.jurisdiction,
          regions: s.constraints?.regions,
          durableObjectNamespaceId: s.durableObjectNamespaceId,
          environmentVariableNames: s.environmentVariableNames,
          version: s.version,
          healthSummary: s.healthSummary,
          createdAt: s.createdAt,
          updatedAt: s.updatedAt,
        },
      }),
    ),
});
