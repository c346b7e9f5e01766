import { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import { Entity } from '@backstage/catalog-model';
import { DateTime } from 'luxon';
import {
  CloudflareFactRetrieverOptions,
  factsPerEntity,
  openEntities,
  areaResourceFilter,
} from '../common';
import { CloudflareAreaFacts } from './types';

/** Id of the last-run retriever: its key under `techInsights.factRetrievers` and its `factIds`. */
export const WORKFLOW_LAST_RUN_RETRIEVER_ID =
  'cloudflareWorkflowLastRunFactRetriever';

/** Id of the retry-policy retriever: its key under `techInsights.factRetrievers` and its `factIds`. */
export const WORKFLOW_RETRY_POLICY_RETRIEVER_ID =
  'cloudflareWorkflowRetryPolicyFactRetriever';

/** Config key of the fewest retries every step must have to count as having a retry policy. */
export const WORKFLOW_MIN_STEP_RETRIES_CONFIG =
  'techInsights.cloudflare.workflows.minStepRetries';

/** The fewest retries a step must have unless configured: at least one. */
export const DEFAULT_WORKFLOW_MIN_STEP_RETRIES = 1;

/** What the catalog module puts in a workflow `Resource`'s `spec.parameters`. */
interface WorkflowParameters {
  retryPolicy?: string;
  retryPolicyReason?: string;
  minStepRetries?: number;
  stepsWithoutRetries?: string[];
  lastRun?: { id?: string; status?: string; end?: string };
}

const parametersOf = (entity: Entity) =>
  (entity.spec?.parameters ?? {}) as WorkflowParameters;

const entityFilter = areaResourceFilter('workflows');

/** The facts of one entity. */
type Facts = Record<string, string | number | boolean>;

/** A retriever over the workflow `Resource` entities: `compute` gives an entity's facts or none. */
function workflowRetriever(
  options: CloudflareFactRetrieverOptions,
  retriever: Omit<FactRetriever, 'version' | 'entityFilter' | 'handler'>,
  compute: (
    parameters: WorkflowParameters,
    config: { minStepRetries: number },
  ) => Facts | undefined,
): FactRetriever {
  return {
    ...retriever,
    version: '1.0.0',
    entityFilter,
    handler: async ctx => {
      const now = (options.now ?? DateTime.now)();
      const minStepRetries =
        ctx.config.getOptionalNumber(WORKFLOW_MIN_STEP_RETRIES_CONFIG) ??
        DEFAULT_WORKFLOW_MIN_STEP_RETRIES;
      const entities = await openEntities(
        ctx,
        retriever.id,
        entityFilter,
        options.catalog,
      );
      if (!entities) return [];
      return factsPerEntity(ctx, retriever.id, entities, now, async entity =>
        compute(parametersOf(entity), { minStepRetries }),
      );
    },
  };
}

/**
 * Builds the last-run fact retriever (SOC 2 CC7.2, system monitoring): for each workflow
 * `Resource`, the status of its last ended run (`spec.parameters.lastRun`, which the catalog module
 * reads from the newest runs, skipping those still going). Reads only the catalog. A workflow with
 * no ended run gets no fact, never a false pass.
 */
export function createCloudflareWorkflowLastRunFactRetriever(
  options: CloudflareFactRetrieverOptions = {},
): FactRetriever {
  return workflowRetriever(
    options,
    {
      id: WORKFLOW_LAST_RUN_RETRIEVER_ID,
      title: 'Cloudflare Workflow last run',
      description:
        'Whether the last ended run of each workflow completed (SOC 2 CC7.2).',
      schema: {
        lastRunStatus: {
          type: 'string',
          description:
            'Status of the last ended run: complete, errored or terminated',
        },
        lastRunSucceeded: {
          type: 'boolean',
          description: 'True when the last ended run completed',
        },
        reason: {
          type: 'string',
          description: 'The last ended run and how it ended, in words',
        },
      },
    },
    ({ lastRun }) => {
      if (!lastRun?.status) return undefined;
      const ended = lastRun.end ? ` (ended ${lastRun.end})` : '';
      return {
        lastRunStatus: lastRun.status,
        lastRunSucceeded: lastRun.status === 'complete',
        reason: `The last ended run, ${lastRun.id ?? 'unnamed'}, is ${
          lastRun.status
        }${ended}.`,
      };
    },
  );
}

/**
 * Builds the retry-policy fact retriever (SOC 2 A1.2, recovery infrastructure): for each workflow
 * `Resource`, whether every `step.do` step of its newest version's step graph retries at least
 * `techInsights.cloudflare.workflows.minStepRetries` times (default 1). Reads only the catalog
 * (`spec.parameters.minStepRetries`, `retryPolicy`, `stepsWithoutRetries`). When Cloudflare exposes
 * no step graph (`retryPolicy: unknown`) the row holds the policy and the reason only, without
 * `stepsRetry`: the check is not run for it (no false pass) and the reason is recorded.
 */
export function createCloudflareWorkflowRetryPolicyFactRetriever(
  options: CloudflareFactRetrieverOptions = {},
): FactRetriever {
  return workflowRetriever(
    options,
    {
      id: WORKFLOW_RETRY_POLICY_RETRIEVER_ID,
      title: 'Cloudflare Workflow step retry policy',
      description:
        "Whether every step of each workflow's current version retries (SOC 2 A1.2).",
      schema: {
        retryPolicy: {
          type: 'string',
          description:
            'Backoff of the retried steps: exponential, linear, constant, mixed, none, or unknown without a step graph',
        },
        minStepRetries: {
          type: 'integer',
          description: 'The fewest retries a step of the current version has',
        },
        stepsRetry: {
          type: 'boolean',
          description:
            'True when every step retries at least the configured number of times (default 1)',
        },
        reason: {
          type: 'string',
          description:
            'Which steps retry too little, or why the retry policy is unknown',
        },
      },
    },
    (p, config): Facts | undefined => {
      if (!p.retryPolicy) return undefined;
      if (p.retryPolicy === 'unknown' || p.minStepRetries === undefined)
        return {
          retryPolicy: 'unknown',
          reason: p.retryPolicyReason ?? 'The retry policy is unknown.',
        };
      const stepsRetry = p.minStepRetries >= config.minStepRetries;
      const without = p.stepsWithoutRetries?.length
        ? ` Steps without retries: ${p.stepsWithoutRetries.join(', ')}.`
        : '';
      return {
        retryPolicy: p.retryPolicy,
        minStepRetries: p.minStepRetries,
        stepsRetry,
        reason: `The fewest retries of a step is ${p.minStepRetries}; at least ${config.minStepRetries} required.${without}`,
      };
    },
  );
}

/**
 * Workflows: each workflow `Resource` gets the last-run and retry-policy facts, and the checks "the
 * last run succeeded" (SOC 2 CC7.2) and "every step has a retry policy" (SOC 2 A1.2) run on it.
 */
export const workflowsFacts: CloudflareAreaFacts = {
  retrievers: [
    createCloudflareWorkflowLastRunFactRetriever(),
    createCloudflareWorkflowRetryPolicyFactRetriever(),
  ],
  checks: [
    {
      id: 'cloudflareWorkflowLastRunSucceeded',
      type: 'json-rules-engine',
      name: "Workflows' last run succeeded",
      description:
        'SOC 2 CC7.2 (system monitoring): the last ended run of each Cloudflare Workflow completed (runs still going are skipped); an errored or terminated last run fails. A workflow that has no ended run has no fact.',
      factIds: [WORKFLOW_LAST_RUN_RETRIEVER_ID],
      rule: {
        conditions: {
          all: [{ fact: 'lastRunSucceeded', operator: 'equal', value: true }],
        },
      },
    },
    {
      id: 'cloudflareWorkflowStepsRetry',
      type: 'json-rules-engine',
      name: 'Workflow steps have a retry policy',
      description:
        "SOC 2 A1.2 (recovery infrastructure): every step.do step of each Cloudflare Workflow's current version retries at least techInsights.cloudflare.workflows.minStepRetries times (default 1), as its step graph states. Where Cloudflare exposes no step graph the policy is unknown: no result, with the reason recorded.",
      factIds: [WORKFLOW_RETRY_POLICY_RETRIEVER_ID],
      rule: {
        conditions: {
          all: [{ fact: 'stepsRetry', operator: 'equal', value: true }],
        },
      },
    },
  ],
};
