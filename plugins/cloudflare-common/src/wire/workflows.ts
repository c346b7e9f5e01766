import { z } from 'zod';
import { defineRoute, defineWireType } from './contract';
import { boundedIntParam, isoTimestampParam } from './params';

/**
 * Workflow names as Cloudflare accepts them (like Worker script names): 1-64 lower-case letters,
 * digits, `-` or `_`, starting with a letter or digit.
 *
 * @public
 */
export const workflowNameParam = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,63}$/,
    'must be a workflow name: 1-64 lower-case letters, digits, "-" or "_", starting with a letter or digit',
  );

/**
 * A step's retry policy as the workflow version's step graph states it (`step.do(name, config)`).
 *
 * @public
 */
export const workflowRetryPolicySchema = z.object({
  /** Retries after the first attempt; `0` means the step is never retried. */
  limit: z.number().int().nonnegative(),
  /** Delay before a retry, as written in the code (`10 seconds`) or in milliseconds (`60000 ms`). */
  delay: z.string().optional(),
  /** `constant`, `linear` or `exponential`. */
  backoff: z.string().optional(),
});

/**
 * One step of a workflow version's step graph, in the order the code runs them (steps inside
 * `parallel`, `try`, `if`, loops and functions included). The graph holds no data: names,
 * durations and retry configuration only.
 *
 * @public
 */
export const workflowStepSchema = z.object({
  /** The step's name. */
  name: z.string(),
  /** `do` (`step.do`), `sleep`, `sleepUntil` or `waitForEvent`. */
  kind: z.enum(['do', 'sleep', 'sleepUntil', 'waitForEvent']),
  /** Retry policy of a `do` step. */
  retries: workflowRetryPolicySchema.optional(),
  /** Timeout of a `do` or `waitForEvent` step, or a sleep's duration. */
  timeout: z.string().optional(),
});

/**
 * A step of a workflow's graph (see {@link workflowStepSchema}).
 *
 * @public
 */
export type WorkflowStep = z.output<typeof workflowStepSchema>;

/**
 * One deployed version of a workflow.
 *
 * @public
 */
export const workflowVersionSchema = z.object({
  /** Version id. */
  id: z.string(),
  /** When it was deployed (ISO 8601). */
  createdOn: z.string().optional(),
  /** `javascript` or `python`. */
  language: z.string().optional(),
  /** True when Cloudflare built a step graph for the version. */
  hasDag: z.boolean(),
  /** Instances of the version that may run at once. */
  concurrencyLimit: z.number().optional(),
});

/**
 * A workflow version (see {@link workflowVersionSchema}).
 *
 * @public
 */
export type WorkflowVersion = z.output<typeof workflowVersionSchema>;

/**
 * What the current version's step graph says about retries:
 * - `exponential`, `linear` or `constant`: the backoff every retried step uses;
 * - `mixed`: retried steps use several backoffs;
 * - `none`: no step is retried;
 * - `unknown`: Cloudflare exposes no step graph for the version (`retryPolicyReason` says why).
 *
 * @public
 */
export const workflowRetrySummarySchema = z.enum([
  'exponential',
  'linear',
  'constant',
  'mixed',
  'none',
  'unknown',
]);

/**
 * A workflow's step graph and what it says about retries: the current (newest) version's graph
 * (`versions.graph`), where Cloudflare exposes one.
 *
 * @public
 */
export const workflowStepGraphSchema = z.object({
  /** Deployed versions, newest first (the first page Cloudflare lists). */
  versions: z.array(workflowVersionSchema),
  /** The version whose graph this is: the newest. */
  graphVersionId: z.string().optional(),
  /** The graph's steps, in order; absent when Cloudflare exposes no graph. */
  steps: z.array(workflowStepSchema).optional(),
  /** Number of `step.do` steps in the graph. */
  stepCount: z.number().int().nonnegative().optional(),
  /** The retry policy of the graph's `step.do` steps. */
  retryPolicy: workflowRetrySummarySchema,
  /** `step.do` steps without retries (`limit: 0`). */
  stepsWithoutRetries: z.array(z.string()).optional(),
  /** Why the retry policy is `unknown`. */
  retryPolicyReason: z.string().optional(),
});

/**
 * A workflow's step graph (see {@link workflowStepGraphSchema}).
 *
 * @public
 */
export type WorkflowStepGraph = z.output<typeof workflowStepGraphSchema>;

/**
 * A workflow (spec section 3.13): the client's output, the list route's item. The list fields
 * (class, Worker script, instance counts by status, schedules) with, where read, its versions and
 * the current version's step graph.
 *
 * Secret, never part of it: instance `params`, every `output` and error messages (user data). Nothing
 * in it is sensitive: names, counts, schedules and retry configuration.
 *
 * @public
 */
