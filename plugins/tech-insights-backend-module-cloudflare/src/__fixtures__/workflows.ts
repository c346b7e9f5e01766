import { Entity } from '@backstage/catalog-model';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { WORKFLOW_TERMINAL_STATUSES } from '@cloudflare-backstage/plugin-cloudflare-common';
import { resourceEntity } from './catalog';

/**
 * The workflow `Resource` entities of the demo account, read through the real client, with the
 * catalog module's `spec.parameters` (steps, retry policy, fewest step retries, last ended run).
 */
export async function demoWorkflowResources(
  client: CloudflareClient,
): Promise<Entity[]> {
  const workflows = await client.workflows.listWorkflows();
  return Promise.all(
    workflows.map(async w => {
      const graph = await client.workflows.getStepGraph(w.name);
      const runs = await client.workflows.listRuns(w.name, { details: false });
      const last = runs.find(r =>
        WORKFLOW_TERMINAL_STATUSES.includes(r.status),
      );
      const limits = (graph.steps ?? [])
        .filter(s => s.kind === 'do')
        .map(s => s.retries?.limit ?? 0);
      return resourceEntity(
        client.accountId,
        'workflows',
        w.name,
        {
          name: w.name,
          scriptName: w.scriptName,
          steps: graph.stepCount,
          retryPolicy: graph.retryPolicy,
          stepsWithoutRetries: graph.stepsWithoutRetries,
          minStepRetries: limits.length ? Math.min(...limits) : undefined,
          retryPolicyReason: graph.retryPolicyReason,
          lastRun: last && { id: last.id, status: last.status, end: last.end },
        },
        w.id,
      );
    }),
  );
}
