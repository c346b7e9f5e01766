import {
  PagesDeployment,
  pagesRoutes,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { TimeCell } from '../components/shared/time';
import { provenanceColumns, provenanceSummary, ShortId } from './cells';
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
    ...provenanceColumns<PagesDeployment>(d => d.status),
  ],
  empty: {
    title: 'No deployments yet',
    description:
      'Deploy the project from its Git integration or with wrangler pages deploy --commit-hash, and it is listed here.',
  },
  summary: provenanceSummary,
});
