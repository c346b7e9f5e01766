import { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import { Entity } from '@backstage/catalog-model';
import type { CloudflareCheckDefinition } from '../checkModel';

/**
 * The last deployment of a Cloudflare resource, as its catalog `Resource` entity states it in
 * `spec.parameters.lastDeployment` (the catalog module's shape for Workers and Pages).
 *
 * @public
 */
export interface CloudflareResourceDeployment {
  /** Cloudflare name of the resource (script or project name). */
  resource: string;
  /** Version identifier: the Worker version id, or the Pages deployment id. */
  version: string;
  /** When the deployment was made (ISO 8601). */
  createdOn: string;
  /** Full commit SHA, when the deployment came from a commit. */
  commitSha?: string;
  /** Link to the CI run that deployed it. */
  ciRunUrl?: string;
}

/**
 * What one product area contributes to Tech Insights. Each area's descriptor is one file in
 * `src/areas/`, and one line in `CLOUDFLARE_AREA_FACTS`.
 *
 * @public
 */
export interface CloudflareAreaFacts {
  /**
   * Reads the last deployment from a `Resource` entity of the area, for areas that deploy. The
   * deployment retrievers (provenance, audit) walk every area that has it: a Component's Resources
   * of those areas are its deployments.
   */
  lastDeployment?: (entity: Entity) => CloudflareResourceDeployment | undefined;
  /** Retrievers whose facts are about the area's own `Resource` entities; may be empty. */
  retrievers: readonly FactRetriever[];
  /** The jsonfc checks over those retrievers' facts; may be empty. */
  checks: readonly CloudflareCheckDefinition[];
}