export const workflowSchema = workflowStepGraphSchema.partial().extend({
  /** Workflow id (UUID). */
  id: z.string(),
  /** Workflow name. */
  name: z.string(),
  /** The `WorkflowEntrypoint` class. */
  className: z.string().optional(),
  /** The Worker script that hosts the class. */
  scriptName: z.string().optional(),
  /** True when that script was deleted. */
  scriptDeleted: z.boolean().optional(),
  /** When it was created (ISO 8601). */
  createdOn: z.string().optional(),
  /** When it was last deployed (ISO 8601). */
  modifiedOn: z.string().optional(),
  /** When an instance was last created (ISO 8601). */
  triggeredOn: z.string().optional(),
  /** Instances by status (`complete`, `errored`, `running`, ...). */
  instances: z.record(z.string(), z.number()),
  /** Cron triggers and the next instance each starts. */
  schedules: z
    .array(z.object({ cron: z.string(), nextInstance: z.string().optional() }))
    .optional(),
});

/**
 * A workflow (see {@link workflowSchema}).
 *
 * @public
 */
export type Workflow = z.output<typeof workflowSchema>;

/**
 * Terminal statuses: a run in one of them has ended.
 *
 * @public
 */
export const WORKFLOW_TERMINAL_STATUSES: readonly string[] = [
  'complete',
  'errored',
  'terminated',
];

/**
 * One run (instance) of a workflow: status, times, retries and the error's name. Never its
 * `params`, `output`, step outputs or the error's message (user data: the client drops them and
 * never calls `instances.step`).
 *
 * @public
 */
export const workflowRunSchema = z.object({
  /** Instance id. */
  id: z.string(),
  /** `queued`, `running`, `paused`, `errored`, `terminated`, `complete`, `waiting`, ... */
  status: z.string(),
  /** The version it ran. */
  versionId: z.string().optional(),
  /** What started it: `api`, `binding`, `event`, `cron` or `unknown`. */
  trigger: z.string().optional(),
  /** When it was created (ISO 8601). */
  createdOn: z.string(),
  /** When it started (ISO 8601). */
  start: z.string().optional(),
  /** When it ended (ISO 8601). */
  end: z.string().optional(),
  /** Milliseconds from start to end. */
  durationMs: z.number().nonnegative().optional(),
  /** Steps it ran (from the instance's own read). */
  stepCount: z.number().int().nonnegative().optional(),
  /** Attempts beyond each step's first, over all its steps (from the instance's own read). */
  retries: z.number().int().nonnegative().optional(),
  /** The error's name (`Error`, `NonRetryableError`, ...) when it errored; never the message. */
  errorName: z.string().optional(),
});

/**
 * A workflow run (see {@link workflowRunSchema}).
 *
 * @public
 */
export type WorkflowRun = z.output<typeof workflowRunSchema>;

/**
 * Query of the workflows route: one page of `limit` workflows (1 to 25, default 10), each with its
 * versions and step graph; `cursor` is the next page's number, as a previous answer gave it.
 *
 * @public
 */
export const workflowsQuerySchema = z.object({
  limit: boundedIntParam(25, 10),
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,5}$/, 'must be a cursor returned by a previous page')
    .optional(),
});

/**
 * Query of the runs route: the last `limit` runs (1 to 25, default 10) created between `from` and
 * `to` (ISO 8601), newest first.
 *
 * @public
 */
export const workflowRunsQuerySchema = z
  .object({
    from: isoTimestampParam.optional(),
    to: isoTimestampParam.optional(),
    limit: boundedIntParam(25, 10),
  })
  .refine(q => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

/**
 * Parsed query of the runs route.
 *
 * @public
 */
export type WorkflowRunsQuery = z.output<typeof workflowRunsQuerySchema>;

/**
 * Routes of the Workflows area. None reads instance params, outputs or step outputs.
 *
 * @public
 */
export const workflowsRoutes = {
  workflows: defineRoute({
    id: 'workflows.workflows',
    area: 'workflows',
    path: '/v1/workflows',
    description:
      "Workflows with their Worker, instance counts, schedules, versions and the current version's step graph and retry policy, paged as Cloudflare pages.",
    params: z.object({}),
    query: workflowsQuerySchema,
    shape: 'list',
    wire: defineWireType({
      name: 'Workflow',
      schema: workflowSchema,
      sensitive: [],
    }),
  }),
  runs: defineRoute({
    id: 'workflows.runs',
    area: 'workflows',
    path: '/v1/workflows/:name/runs',
    description:
      "A workflow's last runs between from and to: status, start, end, duration, retries and the error's name (never params, outputs or error messages).",
    params: z.object({ name: workflowNameParam }),
    query: workflowRunsQuerySchema,
    shape: 'list',
    wire: defineWireType({
      name: 'WorkflowRun',
      schema: workflowRunSchema,
      sensitive: [],
    }),
  }),
};
