import { ALL_SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import {
  DEMO_MAP_CONTEXT,
  annotationDependsOn,
  areaCycles,
  demoClient,
  demoState,
  dependsOnOf,
  runDemoAreas,
} from '../__testUtils__/demo';
import { workersArea } from './workers';
import { workflowsArea } from './workflows';

const W = 'GET /accounts/:account_id/workflows';
const COLD_CALLS = {
  [W]: 2,
  [`${W}/:workflow_name/versions`]: 3,
  [`${W}/:workflow_name/versions/:version_id/graph`]: 2,
  [`${W}/:workflow_name/instances`]: 3,
};

describe('workflowsArea', () => {
  it('maps every workflow with its steps, retry policy and last ended run, and its Worker as what depends on it', async () => {
    const state = demoState();
    const read = await workflowsArea.read(demoClient(state), undefined);
    expect(state.callCounts()).toEqual(COLD_CALLS);
    const entities = workflowsArea
      .map(read, DEMO_MAP_CONTEXT)
      .map(e => e.entity);
    expect(entities.map(e => e.metadata.name)).toEqual([
      'cf-workflow-acme-etl',
      'cf-workflow-acme-onboarding',
      'cf-workflow-acme-nightly-report',
    ]);
    const [etl, onboarding, report] = entities;
    const etlData = state.data.workflows.workflows[0];
    expect(etl.metadata).toMatchObject({
      description:
        'Cloudflare Workflow acme-etl (AcmeEtlWorkflow in Worker acme-etl)',
      tags: ['cloudflare', 'workflow'],
      annotations: { 'cloudflare.com/resource-id': etlData.workflow.id },
    });
    expect(etl.spec).toEqual({
      type: 'cloudflare-workflow',
      owner: 'group:default/platform',
      dependencyOf: ['resource:default/cf-worker-acme-etl'],
      parameters: {
        accountId: DEMO_MAP_CONTEXT.accountId,
        workflowId: etlData.workflow.id,
        name: 'acme-etl',
        className: 'AcmeEtlWorkflow',
        scriptName: 'acme-etl',
        createdOn: etlData.workflow.created_on,
        modifiedOn: etlData.workflow.modified_on,
        versionId: etlData.versions.versions[0].id,
        steps: 6,
        retryPolicy: 'exponential',
        minStepRetries: 5,
        // The newest run is still going: the last ended one is the one before.
        lastRun: {
          id: 'acme-etl-00024',
          status: 'complete',
          start: etlData.instances[1].started_on,
          end: etlData.instances[1].ended_on,
        },
      },
    });
    expect(onboarding.spec).toMatchObject({
      dependencyOf: ['resource:default/cf-worker-acme-api'],
      parameters: {
        retryPolicy: 'unknown',
        retryPolicyReason: expect.stringContaining('has no step graph'),
        lastRun: { status: 'errored' },
      },
    });
    expect(onboarding.spec!.parameters).not.toHaveProperty('steps');
    expect(onboarding.spec!.parameters).not.toHaveProperty('minStepRetries');
    expect(report.metadata.tags).toEqual([
      'cloudflare',
      'workflow',
      'scheduled',
    ]);
    expect(report.spec!.parameters).toMatchObject({
      schedules: ['0 2 * * *'],
      steps: 3,
      retryPolicy: 'constant',
      stepsWithoutRetries: ['deliver'],
      minStepRetries: 0,
      lastRun: { status: 'complete' },
    });
    const json = JSON.stringify(entities);
    for (const canary of ALL_SECRET_CANARIES)
      expect(json).not.toContain(canary);
    expect(Object.keys(state.callCounts()).join()).not.toMatch(/\/step$/);
    expect(new Map(workflowsArea.names!(read)).get(etlData.workflow.id)).toBe(
      'acme-etl',
    );
  });

  it('keeps graphs and ended runs on a warm run, reading again only what changed', async () => {
    const state = demoState();
    const cycle = areaCycles(workflowsArea, state);
    const first = await cycle();
    state.resetCalls();
    const warm = await cycle();
    // acme-etl's newest run is still going: only its runs are read again.
    expect(state.callCounts()).toEqual({
      [W]: 2,
      [`${W}/:workflow_name/instances`]: 1,
    });
    expect(warm[2].graph).toEqual(first[2].graph);
    const report = state.data.workflows.workflows[2].workflow;
    report.modified_on = new Date().toISOString();
    report.triggered_on = new Date().toISOString();
    state.resetCalls();
    await cycle();
    expect(state.callCounts()).toEqual({
      [W]: 2,
      [`${W}/:workflow_name/versions`]: 1,
      [`${W}/:workflow_name/versions/:version_id/graph`]: 1,
      [`${W}/:workflow_name/instances`]: 2,
    });
  });

  it("meets a Worker's workflow binding and a Component's annotation at cf-workflow-<name>", async () => {
    const state = demoState();
    state.data.workers.settings['acme-api'].bindings!.push({
      type: 'workflow',
      name: 'ONBOARDING',
      workflow_name: 'acme-onboarding',
      class_name: 'OnboardingWorkflow',
    });
    const [workers, workflows] = await runDemoAreas(
      { workers: workersArea, workflows: workflowsArea },
      state,
    );
    expect(workflows.entities.map(e => e.entity.metadata.name)).toContain(
      'cf-workflow-acme-onboarding',
    );
    expect(dependsOnOf(workers.entities, 'cf-worker-acme-api')).toContain(
      'resource:default/cf-workflow-acme-onboarding',
    );
    expect(
      await annotationDependsOn({ 'cloudflare.com/workflow': 'acme-etl' }),
    ).toEqual(['resource:default/cf-workflow-acme-etl']);
  });
});
