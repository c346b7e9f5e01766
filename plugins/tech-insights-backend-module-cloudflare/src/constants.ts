import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { getCloudflareArea } from '@cloudflare-backstage/plugin-cloudflare-common';
import { DEPLOYING_AREAS } from './areas';
import type { EntityFilter } from './common';

/**
 * Ids of the suite's deployment, account-wide and coverage fact retrievers. Each is also the key under
 * `techInsights.factRetrievers` that turns the retriever on, and the `factIds` entry of the checks
 * that read it.
 *
 * @public
 */
export const CLOUDFLARE_FACT_RETRIEVER_IDS = {
  deploymentProvenance: 'cloudflareDeploymentProvenanceFactRetriever',
  deploymentAudit: 'cloudflareDeploymentAuditFactRetriever',
  accessAudit: 'cloudflareAccessAuditFactRetriever',
  apiTokenHygiene: 'cloudflareApiTokenHygieneFactRetriever',
  coverage: 'cloudflareCoverageFactRetriever',
} as const;

/** Components that name at least one resource of an area that deploys (Workers, Pages). */
export const COMPONENTS_WITH_DEPLOYMENTS_FILTER: EntityFilter =
  DEPLOYING_AREAS.map(({ area }) => ({
    kind: 'component',
    [`metadata.annotations.${area.annotation}`]: CATALOG_FILTER_EXISTS,
  }));

/** The `Resource` entities of the areas that deploy. */
export const DEPLOYING_RESOURCES_FILTER: EntityFilter = {
  kind: 'resource',
  'spec.type': DEPLOYING_AREAS.map(({ area }) => area.resourceType),
};

/** The account's Zero Trust posture Resource, which carries the account-wide facts. */
export const ZERO_TRUST_RESOURCE_FILTER: EntityFilter = {
  kind: 'resource',
  'spec.type': getCloudflareArea('zeroTrust').resourceType,
};

/** The population of the coverage rule: production Components. */
export const PRODUCTION_COMPONENTS_FILTER: EntityFilter = {
  kind: 'component',
  'spec.lifecycle': 'production',
};

/** Most entries a list-valued fact holds; the count facts stay exact. */
export const MAX_LISTED = 50;
