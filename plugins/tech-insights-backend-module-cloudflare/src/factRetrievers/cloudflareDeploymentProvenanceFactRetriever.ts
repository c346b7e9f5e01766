import { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
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
 * how many production deployments carry a commit SHA and a CI run URL.
 *
 * A deployment has provenance when it carries both. Production deployments are every Workers
 * deployment (each one serves traffic) and the Pages deployments of the `production` environment,
 * as far back as Cloudflare lists them. A Component whose resources cannot all be read gets no fact.
 *
 * @public
 */
export function createCloudflareDeploymentProvenanceFactRetriever(
  options: CloudflareFactRetrieverOptions = {},
): FactRetriever {
  return {
    id: ID,
    version: '1.0.0',
    title: 'Cloudflare deployment provenance',
    description:
      'Production deployments of the Workers and Pages projects a Component names, and whether each carries a commit SHA and a CI run URL (SOC 2 CC8.1).',
    entityFilter: COMPONENTS_WITH_DEPLOYMENTS_FILTER,
    schema: {
      deploymentsTotal: {
        type: 'integer',
        description:
          'Production deployments of the Workers and Pages projects the Component names',
      },
      deploymentsWithCommitSha: {
        type: 'integer',
        description:
          'Production deployments that carry the commit SHA they were built from',
      },
      deploymentsWithCiRunUrl: {
        type: 'integer',
        description:
          'Production deployments that carry the URL of the CI run that deployed them',
      },
      allDeploymentsHaveProvenance: {
        type: 'boolean',
        description:
          'True when there is at least one production deployment and every one carries both a commit SHA and a CI run URL',
      },
      deploymentsMissingProvenance: {
        type: 'set',
        description: `Deployments without a commit SHA or a CI run URL, as "worker:<script>@<deployment id>" or "pages:<project>@<deployment id>" (at most ${MAX_LISTED})`,
      },
    },
    handler: async ctx => {
      const now = (options.now ?? DateTime.now)();
      const run = await openDeploymentRun(ctx, ID, options);
      if (!run) return [];
      const { entities, read } = run;
      return factsPerEntity(ctx, ID, entities, now, async entity => {
        const deployments = await read(entity);
        const missing = deployments.filter(d => !d.commitSha || !d.ciRunUrl);
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
 * The deployment provenance fact retriever over the backend's `cloudflare` config.
 *
 * @public
 */
export const cloudflareDeploymentProvenanceFactRetriever: FactRetriever =
  createCloudflareDeploymentProvenanceFactRetriever();
