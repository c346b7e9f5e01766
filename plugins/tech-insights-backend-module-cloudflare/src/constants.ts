import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { getCloudflareArea } from '@cloudflare-backstage/plugin-cloudflare-common';
import type { EntityFilter } from './common';

/**
 * Component annotation naming the Worker scripts a Component deploys (comma-separated).
 *
 * @public
 */
export const CLOUDFLARE_WORKER_ANNOTATION =
  getCloudflareArea('workers').annotation!;

/**
 * Component annotation naming the Pages projects a Component deploys (comma-separated).
 *
 * @public
 */
export const CLOUDFLARE_PAGES_ANNOTATION =
  getCloudflareArea('pages').annotation!;

/**
 * `spec.type` of the account's Zero Trust posture Resource, which carries the account-wide facts.
 *
 * @public
 */
export const CLOUDFLARE_ZERO_TRUST_RESOURCE_TYPE =
  getCloudflareArea('zeroTrust').resourceType;

/**
 * Ids of the suite's fact retrievers. Each is also the key under `techInsights.factRetrievers` that
 * turns the retriever on, and the `factIds` entry of the checks that read it.
 *
 * @public
 */
export const CLOUDFLARE_FACT_RETRIEVER_IDS = {
  deploymentProvenance: 'cloudflareDeploymentProvenanceFactRetriever',
  deploymentAudit: 'cloudflareDeploymentAuditFactRetriever',
  accessAudit: 'cloudflareAccessAuditFactRetriever',
  apiTokenHygiene: 'cloudflareApiTokenHygieneFactRetriever',
} as const;

/** Components that name at least one Worker or Pages project. */
export const COMPONENTS_WITH_DEPLOYMENTS_FILTER: EntityFilter = [
  {
    kind: 'component',
    [`metadata.annotations.${CLOUDFLARE_WORKER_ANNOTATION}`]:
      CATALOG_FILTER_EXISTS,
  },
  {
    kind: 'component',
    [`metadata.annotations.${CLOUDFLARE_PAGES_ANNOTATION}`]:
      CATALOG_FILTER_EXISTS,
  },
];

/** The account's Zero Trust posture Resource. */
export const ZERO_TRUST_RESOURCE_FILTER: EntityFilter = {
  kind: 'resource',
  'spec.type': CLOUDFLARE_ZERO_TRUST_RESOURCE_TYPE,
};

/** Most entries a list-valued fact holds; the count facts stay exact. */
export const MAX_LISTED = 50;
