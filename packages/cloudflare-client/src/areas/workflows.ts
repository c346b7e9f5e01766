import { z } from 'zod';
import {
  Workflow,
  WorkflowRun,
  WorkflowStep,
  WorkflowStepGraph,
  WorkflowVersion,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ClientContext } from '../context';
import { compact } from '../envelope';
import { retrySummary, stepsOfGraph } from './workflowGraph';

const AREA = 'workflows';

/** Versions read for a workflow's step graph: Cloudflare's first page, newest first. */
const VERSIONS_PAGE = 10;
/** Cloudflare's largest workflows page. */
const MAX_WORKFLOWS_PAGE = 100;
/** Runs a runs read returns at most (each one more call for its details). */
const MAX_RUNS = 25;

const str = z.string().nullish();

const workflowSchema = z.object({
  id: z.string(),
  name: z.string(),
  class_name: str,
  script_name: str,
  script_deleted: z.boolean().nullish(),
  created_on: str,
  modified_on: str,
  triggered_on: str,
  instances: z.record(z.string(), z.number()).nullish(),
  schedules: z
    .array(z.object({ cron: z.string(), next_instance: str }))
    .nullish(),
});

const versionSchema = z.object({
  id: z.string(),
  created_on: str,
  language: str,
  has_dag: z.boolean(),
  concurrency: z.object({ limit: z.number().nullish() }).nullish(),
});

const graphSchema = z.object({
  id: z.string(),
  graph: z
    .object({ workflow: z.object({ nodes: z.array(z.unknown()) }) })
    .nullish(),
});

const instanceSchema = z.object({
  id: z.string(),
  status: z.string(),
  version_id: str,
  created_on: z.string(),
  started_on: str,
  ended_on: str,
  trigger_source: str,
});

/** An instance's own read, without `params`, `output` or any message: those are dropped here. */
const instanceDetailSchema = z.object({
  start: str,
  end: str,
  step_count: z.number().nullish(),
  error: z.object({ name: z.string() }).nullish(),
  steps: z
    .array(z.object({ attempts: z.array(z.unknown()).nullish() }))
    .nullish(),
});

/**
 * Options of {@link WorkflowsApi.listRuns}.
 *
 * @public
 */
export interface WorkflowRunsOptions {
  /** Runs created at or after this time (ISO 8601). */
  from?: string;
  /** Runs created at or before this time (ISO 8601). */
  to?: string;
  /** How many runs, newest first: 1 to 25 (default 10). */
  limit?: number;
  /**
   * Read each run's own instance too, for its retries, step count and error name (one call per
   * run; default true). Without it the runs carry the list's fields only.
   */
  details?: boolean;
}

/**
 * Options of {@link WorkflowsApi.pageOfWorkflows}.
 *
 * @public
 */
export interface WorkflowsPageOptions {
  /** Page number, from 1 (Cloudflare's page paging). */
  page?: number;
  /** Workflows per page (1 to 100). */
  perPage?: number;
}

const durationOf = (start?: string | null, end?: string | null) => {
  const ms = start && end ? Date.parse(end) - Date.parse(start) : NaN;
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
};

/**
 * Workflows reads: workflows, their versions and the current version's step graph
 * (`versions.graph`), and runs (instances) with their retries and error name. Never an instance's
 * `params`, an `output` or an error message (user data, dropped on parse), and never
 * `instances.step` (untruncated step output).
 *
 * @public
 */
export class WorkflowsApi {
  constructor(private readonly ctx: ClientContext) {}

  /** Every workflow (page paging, 100 a page): the list's fields, without versions or graph. */
  async listWorkflows(): Promise<Workflow[]> {
    return this.ctx.run(AREA, 'workflows.listWorkflows', async () => {
      const out: Workflow[] = [];
      for await (const w of this.ctx.sdk.workflows.list({
        account_id: this.ctx.accountId,
        per_page: MAX_WORKFLOWS_PAGE,
      })) {
        out.push(this.toWorkflow(workflowSchema.parse(w)));
      }
      return out;
    });
  }

  /**
   * One page of workflows, each with its versions and step graph (1 call for the page, then 1 or 2
   * per workflow), and the next page's number as `cursor` when there is one.
   */
  async pageOfWorkflows(
    options: WorkflowsPageOptions = {},
  ): Promise<{ items: Workflow[]; cursor?: string }> {
    return this.ctx.run(AREA, 'workflows.pageOfWorkflows', async () => {
      const page = Math.max(1, Math.floor(options.page ?? 1));
      const perPage = Math.min(
        Math.max(1, Math.floor(options.perPage ?? 10)),
        MAX_WORKFLOWS_PAGE,
      );
      const listed = await this.ctx.sdk.workflows.list({
        account_id: this.ctx.accountId,
        page,
        per_page: perPage,
      });
      const workflows = z.array(workflowSchema).parse(listed.result);
      const total = z
        .object({ total_count: z.number().nullish() })
        .parse(listed.result_info ?? {}).total_count;
      const more =
        typeof total === 'number'
          ? page * perPage < total
          : workflows.length === perPage;
      const items: Workflow[] = [];
      for (const w of workflows)
        items.push({
          ...this.toWorkflow(w),
          ...(await this.graphOf(w.name)),
        });
      return compact({ items, cursor: more ? String(page + 1) : undefined });
    });
  }

