import {
  Workflow,
  WorkflowRun,
  WorkflowStepGraph,
  WORKFLOW_TERMINAL_STATUSES,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { cloudflareResourceEntity, resourceRefIn } from './entity';
import { defineCatalogArea, memoOf } from './types';

/** One workflow as read: the list's fields, its step graph and its newest runs, each kept while current. */
export interface WorkflowRead {
  /** The workflow from the list. */
  workflow: Workflow;
  /** Versions and the newest version's step graph; read again when the workflow is redeployed. */
  graph?: WorkflowStepGraph;
  /** Newest runs (the list's fields); read again when one was triggered or the newest had not ended. */
  runs?: WorkflowRun[];
}

/** Runs read per workflow: enough to find the last ended one behind a few still running. */
export const WORKFLOW_RUNS_PER_READ = 10;

const ended = (run: WorkflowRun | undefined) =>
  !!run && WORKFLOW_TERMINAL_STATUSES.includes(run.status);

/** The newest run that has ended (`complete`, `errored`, `terminated`), as the entity states it. */
function lastRunOf(runs: WorkflowRun[] | undefined) {
  const run = runs?.find(ended);
  return run
    ? { id: run.id, status: run.status, start: run.start, end: run.end }
    : undefined;
}

/** The fewest retries a `step.do` step of the graph has; absent without a graph or steps. */
function minStepRetries(graph: WorkflowStepGraph | undefined) {
  const limits = (graph?.steps ?? [])
    .filter(s => s.kind === 'do')
    .map(s => s.retries?.limit ?? 0);
  return limits.length > 0 ? Math.min(...limits) : undefined;
}

/**
 * Workflows: one `Resource` (`cf-workflow-<name>`, type `cloudflare-workflow`) per workflow with its
 * class, Worker script, step count, retry policy (from the newest version's step graph; `unknown`
 * with the reason when Cloudflare exposes none) and last ended run. Instance params and outputs are
 * never read.
 *
 * Relation: the Worker that hosts the workflow's class (`script_name`) depends on the workflow, as
 * it depends on its KV namespaces and queues: the workflow sets `spec.dependencyOf` to the Worker,
 * and a Worker's `workflow` binding (`workflow_name`) meets it at the same entity. So the Worker's
 * dependencies list its workflows, and a workflow shows the Worker it runs in as what depends on it.
 *
 * Calls: the workflows list (Cloudflare pages it by 100 and the SDK stops at an empty page: 2 calls
 * up to 100 workflows), then through the run's memo: versions and the newest version's graph (2
 * calls, 1 without a graph) when new or redeployed (change key `modified_on`), and the newest
 * {@link WORKFLOW_RUNS_PER_READ} runs (1 call) when new, triggered since (change key
 * `triggered_on`), or while the newest run has not ended. The demo account's 3 workflows cost 10
 * calls cold; a run where nothing changed costs 2 plus 1 per workflow with a run still going.
 */
export const workflowsArea = defineCatalogArea<WorkflowRead[]>({
  async read(client, _previous, run) {
    const memo = memoOf(run);
    const reads: WorkflowRead[] = [];
    for (const workflow of await client.workflows.listWorkflows()) {
      const name = workflow.name;
      const graph = await memo.detail(
        `graph/${workflow.id}`,
        { changeKey: workflow.modifiedOn },
        () => client.workflows.getStepGraph(name),
      );
      const runs = await memo.detail(
        `runs/${workflow.id}`,
        {
          changeKey: workflow.triggeredOn ?? '',
          settled: (r: WorkflowRun[]) => r.length === 0 || ended(r[0]),
        },
        () =>
          client.workflows.listRuns(name, {
            limit: WORKFLOW_RUNS_PER_READ,
            details: false,
          }),
      );
      reads.push({ workflow, graph, runs });
    }
    return reads;
  },

  names: reads => reads.map(r => [r.workflow.id, r.workflow.name] as const),

  map: (reads, ctx) =>
    reads.map(({ workflow: w, graph, runs }) =>
      cloudflareResourceEntity(ctx, {
        area: 'workflows',
        resourceName: w.name,
        resourceId: w.id,
        description: `Cloudflare Workflow ${w.name}${
          w.scriptName
            ? ` (${w.className ?? 'class'} in Worker ${w.scriptName})`
            : ''
        }`,
        tags: [w.schedules?.length ? 'scheduled' : undefined],
        dependencyOf:
          w.scriptName && !w.scriptDeleted
            ? [resourceRefIn(ctx, 'workers', w.scriptName)]
            : [],
        parameters: {
          accountId: ctx.accountId,
          workflowId: w.id,
          name: w.name,
          className: w.className,
          scriptName: w.scriptName,
          scriptDeleted: w.scriptDeleted,
          createdOn: w.createdOn,
          modifiedOn: w.modifiedOn,
          schedules: w.schedules?.map(s => s.cron),
          versionId: graph?.graphVersionId,
          steps: graph?.stepCount,
          retryPolicy: graph?.retryPolicy,
          stepsWithoutRetries: graph?.stepsWithoutRetries,
          minStepRetries: minStepRetries(graph),
          retryPolicyReason: graph?.retryPolicyReason,
          lastRun: lastRunOf(runs),
        },
      }),
    ),
});
