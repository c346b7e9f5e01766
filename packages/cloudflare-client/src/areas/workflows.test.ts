import { SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import { useDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { demoContext } from '../__testUtils__/areaContext';
import { expectNoCanary } from '../__testUtils__/demo';
import { stepsOfGraph } from './workflowGraph';
import { WorkflowsApi } from './workflows';

const ETL_STEPS = ['extract', 'transform', 'validate', 'load'].map(name => ({
  name,
  kind: 'do',
  retries: { limit: 5, delay: '10 seconds', backoff: 'exponential' },
  timeout: '10 minutes',
}));

describe('WorkflowsApi', () => {
  const demo = useDemoAccount();

  it('lists every workflow across pages, the list fields only', async () => {
    const ctx = demoContext();
    const workflows = await new WorkflowsApi(ctx).listWorkflows();
    expect(workflows.map(w => w.name)).toEqual([
      'acme-etl',
      'acme-onboarding',
      'acme-nightly-report',
    ]);
    expect(workflows[0]).toEqual({
      id: '7d1e6f0a-2b3c-4d5e-8f9a-0b1c2d3e4f50',
      name: 'acme-etl',
      className: 'AcmeEtlWorkflow',
      scriptName: 'acme-etl',
      createdOn: expect.any(String),
      modifiedOn: expect.any(String),
      triggeredOn: expect.any(String),
      instances: { running: 1, errored: 1, complete: 23 },
    });
    expect(workflows[2].schedules).toEqual([
      { cron: '0 2 * * *', nextInstance: expect.any(String) },
    ]);
    // One page of 100, then the empty page the SDK stops at.
    expect(ctx.stats().callsByArea).toEqual({ workflows: 2 });
  });

  it("reads the newest version's step graph, steps nested in parallel included", async () => {
    const ctx = demoContext();
    const graph = await new WorkflowsApi(ctx).getStepGraph('acme-etl');
    expect(graph.versions).toHaveLength(3);
    expect(graph.versions[0]).toMatchObject({
      id: graph.graphVersionId,
      hasDag: true,
      language: 'javascript',
    });
    expect(graph.steps).toEqual([
      ...ETL_STEPS,
      { name: 'settle', kind: 'sleep', timeout: '1 minute' },
      ...['reindex', 'notify'].map(name => ({ ...ETL_STEPS[0], name })),
    ]);
    expect(graph).toMatchObject({ stepCount: 6, retryPolicy: 'exponential' });
    expect(graph.stepsWithoutRetries).toBeUndefined();
    expect(ctx.stats().callsByArea).toEqual({ workflows: 2 });
  });

  it('names the steps without retries', async () => {
    const graph = await new WorkflowsApi(demoContext()).getStepGraph(
      'acme-nightly-report',
    );
    expect(graph).toMatchObject({
      stepCount: 3,
      retryPolicy: 'constant',
      stepsWithoutRetries: ['deliver'],
    });
    expect(graph.steps?.[0]).toMatchObject({ timeout: '60000 ms' });
  });

  it('says why the retry policy is unknown when Cloudflare has no graph, in one call', async () => {
    const ctx = demoContext();
    const graph = await new WorkflowsApi(ctx).getStepGraph('acme-onboarding');
    expect(graph.retryPolicy).toBe('unknown');
    expect(graph.retryPolicyReason).toMatch(
      /has no step graph for version .* retry configuration is not exposed/,
    );
    expect(graph.steps).toBeUndefined();
    expect(ctx.stats().callsByArea).toEqual({ workflows: 1 });
  });

  it('pages workflows as Cloudflare pages, each with its graph', async () => {
    const api = new WorkflowsApi(demoContext());
    const first = await api.pageOfWorkflows({ page: 1, perPage: 2 });
    expect(first.items.map(w => w.name)).toEqual([
      'acme-etl',
      'acme-onboarding',
    ]);
    expect(first.cursor).toBe('2');
    expect(first.items[0]).toMatchObject({
      scriptName: 'acme-etl',
      retryPolicy: 'exponential',
      stepCount: 6,
    });
    expect(first.items[1].retryPolicy).toBe('unknown');
    const second = await api.pageOfWorkflows({ page: 2, perPage: 2 });
    expect(second.items.map(w => w.name)).toEqual(['acme-nightly-report']);
    expect(second.cursor).toBeUndefined();
  });

  it('reads the last runs with retries and error name, never params, outputs or messages', async () => {
    const ctx = demoContext();
    const runs = await new WorkflowsApi(ctx).listRuns('acme-etl', {
      limit: 10,
    });
    expect(runs).toHaveLength(10);
    expect(runs[0]).toMatchObject({ status: 'running', stepCount: 3 });
    expect(runs[0].end).toBeUndefined();
    expect(runs[1]).toEqual({
      id: 'acme-etl-00024',
      status: 'complete',
      versionId: expect.any(String),
      trigger: 'binding',
      createdOn: expect.any(String),
      start: expect.any(String),
      end: expect.any(String),
      durationMs: 180_000,
      stepCount: 6,
      retries: 0,
    });
    expect(runs[6]).toMatchObject({
      id: 'acme-etl-00019',
      status: 'errored',
      errorName: 'Error',
      // The failing step's 6 attempts: 5 retries.
      retries: 5,
    });
    const json = JSON.stringify(runs);
    expect(json).not.toContain('upstream returned 503');
    expect(json).not.toContain('rows');
    expectNoCanary(runs, [SECRET_CANARIES.workflowParam]);
    expect(ctx.stats().callsByArea).toEqual({ workflows: 11 });
    expect(Object.keys(demo.state.callCounts()).join()).not.toMatch(/\/step/);
  });

  it('filters runs by time and reads only the list without details', async () => {
    const ctx = demoContext();
    const api = new WorkflowsApi(ctx);
    const all = await api.listRuns('acme-etl', { limit: 25, details: false });
    expect(all).toHaveLength(25);
    expect(all[0]).not.toHaveProperty('retries');
    expect(ctx.stats().callsByArea).toEqual({ workflows: 1 });
    const from = all[5].createdOn;
    const to = all[2].createdOn;
    const window = await api.listRuns('acme-etl', { from, to });
    expect(window.map(r => r.id)).toEqual(all.slice(2, 6).map(r => r.id));
  });

  it('maps an unknown workflow to a not-found error', async () => {
    await expect(
      new WorkflowsApi(demoContext()).listRuns('nope'),
    ).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('walks try blocks, branches and functions and drops what is not a step', () => {
    const step = (name: string) => ({
      type: 'step_do',
      name,
      config: {
        retries: { limit: 1, delay: 5, backoff: 'linear' },
        timeout: 1,
      },
      output: SECRET_CANARIES.workflowParam,
    });
    const steps = stepsOfGraph([
      {
        type: 'try',
        try_block: { type: 'block', nodes: [step('a')] },
        catch_block: { type: 'block', nodes: [step('b')] },
        finally_block: null,
      },
      { type: 'if', branches: [{ condition: 'x', nodes: [step('c')] }] },
      { type: 'function_call', name: 'helper' },
      {
        type: 'start',
        nodes: [],
        functions: {
          helper: { type: 'function_def', name: 'h', nodes: [step('d')] },
        },
      },
      {
        type: 'step_wait_for_event',
        name: 'approval',
        options: { event_type: 'ok', timeout: '1 day' },
      },
      'not a node',
    ]);
    expect(steps.map(s => `${s.kind}:${s.name}`)).toEqual([
      'do:a',
      'do:b',
      'do:c',
      'do:d',
      'waitForEvent:approval',
    ]);
    expect(steps[0].retries).toEqual({
      limit: 1,
      delay: '5 ms',
      backoff: 'linear',
    });
    expectNoCanary(steps, [SECRET_CANARIES.workflowParam]);
  });
});
