import { FactRetrieverContext } from '@backstage-community/plugin-tech-insights-node';
import { Entity } from '@backstage/catalog-model';
import {
  CloudflareFactRetrieverOptions,
  annotationNames,
  memo,
  openEntities,
  openSource,
} from './common';
import {
  CLOUDFLARE_PAGES_ANNOTATION,
  CLOUDFLARE_WORKER_ANNOTATION,
  COMPONENTS_WITH_DEPLOYMENTS_FILTER,
} from './constants';
import { createCloudflareFactSourceFromConfig } from './clientSource';
import { CloudflareFactSource, FactSourceDeployment } from './source';

/** A deployment with the resource it belongs to. */
export interface LabelledDeployment extends FactSourceDeployment {
  /** `worker` or `pages`. */
  area: 'worker' | 'pages';
  /** Script or project name. */
  resource: string;
  /** `worker:acme-edge-router@<deployment id>`: names the deployment, carries no secret. */
  label: string;
}

/**
 * Opens a run of a deployment retriever: the Components naming a Worker or a Pages project, the
 * Cloudflare source and a reader of their deployments; undefined (logged) when the catalog or
 * Cloudflare cannot be opened, so the run stores no facts.
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
  const source = await openSource(
    ctx,
    retrieverId,
    options.source ?? createCloudflareFactSourceFromConfig,
  );
  if (!source) return undefined;
  return { entities, source, read: deploymentReader(source) };
}

/** Deployment readers memoized for one run, so Components sharing a Worker share one call. */
export function deploymentReader(source: CloudflareFactSource) {
  const workers = memo(
    (name: string) => name,
    (name: string) => source.workerDeployments(name),
  );
  const pages = memo(
    (name: string) => name,
    (name: string) => source.pagesDeployments(name),
  );
  /**
   * The production deployments of every Worker and Pages project an entity names. Throws when any
   * of them cannot be read: a partial answer would pass a check it should not.
   */
  return async (entity: Entity): Promise<LabelledDeployment[]> => {
    const reads: Array<Promise<LabelledDeployment[]>> = [
      ...annotationNames(entity, CLOUDFLARE_WORKER_ANNOTATION).map(async name =>
        label('worker', name, await workers(name)),
      ),
      ...annotationNames(entity, CLOUDFLARE_PAGES_ANNOTATION).map(async name =>
        label('pages', name, await pages(name)),
      ),
    ];
    return (await Promise.all(reads)).flat();
  };
}

function label(
  area: 'worker' | 'pages',
  resource: string,
  deployments: FactSourceDeployment[],
): LabelledDeployment[] {
  return deployments
    .filter(d => d.environment === 'production')
    .map(d => ({ ...d, area, resource, label: `${area}:${resource}@${d.id}` }));
}
