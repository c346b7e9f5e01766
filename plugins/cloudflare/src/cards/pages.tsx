import { pagesRoutes } from '@cloudflare-backstage/plugin-cloudflare-common';
import { TimeCell } from '../components/shared/time';
import {
  CiRunCell,
  CommitCell,
  provenanceSummary,
  ShortId,
  StatusCell,
} from './cells';
import { defineCloudflareCard } from './types';

/**
 * Deployments of a Pages project: time, deployment, environment, branch, commit, CI run, status,
 * and a _missing provenance_ marker.
 *
 * @public
 */
export const pagesCard = defineCloudflareCard({
  route: pagesRoutes.deployments,
  title: 'Pages deployments',
  params: project => ({ project }),
  rowKey: d => d.id,
  columns: [
    { title: 'Time', render: d => <TimeCell iso={d.createdOn} /> },
    { title: 'Deployment', render: d => <ShortId value={d.shortId ?? d.id} /> },
    { title: 'Environment', render: d => d.environment ?? '—' },
    { title: 'Branch', render: d => d.branch ?? '—' },
    { title: 'Commit', render: d => <CommitCell deployment={d} /> },
    { title: 'CI run', render: d => <CiRunCell deployment={d} /> },
    {
      title: 'Status',
      render: d => <StatusCell status={d.status} deployment={d} />,
    },
  ],
  empty: {
    title: 'No deployments yet',
    description:
      'Deploy the project from its Git integration or with wrangler pages deploy --commit-hash, and it is listed here.',
  },
  summary: provenanceSummary,
});
