import { z } from 'zod';
import {
  WorkflowStep,
  WorkflowStepGraph,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { compact } from '../envelope';

/** A duration as the graph writes it: milliseconds or words (`10 seconds`). */
const duration = z
  .union([z.number(), z.string()])
  .nullish()
  .transform(v => (typeof v === 'number' ? `${v} ms` : v ?? undefined));

/** A graph node as far as steps go; the other fields (payload shapes, conditions) are dropped. */
const nodeSchema = z.object({
  type: z.string(),
  name: z.string().nullish(),
  config: z
    .object({
      retries: z
        .object({
          limit: z.number().int().nonnegative(),
          delay: duration,
          backoff: z.string().nullish(),
        })
        .nullish(),
      timeout: duration,
    })
    .nullish(),
  duration,
  timestamp: z.string().nullish(),
  options: z.object({ timeout: duration }).nullish(),
});

/** Child node lists of a node: `nodes`, try/catch/finally blocks, if/switch branches, functions. */
const childrenSchema = z.object({
  nodes: z.array(z.unknown()).nullish(),
  try_block: z.object({ nodes: z.array(z.unknown()) }).nullish(),
  catch_block: z.object({ nodes: z.array(z.unknown()) }).nullish(),
  finally_block: z.object({ nodes: z.array(z.unknown()) }).nullish(),
  branches: z.array(z.object({ nodes: z.array(z.unknown()) })).nullish(),
  functions: z
    .record(z.string(), z.object({ nodes: z.array(z.unknown()) }))
    .nullish(),
});

const KINDS: Record<string, WorkflowStep['kind']> = {
  step_do: 'do',
  step_sleep: 'sleep',
  step_sleep_until: 'sleepUntil',
  step_wait_for_event: 'waitForEvent',
};

/** Nesting the walk follows at most (the graph is a tree; this bounds a hostile one). */
const MAX_DEPTH = 32;

function walk(nodes: unknown[], depth: number, out: WorkflowStep[]): void {
  if (depth > MAX_DEPTH) return;
  for (const raw of nodes) {
    const node = nodeSchema.safeParse(raw);
    if (!node.success) continue;
    const kind = KINDS[node.data.type];
    if (kind && node.data.name) {
      const n = node.data;
      out.push(
        compact({
          name: n.name!,
          kind,
          retries: n.config?.retries
            ? compact({
                limit: n.config.retries.limit,
                delay: n.config.retries.delay,
                backoff: n.config.retries.backoff ?? undefined,
              })
            : undefined,
          timeout:
            n.config?.timeout ??
            n.options?.timeout ??
            n.duration ??
            n.timestamp ??
            undefined,
        }),
      );
    }
    const c = childrenSchema.safeParse(raw);
    if (!c.success) continue;
    const lists = [
      c.data.nodes,
      c.data.try_block?.nodes,
      c.data.catch_block?.nodes,
      c.data.finally_block?.nodes,
      ...(c.data.branches ?? []).map(b => b.nodes),
      ...Object.values(c.data.functions ?? {}).map(f => f.nodes),
    ];
    for (const list of lists) if (list) walk(list, depth + 1, out);
  }
}

/**
 * The steps of a version's step graph (`versions.graph`), in the order the code states them, with
 * steps inside `parallel`, `try`, `if`, `switch`, loops and functions; nodes that are not steps are
 * walked through, unknown fields dropped.
 */
export function stepsOfGraph(nodes: unknown[]): WorkflowStep[] {
  const out: WorkflowStep[] = [];
  walk(nodes, 0, out);
  return out;
}

/** What the graph's `step.do` steps say about retries (see `workflowRetrySummarySchema`). */
export function retrySummary(
  steps: WorkflowStep[],
): Pick<
  WorkflowStepGraph,
  'stepCount' | 'retryPolicy' | 'stepsWithoutRetries'
> {
  const doSteps = steps.filter(s => s.kind === 'do');
  const without = doSteps.filter(s => !s.retries || s.retries.limit === 0);
  const backoffs = new Set(
    doSteps
      .filter(s => s.retries && s.retries.limit > 0)
      .map(s => s.retries!.backoff ?? 'exponential'),
  );
  let retryPolicy: WorkflowStepGraph['retryPolicy'] = 'none';
  if (backoffs.size > 1) retryPolicy = 'mixed';
  else if (backoffs.size === 1) {
    const [only] = backoffs;
    retryPolicy =
      only === 'linear' || only === 'constant' ? only : 'exponential';
  }
  return compact({
    stepCount: doSteps.length,
    retryPolicy,
    stepsWithoutRetries:
      without.length > 0 ? without.map(s => s.name) : undefined,
  });
}
