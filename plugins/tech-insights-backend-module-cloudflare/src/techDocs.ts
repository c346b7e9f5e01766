import { FactRetrieverContext } from '@backstage-community/plugin-tech-insights-node';
import { CatalogApi, CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  Entity,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { describeError, loadEntities } from './common';

/** The annotation that links an entity to its TechDocs page. */
export const TECHDOCS_REF = 'backstage.io/techdocs-ref';

/**
 * Refs of the entities a Component with a TechDocs page depends on (its `dependsOn` relations),
 * so a resource is documented by the page of a service using it; lower-cased, as entity refs
 * compare without case. Undefined (logged) when the catalog cannot be read.
 */
export async function techDocsDocumentedRefs(
  ctx: FactRetrieverContext,
  retrieverId: string,
  catalog?: (ctx: FactRetrieverContext) => CatalogApi,
): Promise<Set<string> | undefined> {
  try {
    const components = await loadEntities(
      ctx,
      {
        kind: 'component',
        [`metadata.annotations.${TECHDOCS_REF}`]: CATALOG_FILTER_EXISTS,
      },
      catalog,
    );
    return new Set(
      components.flatMap(c =>
        (c.relations ?? [])
          .filter(r => r.type === RELATION_DEPENDS_ON)
          .map(r => r.targetRef.toLocaleLowerCase('en-US')),
      ),
    );
  } catch (error) {
    ctx.logger.error(
      `${retrieverId}: catalog unavailable, no facts this run (${describeError(
        error,
      )})`,
    );
    return undefined;
  }
}

/** True when the entity has a TechDocs page, or a Component depending on it has one. */
export function techDocsLinked(
  entity: Entity,
  documented: Set<string>,
): boolean {
  return (
    !!entity.metadata.annotations?.[TECHDOCS_REF] ||
    documented.has(stringifyEntityRef(entity).toLocaleLowerCase('en-US'))
  );
}
