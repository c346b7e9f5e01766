import Cloudflare from 'cloudflare';
import { sdk, useDemoAccount } from '../__testUtils__/sdk';
import { SECRET_CANARIES } from '../canaries';
import { createRng } from '../rng';
import { generateWorkflowsData } from '../fixtures/workflows';

describe('Workflows area', () => {
  const demo = useDemoAccount();
  const account_id = demo.account_id;

  it('lists workflows across pages with instance counts', async () => {
    const workflows = [];
    for await (const w of sdk().workflows.list({ account_id, per_page: 2 }))
      workflows.push(w);
    expect(workflows.map(w => w.name)).toEqual([
      'acme-etl',
      'acme-onboarding',
      'acme-nightly-report',
    ]);
    expect(workflows[0]).toMatchObject({
      class_name: 'AcmeEtlWorkflow',
      script_name: 'acme-etl',
    });
    expect(workflows[0].instances).toEqual({
      running: 1,
      errored: 1,
      complete: 23,
    });
    expect(workflows[2].schedules?.[0].cron).toBe('0 2 * * *');
  });

  it('pages instances and filters them by status', async () => {
    const all = [];
    for await (const i of sdk().workflows.instances.list('acme-etl', {
      account_id,
      per_page: 10,
    }))
      all.push(i);
    expect(all).toHaveLength(25);
    expect(all[0].status).toBe('running');
    const errored = await sdk().workflows.instances.list('acme-etl', {
      account_id,
      status: 'errored',
    });
    expect(errored.result.map(i => i.id)).toEqual(['acme-etl-00019']);
  });

  it('shows the last run of acme-onboarding errored', async () => {
    const [last] = (
      await sdk().workflows.instances.list('acme-onboarding', { account_id })
    ).result;
    expect(last.status).toBe('errored');
    const detail = await sdk().workflows.instances.get(last.id, {
      account_id,
      workflow_name: 'acme-onboarding',
    });
    expect(detail).toMatchObject({
      status: 'errored',
      success: false,
      error: { message: 'provision-account: upstream returned 503' },
    });
    expect(detail.steps).toHaveLength(2);
  });

  it('reads an instance with steps, retry config and params', async () => {
    const detail = await sdk().workflows.instances.get('acme-etl-00024', {
      account_id,
      workflow_name: 'acme-etl',
    });
    expect(detail.status).toBe('complete');
    expect(detail.step_count).toBe(6);
    const load = detail.steps.find(s => 'name' in s && s.name === 'load');
    expect(load).toMatchObject({
      type: 'step',
      success: true,
      config: {
        retries: { limit: 5, delay: '10 seconds', backoff: 'exponential' },
        sensitive: 'output',
      },
    });
    expect(JSON.stringify(detail.params)).toContain(
      SECRET_CANARIES.workflowParam,
    );
  });

  it('lists versions newest first, the current one the instances ran', async () => {
    const versions = [];
    for await (const v of sdk().workflows.versions.list('acme-etl', {
      account_id,
      per_page: 2,
    }))
      versions.push(v);
    expect(versions).toHaveLength(3);
    expect(versions[0].created_on > versions[1].created_on).toBe(true);
    const [last] = (
      await sdk().workflows.instances.list('acme-etl', { account_id })
    ).result;
    expect(last.version_id).toBe(versions[0].id);
    const onboarding = await sdk().workflows.versions.list('acme-onboarding', {
      account_id,
    });
    expect(onboarding.result.every(v => !v.has_dag)).toBe(true);
  });

  it('serves step graphs with retry configs, and none without a DAG', async () => {
    const [etl] = (
      await sdk().workflows.versions.list('acme-etl', { account_id })
    ).result;
    const graph = await sdk().workflows.versions.graph(etl.id, {
      account_id,
      workflow_name: 'acme-etl',
    });
    const nodes = graph.graph!.workflow.nodes;
    expect(nodes.map(n => n.type)).toEqual([
      'step_do',
      'step_do',
      'step_do',
      'step_do',
      'step_sleep',
      'parallel',
    ]);
    expect(nodes[0]).toMatchObject({
      name: 'extract',
      config: { retries: { limit: 5, backoff: 'exponential' } },
    });
    const [report] = (
      await sdk().workflows.versions.list('acme-nightly-report', { account_id })
    ).result;
    const reportGraph = await sdk().workflows.versions.graph(report.id, {
      account_id,
      workflow_name: 'acme-nightly-report',
    });
    expect(reportGraph.graph!.workflow.nodes[2]).toMatchObject({
      name: 'deliver',
      config: { retries: { limit: 0 } },
    });
    const [onboarding] = (
      await sdk().workflows.versions.list('acme-onboarding', { account_id })
    ).result;
    const none = await sdk().workflows.versions.graph(onboarding.id, {
      account_id,
      workflow_name: 'acme-onboarding',
    });
    expect(none.graph).toBeNull();
    await expect(
      sdk().workflows.versions.graph('nope', {
        account_id,
        workflow_name: 'acme-etl',
      }),
    ).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
  });

  it('answers unknown workflows and instances with NotFoundError', async () => {
    await expect(
      sdk().workflows.get('nope', { account_id }),
    ).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
    await expect(
      sdk().workflows.instances.get('nope', {
        account_id,
        workflow_name: 'acme-etl',
      }),
    ).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
  });

  it('generates scale-mode data deterministically from the seed', () => {
    const first = generateWorkflowsData(createRng(7), 40);
    const second = generateWorkflowsData(createRng(7), 40);
    expect(first.workflows).toHaveLength(40);
    expect(first.workflows.map(w => w.workflow.id)).toEqual(
      second.workflows.map(w => w.workflow.id),
    );
    expect(generateWorkflowsData(createRng(7), 0).workflows).toHaveLength(0);
  });
});
