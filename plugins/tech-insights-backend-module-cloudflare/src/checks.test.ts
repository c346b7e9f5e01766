import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
// The jsonfc module is installed with the Tech Insights backend; the checks run on the real engine.
import { JsonRulesEngineFactChecker } from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import {
  FactRetriever,
  FlatTechInsightFact,
  TechInsightFact,
  TechInsightsStore,
} from '@backstage-community/plugin-tech-insights-node';
import { mockServices } from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import fs from 'fs';
import path from 'path';
import YAML from 'yaml';
import {
  CLOUDFLARE_CHECK_IDS,
  CLOUDFLARE_SCORECARDS,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  CLOUDFLARE_TECH_INSIGHTS_CHECKS,
  cloudflareTechInsightsChecks,
  cloudflareTechInsightsChecksConfig,
} from './checks';
import { createCloudflareKvPiiRetentionFactRetriever } from './areas/kv';
import { createCloudflareWorkerPlaintextSecretsFactRetriever } from './areas/workers';
import { cloudflareFactRetrievers } from './module';
import { createCloudflareR2LifecycleFactRetriever } from './areas/r2';
import {
  createCloudflareWorkflowLastRunFactRetriever,
  createCloudflareWorkflowRetryPolicyFactRetriever,
} from './areas/workflows';
import { createCloudflareDurableObjectsFactRetriever } from './areas/durableObjects';
import {
  createCloudflareQueueBacklogFactRetriever,
  createCloudflareQueueDeadLetterFactRetriever,
} from './areas/queues';
import { createCloudflareAiSearchCrawlFactRetriever } from './areas/aiSearch';
import { createCloudflareAiGatewayPolicyFactRetriever } from './areas/aiGateway';
import { createCloudflareVectorizeIndexFactRetriever } from './areas/vectorize';
import {
  createCloudflareAccessAuditFactRetriever,
  createCloudflareApiTokenHygieneFactRetriever,
  createCloudflareCoverageFactRetriever,
  createCloudflareDeploymentAuditFactRetriever,
  createCloudflareDeploymentProvenanceFactRetriever,
} from './factRetrievers';
import {
  demoCatalog,
  retrieverContext,
  useDemoAccount,
} from './__testUtils__/demo';

/** A TechInsightsStore holding the latest facts of each retriever, stored the way the database does (JSON). */
class MemoryStore
  implements
    Pick<TechInsightsStore, 'getLatestFactsByIds' | 'getLatestSchemas'>
{
  private readonly rows = new Map<
    string,
    Record<string, FlatTechInsightFact>
  >();
  constructor(private readonly retrievers: FactRetriever[]) {}

  insert(id: string, facts: TechInsightFact[]) {
    for (const fact of facts) {
      const ref = stringifyEntityRef(fact.entity);
      const row = this.rows.get(ref) ?? {};
      row[id] = { id, ...JSON.parse(JSON.stringify(fact)) };
      this.rows.set(ref, row);
    }
  }

  async getLatestFactsByIds(ids: string[], entity: string) {
    const row = this.rows.get(entity) ?? {};
    return Object.fromEntries(
      Object.entries(row).filter(([id]) => ids.includes(id)),
    );
  }

  async getLatestSchemas(ids?: string[]) {
    return this.retrievers
      .filter(r => !ids || ids.includes(r.id))
      .map(r => ({ ...r.schema }));
  }
}

