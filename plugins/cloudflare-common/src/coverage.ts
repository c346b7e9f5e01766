import { CLOUDFLARE_AREAS } from './areas';

/**
 * The parts of a catalog entity that the coverage rule reads (structurally a catalog `Entity`).
 *
 * @public
 */
export interface CoverageEntity {
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: { type?: unknown; lifecycle?: unknown } & Record<string, unknown>;
  relations?: ReadonlyArray<{ type: string; targetRef: string }>;
}

const RESOURCE_TYPES = new Set(CLOUDFLARE_AREAS.map(a => a.resourceType));

/**
 * Lower-cased `resource:<namespace>/<name>` of an entity, as entity refs compare without case.
 *
 * @public
 */
export function coverageRefOf(entity: CoverageEntity): string {
  const namespace = entity.metadata.namespace ?? 'default';
  return `${entity.kind}:${namespace}/${entity.metadata.name}`.toLocaleLowerCase(
    'en-US',
  );
}

/**
 * True for a suite `Resource` entity (`spec.type` of a product area).
 *
 * @public
 */
export function isCloudflareResourceEntity(entity: CoverageEntity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    RESOURCE_TYPES.has(String(entity.spec?.type))
  );
}

/**
 * True for a production Component (`spec.lifecycle: production`), the population of the coverage rule.
 *
 * @public
 */
export function isProductionComponent(entity: CoverageEntity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' &&
    entity.spec?.lifecycle === 'production'
  );
}

/**
 * The coverage rule of spec section 6: the refs of the existing Cloudflare Resources this Component
 * has a relation to (`dependsOn`, or any other relation the catalog made from its annotations). An
 * annotation naming a resource that does not exist makes no relation to an existing Resource, so it
 * does not count. `existingResourceRefs` holds `coverageRefOf` of every suite Resource in the catalog.
 *
 * @public
 */
export function coveredByResources(
  component: CoverageEntity,
  existingResourceRefs: ReadonlySet<string>,
): string[] {
  const refs = new Set<string>();
  for (const relation of component.relations ?? []) {
    const target = relation.targetRef.toLocaleLowerCase('en-US');
    if (existingResourceRefs.has(target)) refs.add(target);
  }
  return [...refs].sort();
}

/**
 * Coverage of a set of production Components.
 *
 * @public
 */
export interface CoverageFigures {
  /** Production Components. */
  production: number;
  /** Those related to at least one existing Cloudflare Resource. */
  covered: number;
  /** `covered / production`; 1 when there is no production Component. */
  ratio: number;
  /** Refs of the production Components not covered. */
  uncovered: string[];
}

/**
 * Applies the coverage rule to every production Component of `entities`, against the suite Resources
 * among the same `entities`.
 *
 * @public
 */
export function computeCoverageFigures(
  entities: readonly CoverageEntity[],
): CoverageFigures {
  const existing = new Set(
    entities.filter(isCloudflareResourceEntity).map(coverageRefOf),
  );
  const production = entities.filter(isProductionComponent);
  const uncovered = production
    .filter(c => coveredByResources(c, existing).length === 0)
    .map(coverageRefOf);
  const covered = production.length - uncovered.length;
  return {
    production: production.length,
    covered,
    ratio: production.length ? covered / production.length : 1,
    uncovered,
  };
}