  /**
   * A workflow's versions (the first page, newest first) and its newest version's step graph with
   * its retry policy: 2 calls, 1 when the version has no graph (`has_dag: false`), whose retry
   * policy is then `unknown` with the reason.
   */
  async getStepGraph(workflowName: string): Promise<WorkflowStepGraph> {
    return this.ctx.run(AREA, 'workflows.getStepGraph', () =>
      this.graphOf(workflowName),
    );
  }

  /**
   * A workflow's last runs (newest first) created between `from` and `to`: 1 call for the list,
   * and with `details` 1 more per run for its retries, step count and error name.
   */
  async listRuns(
    workflowName: string,
    options: WorkflowRunsOptions = {},
  ): Promise<WorkflowRun[]> {
    return this.ctx.run(AREA, 'workflows.listRuns', async () => {
      const limit = Math.min(
        Math.max(1, Math.floor(options.limit ?? 10)),
        MAX_RUNS,
      );
      const listed = await this.ctx.sdk.workflows.instances.list(workflowName, {
        account_id: this.ctx.accountId,
        per_page: limit,
        ...(options.from ? { date_start: options.from } : {}),
        ...(options.to ? { date_end: options.to } : {}),
      });
      const instances = z
        .array(instanceSchema)
        .parse(listed.result)
        .slice(0, limit);
      const runs: WorkflowRun[] = [];
      for (const i of instances) {
        const run: WorkflowRun = compact({
          id: i.id,
          status: i.status,
          versionId: i.version_id ?? undefined,
          trigger: i.trigger_source ?? undefined,
          createdOn: i.created_on,
          start: i.started_on ?? undefined,
          end: i.ended_on ?? undefined,
          durationMs: durationOf(i.started_on, i.ended_on),
        });
        runs.push(
          options.details === false
            ? run
            : { ...run, ...(await this.runDetails(workflowName, i.id)) },
        );
      }
      return runs;
    });
  }

  private async runDetails(
    workflowName: string,
    instanceId: string,
  ): Promise<Partial<WorkflowRun>> {
    const d = instanceDetailSchema.parse(
      await this.ctx.sdk.workflows.instances.get(instanceId, {
        account_id: this.ctx.accountId,
        workflow_name: workflowName,
      }),
    );
    const retries = (d.steps ?? []).reduce(
      (n, s) => n + Math.max(0, (s.attempts?.length ?? 1) - 1),
      0,
    );
    return compact({
      stepCount: d.step_count ?? undefined,
      retries: d.steps ? retries : undefined,
      errorName: d.error?.name || undefined,
      durationMs: durationOf(d.start, d.end),
    });
  }

  private async graphOf(workflowName: string): Promise<WorkflowStepGraph> {
    const listed = await this.ctx.sdk.workflows.versions.list(workflowName, {
      account_id: this.ctx.accountId,
      per_page: VERSIONS_PAGE,
    });
    const versions = z
      .array(versionSchema)
      .parse(listed.result)
      .sort((a, b) => (b.created_on ?? '').localeCompare(a.created_on ?? ''))
      .map(
        (v): WorkflowVersion =>
          compact({
            id: v.id,
            createdOn: v.created_on ?? undefined,
            language: v.language ?? undefined,
            hasDag: v.has_dag,
            concurrencyLimit: v.concurrency?.limit ?? undefined,
          }),
      );
    const current = versions[0];
    if (!current)
      return {
        versions,
        retryPolicy: 'unknown',
        retryPolicyReason: 'Cloudflare lists no deployed version of it.',
      };
    if (!current.hasDag)
      return this.unknownGraph(versions, current.id, 'has no step graph');
    const graph = graphSchema.parse(
      await this.ctx.sdk.workflows.versions.graph(current.id, {
        account_id: this.ctx.accountId,
        workflow_name: workflowName,
      }),
    );
    if (!graph.graph)
      return this.unknownGraph(versions, current.id, 'returned an empty graph');
    const steps: WorkflowStep[] = stepsOfGraph(graph.graph.workflow.nodes);
    return compact({
      versions,
      graphVersionId: current.id,
      steps,
      ...retrySummary(steps),
    });
  }

  private unknownGraph(
    versions: WorkflowVersion[],
    versionId: string,
    why: string,
  ): WorkflowStepGraph {
    return {
      versions,
      graphVersionId: versionId,
      retryPolicy: 'unknown',
      retryPolicyReason: `Cloudflare ${why} for version ${versionId}, so its steps' retry configuration is not exposed.`,
    };
  }

  private toWorkflow(w: z.output<typeof workflowSchema>): Workflow {
    return compact({
      id: w.id,
      name: w.name,
      className: w.class_name ?? undefined,
      scriptName: w.script_name ?? undefined,
      scriptDeleted: w.script_deleted ?? undefined,
      createdOn: w.created_on ?? undefined,
      modifiedOn: w.modified_on ?? undefined,
      triggeredOn: w.triggered_on ?? undefined,
      instances: w.instances ?? {},
      schedules: w.schedules?.map(s =>
        compact({ cron: s.cron, nextInstance: s.next_instance ?? undefined }),
      ),
    });
  }
}