describe('CLOUDFLARE_TECH_INSIGHTS_CHECKS', () => {
  useDemoAccount();
  let catalog: InMemoryCatalogClient;
  beforeEach(async () => {
    catalog = await demoCatalog();
  });

  const retrievers = [
    createCloudflareDeploymentProvenanceFactRetriever({
      catalog: () => catalog,
    }),
    createCloudflareDeploymentAuditFactRetriever({
      catalog: () => catalog,
    }),
    createCloudflareAccessAuditFactRetriever({
      catalog: () => catalog,
    }),
    createCloudflareApiTokenHygieneFactRetriever({
      catalog: () => catalog,
    }),
    createCloudflareWorkerPlaintextSecretsFactRetriever({
      catalog: () => catalog,
    }),
    createCloudflareKvPiiRetentionFactRetriever({ catalog: () => catalog }),
    createCloudflareR2LifecycleFactRetriever({ catalog: () => catalog }),
    createCloudflareDurableObjectsFactRetriever({ catalog: () => catalog }),
    createCloudflareWorkflowLastRunFactRetriever({ catalog: () => catalog }),
    createCloudflareWorkflowRetryPolicyFactRetriever({
      catalog: () => catalog,
    }),
    createCloudflareAiGatewayPolicyFactRetriever({ catalog: () => catalog }),
    createCloudflareVectorizeIndexFactRetriever({ catalog: () => catalog }),
    createCloudflareQueueBacklogFactRetriever({ catalog: () => catalog }),
    createCloudflareQueueDeadLetterFactRetriever({ catalog: () => catalog }),
    createCloudflareAiSearchCrawlFactRetriever({ catalog: () => catalog }),
    createCloudflareCoverageFactRetriever({ catalog: () => catalog }),
  ];

  async function checker() {
    const store = new MemoryStore(retrievers);
    const { ctx } = retrieverContext();
    for (const r of retrievers) store.insert(r.id, await r.handler(ctx));
    return new JsonRulesEngineFactChecker({
      checks: cloudflareTechInsightsChecks(),
      repository: store as unknown as TechInsightsStore,
      logger: mockServices.logger.mock(),
    });
  }

  const results = async (fc: JsonRulesEngineFactChecker, entity: string) =>
    Object.fromEntries(
      (await fc.runChecks(entity)).map(r => [r.check.id, r.result]),
    );

  it('is the SOC 2 pack: every check in exactly one scorecard, every scorecard check in the module, in scorecard order', () => {
    expect(Object.keys(CLOUDFLARE_TECH_INSIGHTS_CHECKS)).toEqual(
      CLOUDFLARE_CHECK_IDS,
    );
    for (const id of Object.keys(CLOUDFLARE_TECH_INSIGHTS_CHECKS)) {
      const holders = CLOUDFLARE_SCORECARDS.filter(sc =>
        sc.checks.some(c => c.id === id),
      );
      expect({ id, scorecards: holders.length }).toEqual({
        id,
        scorecards: 1,
      });
    }
    for (const scorecard of CLOUDFLARE_SCORECARDS) {
      for (const { id, criterion } of scorecard.checks) {
        expect(CLOUDFLARE_TECH_INSIGHTS_CHECKS[id]).toBeDefined();
        expect(CLOUDFLARE_TECH_INSIGHTS_CHECKS[id].metadata).toEqual({
          soc2: { control: criterion, title: expect.any(String) },
          scorecard: { id: scorecard.id, title: scorecard.title },
        });
        expect(CLOUDFLARE_TECH_INSIGHTS_CHECKS[id].links).toEqual([
          { title: 'Remediation', url: `/cloudflare/remediation#${id}` },
          {
            title: 'Runbook (TechDocs)',
            url: `/docs/default/component/cloudflare-suite/soc2-remediation/#${id}`,
          },
        ]);
      }
    }
  });

  it('names the SOC 2 criterion each check evidences and reads only facts its retriever declares', () => {
    const byId = Object.fromEntries(retrievers.map(r => [r.id, r]));
    for (const [id, check] of Object.entries(CLOUDFLARE_TECH_INSIGHTS_CHECKS)) {
      expect(check.id).toBe(id);
      expect(check.description).toMatch(/^SOC 2 [A-Z]+\d\.\d/);
      expect(check.description).toContain(check.metadata.soc2.control);
      for (const factId of check.factIds) {
        expect(cloudflareFactRetrievers).toHaveProperty(factId);
        for (const c of check.rule.conditions.all)
          expect(byId[factId].schema).toHaveProperty(c.fact);
      }
    }
  });

  it('validates with the jsonfc checker', async () => {
    const fc = await checker();
    for (const check of cloudflareTechInsightsChecks()) {
      expect(await fc.validate(check)).toMatchObject({ valid: true });
    }
  });

  it('passes acme-api and fails acme-edge-router on provenance and audit', async () => {
    const fc = await checker();
    expect(await results(fc, 'component:default/acme-api')).toEqual({
      cloudflareDeploymentProvenance: true,
      cloudflareProdDeploymentAudited: true,
      cloudflareComponentCoverage: true,
    });
    expect(await results(fc, 'component:default/acme-edge-router')).toEqual({
      cloudflareDeploymentProvenance: false,
      cloudflareProdDeploymentAudited: false,
      cloudflareComponentCoverage: true,
    });
    expect(await results(fc, 'component:default/acme-web')).toEqual({
      cloudflareDeploymentProvenance: false,
      cloudflareProdDeploymentAudited: false,
      cloudflareComponentCoverage: true,
    });
  });

  it('passes the Zero Trust audit log and fails token hygiene on the posture Resource', async () => {
    const fc = await checker();
    const run = await fc.runChecks('resource:default/cf-zt-access');
    expect(Object.fromEntries(run.map(r => [r.check.id, r.result]))).toEqual({
      cloudflareAccessAuditLog24h: true,
      cloudflareGlobalApiKeyUnused: false,
      cloudflareApiTokenHygiene: false,
    });
    const globalKey = run.find(
      r => r.check.id === 'cloudflareGlobalApiKeyUnused',
    )!;
    expect(globalKey.facts).toMatchObject({
      globalApiKeyInUse: { value: true },
    });
    expect(globalKey.check.links).toEqual([
      {
        title: 'Remediation',
        url: '/cloudflare/remediation#cloudflareGlobalApiKeyUnused',
      },
      {
        title: 'Runbook (TechDocs)',
        url: '/docs/default/component/cloudflare-suite/soc2-remediation/#cloudflareGlobalApiKeyUnused',
      },
    ]);
    const hygiene = run.find(r => r.check.id === 'cloudflareApiTokenHygiene')!;
    expect(hygiene.facts).toMatchObject({
      tokensTtlOver180d: { value: 2 },
      tokensUnused90d: { value: 2 },
    });
    expect(hygiene.check.metadata).toEqual({
      soc2: { control: 'CC6.1', title: 'Logical access security' },
      scorecard: { id: 'access-hygiene', title: 'Access Hygiene' },
    });
  });

  it('fails acme-api (secret_text, credential-like plain_text) and passes acme-reports (a Secrets Store binding) on centralized secrets', async () => {
    const fc = await checker();
    const run = async (script: string) =>
      (await fc.runChecks(`resource:default/cf-worker-${script}`)).find(
        r => r.check.id === 'cloudflareWorkerSecretsCentralized',
      )!;
    const api = await run('acme-api');
    expect(api.result).toBe(false);
    expect(api.facts).toMatchObject({ noPlaintextSecrets: { value: false } });
    const reports = await run('acme-reports');
    expect(reports.result).toBe(true);
    // jsonfc answers the facts the check's conditions name.
    expect(reports.facts).toMatchObject({
      noPlaintextSecrets: { value: true },
    });
    expect(reports.check.metadata).toEqual({
      soc2: { control: 'CC6.1', title: 'Logical access security' },
      scorecard: { id: 'access-hygiene', title: 'Access Hygiene' },
    });
  });

  it('passes covered production Components and fails legacy-billing on coverage', async () => {
    const fc = await checker();
    const coverage = async (name: string) =>
      (
        await fc.runChecks(`component:default/${name}`, [
          'cloudflareComponentCoverage',
        ])
      ).map(r => r.result);
    expect(await coverage('acme-api')).toEqual([true]);
    expect(await coverage('legacy-billing')).toEqual([false]);
    // a Resource has no coverage fact: jsonfc does not run the check on it
    expect(
      (await fc.runChecks('resource:default/cf-zt-access')).map(
        r => r.check.id,
      ),
    ).not.toContain('cloudflareComponentCoverage');
  });

  it('is what examples/app-config.tech-insights.yaml configures, factRetrievers included', async () => {
    const text = fs.readFileSync(
      path.resolve(__dirname, '../examples/app-config.tech-insights.yaml'),
      'utf8',
    );
    const config = new ConfigReader(YAML.parse(text));
    expect(config.getConfig('techInsights.factChecker.checks').get()).toEqual(
      cloudflareTechInsightsChecksConfig(),
    );
    for (const id of Object.keys(cloudflareFactRetrievers)) {
      expect(
        config.getString(`techInsights.factRetrievers.${id}.cadence`),
      ).toBe('0 * * * *');
      expect(
        config.getNumber(
          `techInsights.factRetrievers.${id}.lifecycle.timeToLive.days`,
        ),
      ).toBe(180);
    }
  });
});
