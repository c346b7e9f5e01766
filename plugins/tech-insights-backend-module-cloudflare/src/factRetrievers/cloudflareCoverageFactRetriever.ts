import { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import { Entity } from '@backstage/catalog-model';
import { DateTime } from 'luxon';
import {
  ANNOTATION_CLOUDFLARE_ACCOUNT_ID,
  CLOUDFLARE_AREAS,
  cloudflareEntityName,
  coverageRefOf,
  coveredByResources,
  isCloudflareResourceEntity,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  CloudflareFactRetrieverOptions,
  annotationNames,
  factsPerEntity,
  openEntities,
} from '../common';
import {
  CLOUDFLARE_FACT_RETRIEVER_IDS,
  MAX_LISTED,
  PRODUCTION_COMPONENTS_FILTER,
} from '../constants';

const ID = CLOUDFLARE_FACT_RETRIEVER_IDS.coverage;

/** Every suite `Resource` entity of the catalog. */
const CLOUDFLARE_RESOURCES_FILTER = {
  kind: 'resource',
  'spec.type': CLOUDFLARE_AREAS.map(a => a.resourceType),
};

/**
 * The `cloudflare.com/<area>` annotation names of a Component that name no existing Resource, as
 * `<annotation>:<name>`. A name matches when the entity name the catalog module gives it (for any
 * account the catalog's Resources belong to, as several accounts put a hash in the name) is an
 * existing Resource.
 */
function danglingNames(
  component: Entity,
  existing: ReadonlySet<string>,
  accountIds: readonly (string | undefined)[],
): string[] {
  const out: string[] = [];
  for (const area of CLOUDFLARE_AREAS) {
    if (!area.annotation) continue;
    for (const name of annotationNames(component, area.annotation)) {
      const found = accountIds.some(accountId =>
        existing.has(
          coverageRefOf({
            kind: 'resource',
            metadata: {
              name: cloudflareEntityName(area.id, name, accountId),
            },
          }),
        ),
      );
      if (!found) out.push(`${area.annotation}:${name}`);
    }
  }
  return out;
}

/**
 * Builds the coverage fact retriever (spec section 6, Coverage; SOC 2 CC6.1): for each production
 * Component (`spec.lifecycle: production`), the existing Cloudflare `Resource` entities it is
 * related to, by the coverage rule of `@cloudflare-backstage/plugin-cloudflare-common`
 * (`coveredByResources`: a relation to a Resource that exists; an annotation naming a resource
 * that does not exist does not count), and the annotated names that match no Resource.
 *
 * Reads only the catalog, with the retriever's own service credentials: the Components of the run
 * and every suite `Resource` entity. When the catalog cannot be read, no entity gets a fact.
 *
 * @public
 */
export function createCloudflareCoverageFactRetriever(
  options: CloudflareFactRetrieverOptions = {},
): FactRetriever {
  return {
    id: ID,
    version: '1.0.0',
    title: 'Cloudflare catalog coverage',
    description:
      'The existing Cloudflare Resources each production Component is related to in the catalog (spec section 6 Coverage, SOC 2 CC6.1).',
    entityFilter: PRODUCTION_COMPONENTS_FILTER,
    schema: {
      cloudflareResourceCount: {
        type: 'integer',
        description:
          'Existing Cloudflare Resource entities the Component is related to',
      },
      cloudflareResources: {
        type: 'set',
        description: `Refs of those Resources, sorted (at most ${MAX_LISTED})`,
      },
      danglingAnnotations: {
        type: 'set',
        description: `Names in the Component's cloudflare.com/<area> annotations that match no Resource in the catalog, as "<annotation>:<name>" (at most ${MAX_LISTED})`,
      },
      covered: {
        type: 'boolean',
        description:
          'True when the Component is related to at least one existing Cloudflare Resource',
      },
    },
    handler: async ctx => {
      const now = (options.now ?? DateTime.now)();
      const components = await openEntities(
        ctx,
        ID,
        PRODUCTION_COMPONENTS_FILTER,
        options.catalog,
      );
      if (!components) return [];
      const resources = await openEntities(
        { ...ctx, entityFilter: undefined },
        ID,
        CLOUDFLARE_RESOURCES_FILTER,
        options.catalog,
      );
      if (!resources) return [];
      const suiteResources = resources.filter(isCloudflareResourceEntity);
      const existing = new Set(suiteResources.map(coverageRefOf));
      const accountIds = [
        undefined,
        ...new Set(
          suiteResources
            .map(
              r => r.metadata.annotations?.[ANNOTATION_CLOUDFLARE_ACCOUNT_ID],
            )
            .filter((a): a is string => Boolean(a)),
        ),
      ];
      return factsPerEntity(ctx, ID, components, now, async component => {
        const refs = coveredByResources(component, existing);
        return {
          cloudflareResourceCount: refs.length,
          cloudflareResources: refs.slice(0, MAX_LISTED),
          danglingAnnotations: danglingNames(
            component,
            existing,
            accountIds,
          ).slice(0, MAX_LISTED),
          covered: refs.length > 0,
        };
      });
    },
  };
}

/**
 * The coverage fact retriever over the catalog.
 *
 * @public
 */
export const cloudflareCoverageFactRetriever: FactRetriever =
  createCloudflareCoverageFactRetriever();
