import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { JsonRulesEngineFactChecker } from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import { TechInsightsStore } from '@backstage-community/plugin-tech-insights-node';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { demoWorkflowResources } from '../__fixtures__/workflows';
import {
  demoCloudflareConfig,
  retrieverContext,
  useDemoAccount,
} from '../__testUtils__/demo';
import {
  createCloudflareWorkflowLastRunFactRetriever,
  createCloudflareWorkflowRetryPolicyFactRetriever,
  workflowsFacts,
} from './workflows';
import { CLOUDFLARE_TECH_INSIGHTS_CHECKS } from '../checks';

const nameOf = (e: Entity) => (e.spec!.parameters as any).name;

/** A retriever's facts over the demo account's workflow Resources (after `edit`), by workflow name. */
async function factsByWorkflow(
  create: typeof createCloudflareWorkflowLastRunFactRetriever,
  config: ReturnType<typeof demoCloudflareConfig> = demoCloudflareConfig(),
  edit: (e: Entity[]) => Entity[] = e => e,
) {
  const client = CloudflareClient.fromConfig(new ConfigReader(config));
  const entities = edit(await demoWorkflowResources(client));
  const names = new Map(entities.map(e => [e.metadata.name, nameOf(e)]));
  const catalog = new InMemoryCatalogClient({ entities });
  const retriever = create({ catalog: () => catalog });
  const facts = await retriever.handler(retrieverContext(config).ctx);
  return Object.fromEntries(
    facts.map(f => [names.get(f.entity.name), f.facts]),
  );
}

describe('Workflows facts', () => {
  useDemoAccount();

  it('passes acme-etl and acme-nightly-report and fails acme-onboarding on the last ended run', async () => {
    const facts = await factsByWorkflow(
      createCloudflareWorkflowLastRunFactRetriever,
    );
    // acme-etl's newest run is still going: its last ended run completed.
    expect(facts['acme-etl']).toEqual({
      lastRunStatus: 'complete',
      lastRunSucceeded: true,
      reason: expect.stringMatching(
        /^The last ended run, acme-etl-00024, is complete \(ended /,
      ),
    });
    expect(facts['acme-nightly-report']).toMatchObject({
      lastRunSucceeded: true,
    });
    expect(facts['acme-onboarding']).toMatchObject({
      lastRunStatus: 'errored',
      lastRunSucceeded: false,
    });
  });

  it('gives no last-run fact to a workflow without an ended run', async () => {
    const facts = await factsByWorkflow(
      createCloudflareWorkflowLastRunFactRetriever,
      demoCloudflareConfig(),
      entities =>
        entities.map(e =>
          nameOf(e) === 'acme-etl'
            ? { ...e, spec: { ...e.spec, parameters: { name: 'acme-etl' } } }
            : e,
        ),
    );
    expect(facts).not.toHaveProperty('acme-etl');
    expect(Object.keys(facts)).toHaveLength(2);
  });

  it('passes acme-etl, fails acme-nightly-report (deliver never retries) and leaves acme-onboarding unknown with the reason', async () => {
    const facts = await factsByWorkflow(
      createCloudflareWorkflowRetryPolicyFactRetriever,
    );
    expect(facts['acme-etl']).toEqual({
      retryPolicy: 'exponential',
      minStepRetries: 5,
      stepsRetry: true,
      reason: 'The fewest retries of a step is 5; at least 1 required.',
    });
    expect(facts['acme-nightly-report']).toEqual({
      retryPolicy: 'constant',
      minStepRetries: 0,
      stepsRetry: false,
      reason:
        'The fewest retries of a step is 0; at least 1 required. Steps without retries: deliver.',
    });
    // No stepsRetry fact: the check is not run for it, never a false pass.
    expect(facts['acme-onboarding']).toEqual({
      retryPolicy: 'unknown',
      reason: expect.stringContaining('has no step graph for version'),
    });
  });

  it('reads the fewest retries a step needs from techInsights.cloudflare.workflows.minStepRetries', async () => {
    const facts = await factsByWorkflow(
      createCloudflareWorkflowRetryPolicyFactRetriever,
      {
        ...demoCloudflareConfig(),
        techInsights: { cloudflare: { workflows: { minStepRetries: 6 } } },
      },
    );
    expect(facts['acme-etl']).toMatchObject({ stepsRetry: false });
  });

  it('scores them with jsonfc: pass and fail, and no result at all where the retry policy is unknown', async () => {
    const retrievers = [
      createCloudflareWorkflowLastRunFactRetriever,
      createCloudflareWorkflowRetryPolicyFactRetriever,
    ];
    const facts = await Promise.all(retrievers.map(r => factsByWorkflow(r)));
    const store = {
      getLatestFactsByIds: async (ids: string[], entity: string) => {
        const name = entity.replace('resource:default/cf-workflow-', '');
        return Object.fromEntries(
          retrievers
            .map((r, i) => [r().id, facts[i][name]] as const)
            .filter(([id, f]) => ids.includes(id) && f)
            .map(([id, f]) => [id, { id, entity, timestamp: 0, facts: f }]),
        );
      },
      getLatestSchemas: async (ids: string[]) =>
        retrievers
          .map(r => r())
          .filter(r => ids.includes(r.id))
          .map(r => r.schema),
    };
    const fc = new JsonRulesEngineFactChecker({
      checks: [...workflowsFacts.checks],
      repository: store as unknown as TechInsightsStore,
      logger: mockServices.logger.mock(),
    });
    const results = async (name: string) =>
      Object.fromEntries(
        (await fc.runChecks(`resource:default/cf-workflow-${name}`)).map(r => [
          r.check.id,
          r.result,
        ]),
      );
    expect(await results('acme-etl')).toEqual({
      cloudflareWorkflowLastRunSucceeded: true,
      cloudflareWorkflowStepsRetry: true,
    });
    expect(await results('acme-nightly-report')).toEqual({
      cloudflareWorkflowLastRunSucceeded: true,
      cloudflareWorkflowStepsRetry: false,
    });
    expect(await results('acme-onboarding')).toEqual({
      cloudflareWorkflowLastRunSucceeded: false,
    });
  });

  it('names the SOC 2 criteria of its checks', () => {
    expect(
      workflowsFacts.checks.map(c => [
        c.id,
        CLOUDFLARE_TECH_INSIGHTS_CHECKS[c.id].metadata.soc2.control,
      ]),
    ).toEqual([
      ['cloudflareWorkflowLastRunSucceeded', 'CC7.2'],
      ['cloudflareWorkflowStepsRetry', 'A1.2'],
    ]);
  });
});
