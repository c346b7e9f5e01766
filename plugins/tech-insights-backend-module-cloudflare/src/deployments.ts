import { FactRetrieverContext } from '@backstage-community/plugin-tech-insights-node';
import {
  Entity,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { DEPLOYING_AREAS } from './areas';
import { CloudflareResourceDeployment } from './areas/types';
import {
  CloudflareFactRetrieverOptions,
  annotationNames,
  describeError,
  loadEntities,
  openEntities,
} from './common';
import {
  COMPONENTS_WITH_DEPLOYMENTS_FILTER,
  DEPLOYING_RESOURCES_FILTER,
} from './constants';

/** A resource's last deployment, labelled for facts. */
export interface LabelledDeployment extends CloudflareResourceDeployment {
  /** `worker:acme-edge-router@<version>`: names the deployment, carries no secret. */
  label: string;
  /** The `Resource` entity it was read from (its `cloudflare.com/account-id` names the account). */
  source: Entity;
}

/**
 * Opens a run of a deployment retriever: the Components naming resources of an area that deploys,
 * and a reader of their deployments from the catalog's `Resource` entities; undefined (logged)
 * when the catalog cannot be read, so the run stores no facts.
 */
export async function openDeploymentRun(
  ctx: FactRetrieverContext,
  retrieverId: string,
  options: CloudflareFactRetrieverOptions,
) {
  const entities = await openEntities(
    ctx,
    retrieverId,
    COMPONENTS_WITH_DEPLOYMENTS_FILTER,
    options.catalog,
  );
  if (!entities) return undefined;
  let resources: Entity[];
  try {
    resources = await loadEntities(
      ctx,
      DEPLOYING_RESOURCES_FILTER,
      options.catalog,
    );
  } catch (error) {
    ctx.logger.error(
      `${retrieverId}: catalog unavailable, no facts this run (${describeError(
        error,
      )})`,
    );
    return undefined;
  }
  return { entities, read: deploymentReader(resources) };
}

/**
 * The reader of a Component's deployments: the last deployment of each `Resource` it depends on
 * (the relations the catalog module's processor derives from its `cloudflare.com/<area>`
 * annotations), in every area that deploys.
 */
export function deploymentReader(resources: Entity[]) {
  const byRef = new Map(resources.map(r => [stringifyEntityRef(r), r]));
  /**
   * Throws when the Component names a resource that is not in the catalog (yet): a partial
   * answer would pass a check it should not.
   */
  return (component: Entity): LabelledDeployment[] => {
    const targets = (component.relations ?? [])
      .filter(r => r.type === RELATION_DEPENDS_ON)
      .flatMap(r => byRef.get(r.targetRef) ?? []);
    return DEPLOYING_AREAS.flatMap(({ area, facts }) => {
      const named = annotationNames(component, area.annotation!).length;
      const found = targets.filter(t => t.spec?.type === area.resourceType);
      if (found.length < named) {
        throw new Error(
          `${named - found.length} of the ${named} ${
            area.title
          } resources it names are not in the catalog`,
        );
      }
      return found.flatMap(resource => {
        const d = facts.lastDeployment!(resource);
        return d
          ? [
              {
                ...d,
                label: `${area.entityPrefix}:${d.resource}@${d.version}`,
                source: resource,
              },
            ]
          : [];
      });
    });
  };
}
