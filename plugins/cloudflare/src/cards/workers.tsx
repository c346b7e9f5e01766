import {
  WorkerDeployment,
  workersRoutes,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { TimeCell } from '../components/shared/time';
import { provenanceColumns, provenanceSummary, ShortId } from './cells';
import { defineCloudflareCard } from './types';

/**
 * Deployments of a Worker script: time, version (and its share of traffic), branch, commit, CI run,
 * and a _missing provenance_ marker.
 *
 * @public
 */
export const workersCard = defineCloudflareCard({
  route: workersRoutes.deployments,
  title: 'Workers deployments',
  params: script => ({ script }),
  rowKey: d => d.id,
  columns: [
    { title: 'Time', render: d => <TimeCell iso={d.createdOn} /> },
    {
      title: 'Version',
      render: d => {
        const share = d.versions.find(
          v => v.versionId === d.versionId,
        )?.percentage;
        return (
          <>
            <ShortId value={d.versionId} />
            {share !== undefined && share < 100 && ` (${share}%)`}
          </>
        );
      },
    },
    { title: 'Source', render: d => d.source ?? '—' },
    ...provenanceColumns<WorkerDeployment>(d =>
      d.active ? 'active' : d.buildOutcome,
    ),
    { title: 'Author', render: d => d.authorEmail ?? '—' },
  ],
  empty: {
    title: 'No deployments yet',
    description:
      'Deploy the Worker from CI (Workers Builds, or wrangler with the commit SHA and run URL as deployment metadata) and it is listed here.',
  },
  summary: provenanceSummary,
});
