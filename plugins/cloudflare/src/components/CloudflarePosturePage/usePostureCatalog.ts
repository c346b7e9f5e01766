import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  CLOUDFLARE_AREAS,
  coverageRefOf,
  isProductionComponent,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { isCloudflareAvailable } from '../../conditions';
import { accountsOfEntities } from '../shared/account';
import { countedPopulation, ResultCounts } from './scorecards';

const COMPONENT_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.lifecycle',
  'relations',
];

const RESOURCE_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.type',
  'spec.owner',
  'spec.parameters',
  'metadata.annotations',
];

/** What the posture page reads of the catalog, and what it derives from it. */
export interface PostureCatalog {
  components: Entity[];
  /** The suite's Resource entities (`spec.type` of a product area). */
  resources: Entity[];
  /**
   * Entities the SOC 2 checks run for: Components with a suite annotation, production Components
   * (the Coverage population) and the suite's Resources.
   */
  entityRefs: string[];
  /** Which (check, entity) results count: Coverage over production Components only. */
  counts: ResultCounts;
  /** The Cloudflare accounts of the suite's Resources (`cloudflare.com/account-id`), sorted. */
  accounts: string[];
}

/** Reads the catalog's Components and the suite's Resources once for every section of the page. */
export function usePostureCatalog() {
  const catalogApi = useApi(catalogApiRef);
  const state = useAsync(async () => {
    const [components, resources] = await Promise.all([
      catalogApi.getEntities({
        filter: { kind: 'component' },
        fields: COMPONENT_FIELDS,
      }),
      catalogApi.getEntities({
        filter: {
          kind: 'resource',
          'spec.type': CLOUDFLARE_AREAS.map(a => a.resourceType),
        },
        fields: RESOURCE_FIELDS,
      }),
    ]);
    return { components: components.items, resources: resources.items };
  }, [catalogApi]);

  const value = useMemo((): PostureCatalog | undefined => {
    if (!state.value) return undefined;
    const { components, resources } = state.value;
    const production = components.filter(isProductionComponent);
    const checked = components.filter(
      c => isCloudflareAvailable(c) || isProductionComponent(c),
    );
    return {
      components,
      resources,
      entityRefs: [...checked, ...resources].map(e => stringifyEntityRef(e)),
      counts: countedPopulation(new Set(production.map(coverageRefOf))),
      accounts: accountsOfEntities(resources),
    };
  }, [state.value]);

  return { loading: state.loading, error: state.error, value };
}
