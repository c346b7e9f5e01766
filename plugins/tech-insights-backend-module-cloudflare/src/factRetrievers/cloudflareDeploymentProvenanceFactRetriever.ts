import { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import { hasDeploymentProvenance } from '@cloudflare-backstage/plugin-cloudflare-common';
import { DateTime } from 'luxon';
import { CloudflareFactRetrieverOptions, factsPerEntity } from '../common';
import {
  CLOUDFLARE_FACT_RETRIEVER_IDS,
  COMPONENTS_WITH_DEPLOYMENTS_FILTER,
  MAX_LISTED,
} from '../constants';
import { openDeploymentRun } from '../deployments';

const ID = CLOUDFLARE_FACT_RETRIEVER_IDS.deploymentProvenance;

/**
 * Builds the deployment provenance fact retriever (SOC 2 CC8.1, change management): for each
 * Component naming Workers (`cloudflare.com/worker`) or Pages projects (`cloudflare.com/pages`),
 * whether the deployment each one serves carries a commit SHA and a CI run URL.
 *
 * The deployments are the catalog's: `spec.parameters.lastDeployment` of the `Resource` entities
 * the Component depends on (a Worker's active deployment, a Pages project's newest production
 * deployment). A deployment has provenance when it carries both. A Component naming a resource
 * that is not in the catalog gets no fact. Version 1 read every deployment Cloudflare listed.
 *
 * @public
 */
export function createCloudflareDeploymentProvenanceFactRetriever(
  options: CloudflareFactRetrieverOptions = {},
): FactRetriever {
  return {
    id: ID,
    version: '2.0.0',
    title: 'Cloudflare deployment provenance',
    description:
      'The deployments serving the Workers and Pages projects a Component names, and whether each carries a commit SHA and a CI run URL (SOC 2 CC8.1).',
    entityFilter: COMPONENTS_WITH_DEPLOYMENTS_FILTER,
    schema: {
      deploymentsTotal: {
        type: 'integer',
        description:
          'Deployments serving the Workers and Pages projects the Component names (one per resource: its last deployment in the catalog)',
      },
      deploymentsWithCommitSha: {
        type: 'integer',
        description:
          'Of those, the deployments that carry the commit SHA they were built from',
      },
      deploymentsWithCiRunUrl: {
        type: 'integer',
        description:
          'Of those, the deployments that carry the URL of the CI run that deployed them',
      },
      allDeploymentsHaveProvenance: {
        type: 'boolean',
        description:
          'True when there is at least one deployment and every one carries both a commit SHA and a CI run URL',
      },
      deploymentsMissingProvenance: {
        type: 'set',
        description: `Deployments without a commit SHA or a CI run URL, as "worker:<script>@<version id>" or "pages:<project>@<deployment id>" (at most ${MAX_LISTED})`,
      },
    },
    handler: async ctx => {
      const now = (options.now ?? DateTime.now)();
      const run = await openDeploymentRun(ctx, ID, options);
      if (!run) return [];
      const { entities, read } = run;
      return factsPerEntity(ctx, ID, entities, now, async entity => {
        const deployments = read(entity);
        const missing = deployments.filter(d => !hasDeploymentProvenance(d));
        return {
          deploymentsTotal: deployments.length,
          deploymentsWithCommitSha: deployments.filter(d => !!d.commitSha)
            .length,
          deploymentsWithCiRunUrl: deployments.filter(d => !!d.ciRunUrl).length,
          allDeploymentsHaveProvenance:
            deployments.length > 0 && missing.length === 0,
          deploymentsMissingProvenance: missing
            .slice(0, MAX_LISTED)
            .map(d => d.label),
        };
      });
    },
  };
}

/**
 * The deployment provenance fact retriever over the catalog.
 *
 * @public
 */
export const cloudflareDeploymentProvenanceFactRetriever: FactRetriever =
  createCloudflareDeploymentProvenanceFactRetriever();
