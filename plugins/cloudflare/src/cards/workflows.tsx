import { Entity } from '@backstage/catalog-model';
import {
  WORKFLOW_TERMINAL_STATUSES,
  WorkflowRun,
  workflowsRoutes,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { TimeCell } from '../components/shared/time';
import { defineCloudflareCard } from './types';

/** A run's duration in words: `3m 0s`, `42s`, `1h 5m`; `—` while it runs or when unknown. */
export function humanDuration(ms: number | undefined): string {
  if (ms === undefined) return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}

/** What the catalog module states on a workflow's `Resource` entity. */
interface WorkflowParameters {
  steps?: number;
  retryPolicy?: string;
  retryPolicyReason?: string;
  stepsWithoutRetries?: string[];
}

/** The retry policy of the workflow's current version, in words, from its `Resource` entity. */
function retryPolicyText(resource: Entity | undefined): string | undefined {
  const p = (resource?.spec?.parameters ?? {}) as WorkflowParameters;
  if (!p.retryPolicy) return undefined;
  if (p.retryPolicy === 'unknown')
    return `Retry policy unknown: ${
      p.retryPolicyReason ?? 'Cloudflare exposes no step graph.'
    }`;
  const steps = p.steps === undefined ? '' : ` over ${p.steps} steps`;
  const without = p.stepsWithoutRetries?.length
    ? `; without retries: ${p.stepsWithoutRetries.join(', ')}`
    : '';
  return `Retry policy: ${p.retryPolicy}${steps}${without}.`;
}

/** How the newest ended run in the list went, in words. */
function lastRunText(runs: WorkflowRun[]): string {
  const last = runs.find(r => WORKFLOW_TERMINAL_STATUSES.includes(r.status));
  if (!last) return 'No run in this list has ended yet.';
  if (last.status === 'complete')
    return `The last ended run, ${last.id}, completed.`;
  const error = last.errorName ? ` (${last.errorName})` : '';
  return `The last ended run, ${last.id}, is ${last.status}${error}.`;
}

/**
 * A workflow's last runs: status, start, end, duration, retries (attempts beyond each step's first)
 * and the error's name; never params, outputs or error messages. Components annotate the
 * workflow's name (`cloudflare.com/workflow: acme-etl`); the summary states how the last ended run
 * went and the retry policy of the current version's step graph, from the workflow's `Resource`
 * entity (or why it is unknown).
 *
 * @public
 */
export const workflowsCard = defineCloudflareCard({
  route: workflowsRoutes.runs,
  title: 'Workflow runs',
  params: name => ({ name }),
  rowKey: r => r.id,
  columns: [
    { title: 'Run', render: r => <code>{r.id}</code> },
    { title: 'Status', render: r => r.status },
    { title: 'Started', render: r => <TimeCell iso={r.start} /> },
    { title: 'Ended', render: r => <TimeCell iso={r.end} /> },
    { title: 'Duration', render: r => humanDuration(r.durationMs) },
    { title: 'Retries', render: r => (r.retries ?? '—').toString() },
    { title: 'Error name', render: r => r.errorName ?? '—' },
    { title: 'Trigger', render: r => r.trigger ?? '—' },
  ],
  empty: {
    title: 'No workflow run',
    description:
      'The workflow has not run yet (or not in this window). Trigger it, or check the cloudflare.com/workflow annotation.',
  },
  summary: (runs, resource) =>
    [lastRunText(runs), retryPolicyText(resource)].filter(Boolean).join(' '),
});
