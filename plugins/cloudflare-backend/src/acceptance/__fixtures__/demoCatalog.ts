import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { DemoAccountData } from '@cloudflare-backstage/cloudflare-demo-account';
import {
  ANNOTATION_CLOUDFLARE_ACCOUNT_ID,
  ANNOTATION_CLOUDFLARE_RESOURCE_ID,
  CloudflareAreaId,
  cloudflareEntityName,
  getCloudflareArea,
} from '@cloudflare-backstage/plugin-cloudflare-common';

/** The entities a catalog mock holds. */
export type CatalogEntities = NonNullable<
  NonNullable<Parameters<typeof catalogServiceMock>[0]>['entities']
>;

/** A Resource entity as the catalog module makes it (name, type, account and resource id). */
export function resourceEntity(
  accountId: string,
  area: CloudflareAreaId,
  id: string,
): CatalogEntities[number] {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: cloudflareEntityName(area, id),
      namespace: 'default',
      annotations: {
        [ANNOTATION_CLOUDFLARE_ACCOUNT_ID]: accountId,
        [ANNOTATION_CLOUDFLARE_RESOURCE_ID]: id,
      },
    },
    spec: { type: getCloudflareArea(area).resourceType, owner: 'platform' },
  };
}

/** A production Component depending on `targets` (entity refs). */
export function productionComponent(
  name: string,
  targets: string[],
): CatalogEntities[number] {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'platform' },
    relations: targets.map(targetRef => ({ type: 'dependsOn', targetRef })),
  };
}

/**
 * The demo account's AI Gateway, Vectorize and AI Search resources as Resource entities (all of
 * them but the ids in `omit`), and two production Components that depend on the first gateway and
 * the first index: the catalog the acceptance figures read in the route's tests.
 */
export function demoCatalog(
  data: DemoAccountData,
  omit: string[] = [],
): CatalogEntities {
  const accountId = data.account.id;
  const resources = [
    ...data.aiGateway.gateways.map(g =>
      resourceEntity(accountId, 'aiGateway', g.id),
    ),
    ...data.vectorize.indexes.map(i =>
      resourceEntity(accountId, 'vectorize', i.index.name!),
    ),
    ...data.aiSearch.instances.map(i =>
      resourceEntity(accountId, 'aiSearch', i.instance.id),
    ),
  ].filter(
    e =>
      !omit.includes(
        e.metadata.annotations![ANNOTATION_CLOUDFLARE_RESOURCE_ID],
      ),
  );
  const ref = (i: number) => `resource:default/${resources[i].metadata.name}`;
  return [
    ...resources,
    productionComponent('acme-ai-assistant', [ref(0)]),
    productionComponent('acme-search', [ref(resources.length - 1)]),
  ];
}
