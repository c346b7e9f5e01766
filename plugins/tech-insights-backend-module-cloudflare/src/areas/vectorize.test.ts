// The jsonfc module is installed with the Tech Insights backend; the checks run on the real engine.
import { JsonRulesEngineFactChecker } from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import {
  TechInsightFact,
  TechInsightsStore,
} from '@backstage-community/plugin-tech-insights-node';
import { mockServices } from '@backstage/backend-test-utils';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { ConfigReader } from '@backstage/config';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { ALL_SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import {
  acmeAiAssistant,
  demoVectorizeResources,
} from '../__fixtures__/vectorize';
import {
  demoCloudflareConfig,
  loggedText,
  retrieverContext,
  useDemoAccount,
} from '../__testUtils__/demo';
import {
  VECTORIZE_INDEX_RETRIEVER_ID,
  createCloudflareVectorizeIndexFactRetriever,
  vectorizeFacts,
} from './vectorize';
import { CLOUDFLARE_TECH_INSIGHTS_CHECKS } from '../checks';

type Config = ReturnType<typeof demoCloudflareConfig>;
const withVectorize = (vectorize: object): Config => ({
  ...demoCloudflareConfig(),
  techInsights: { cloudflare: { vectorize } },
});
const indexOf = (e: Entity) =>
  (e.spec?.parameters as { indexName?: string } | undefined)?.indexName;
/** Labels acme-idx-experiments with `label: acme-embed` (a model name Backstage takes as a label). */
const labelExperiments = (label: string) => (entities: Entity[]) =>
  entities.map(e =>
    indexOf(e) === 'acme-idx-experiments'
      ? { ...e, metadata: { ...e.metadata, labels: { [label]: 'acme-embed' } } }
      : e,
  );

/** The retriever's facts over the demo account's indexes and acme-ai-assistant (after `edit`). */
async function run(
  options: { config?: Config; edit?: (e: Entity[]) => Entity[] } = {},
) {
  const config = options.config ?? demoCloudflareConfig();
  const client = CloudflareClient.fromConfig(new ConfigReader(config));
  const entities = (options.edit ?? (e => e))([
    ...(await demoVectorizeResources(client)),
    acmeAiAssistant,
  ]);
  const names = new Map(entities.map(e => [e.metadata.name, indexOf(e)]));
  const catalog = new InMemoryCatalogClient({ entities });
  const retriever = createCloudflareVectorizeIndexFactRetriever({
    catalog: () => catalog,
  });
  const { ctx, logger } = retrieverContext(config);
  const facts = await retriever.handler(ctx);
  return {
    retriever,
    raw: facts,
    facts: Object.fromEntries(
      facts.map(f => [names.get(f.entity.name), f.facts]),
    ),
    logged: loggedText(logger),
  };
}

/** The checks' results per index, from the real jsonfc engine over the stored facts. */
async function scores(raw: TechInsightFact[], schema: object) {
  const stored = JSON.parse(JSON.stringify(raw)) as TechInsightFact[];
  const repository = {
    getLatestFactsByIds: async (_ids: string[], ref: string) => {
      const fact = stored.find(f => stringifyEntityRef(f.entity) === ref);
      return fact
        ? {
            [VECTORIZE_INDEX_RETRIEVER_ID]: {
              id: VECTORIZE_INDEX_RETRIEVER_ID,
              ...fact,
            },
          }
        : {};
    },
    getLatestSchemas: async () => [schema],
  };
  const checker = new JsonRulesEngineFactChecker({
    checks: [...vectorizeFacts.checks],
    repository: repository as unknown as TechInsightsStore,
    logger: mockServices.logger.mock(),
  });
  const out: Record<string, Record<string, boolean>> = {};
  for (const index of ['main', 'docs', 'support', 'experiments']) {
    const results = await checker.runChecks(
      `resource:default/cf-vectorize-acme-idx-${index}`,
    );
    out[index] = Object.fromEntries(results.map(r => [r.check.id, r.result]));
  }
  return out;
}

describe('Vectorize index facts', () => {
  useDemoAccount();

  it('passes acme-idx-main and acme-idx-support on writes, acme-idx-main and acme-idx-docs on dimensions; fails the rest', async () => {
    const { facts, logged } = await run();
    expect(facts['acme-idx-main']).toEqual({
      dimensions: 1536,
      embeddingModel: 'openai/text-embedding-ada-002',
      embeddingModelSource: 'annotation',
      modelDimensions: 1536,
      dimensionsMatchModel: true,
      lastWriteAgeDays: 0,
      lastWriteRecent: true,
    });
    expect(facts['acme-idx-docs']).toEqual({
      dimensions: 768,
      embeddingModel: '@cf/baai/bge-base-en-v1.5',
      embeddingModelSource: 'preset',
      modelDimensions: 768,
      dimensionsMatchModel: true,
      lastWriteAgeDays: 12,
      lastWriteRecent: false,
    });
    expect(facts['acme-idx-support']).toMatchObject({
      dimensions: 1024,
      embeddingModel: '@cf/baai/bge-base-en-v1.5',
      embeddingModelSource: 'tag',
      modelDimensions: 768,
      dimensionsMatchModel: false,
      lastWriteRecent: true,
    });
    // no model named anywhere: no dimensions fact (never a false pass); never written: fails
    expect(facts['acme-idx-experiments']).toEqual({
      dimensions: 384,
      lastWriteRecent: false,
    });
    expect(logged).toContain(
      'no dimensions fact for resource:default/cf-vectorize-acme-idx-experiments: no embedding model named',
    );
    for (const canary of ALL_SECRET_CANARIES) {
      expect(JSON.stringify(facts)).not.toContain(canary);
      expect(logged).not.toContain(canary);
    }
  });

  it('scores each index on the real jsonfc engine, leaving out the dimensions of an index without a model', async () => {
    const { raw, retriever } = await run();
    expect(await scores(raw, retriever.schema)).toEqual({
      main: {
        cloudflareVectorizeDimensionsMatchModel: true,
        cloudflareVectorizeRecentWrite: true,
      },
      docs: {
        cloudflareVectorizeDimensionsMatchModel: true,
        cloudflareVectorizeRecentWrite: false,
      },
      support: {
        cloudflareVectorizeDimensionsMatchModel: false,
        cloudflareVectorizeRecentWrite: true,
      },
      experiments: { cloudflareVectorizeRecentWrite: false },
    });
  });

  it('reads models, the model tag and the write age from techInsights.cloudflare.vectorize', async () => {
    const { facts } = await run({
      config: withVectorize({
        models: { '@cf/baai/bge-base-en-v1.5': 1024 },
        maxWriteAgeDays: 14,
      }),
      edit: labelExperiments('cloudflare.com/tag-embedding-model'),
    });
    expect(facts['acme-idx-support'].dimensionsMatchModel).toBe(true);
    expect(facts['acme-idx-docs']).toMatchObject({
      modelDimensions: 1024,
      dimensionsMatchModel: false,
      lastWriteRecent: true,
    });
    // a label names a model the map does not know: still no dimensions fact
    expect(facts['acme-idx-experiments']).not.toHaveProperty(
      'dimensionsMatchModel',
    );
    const tagged = await run({
      config: withVectorize({
        modelTag: 'model',
        models: { 'acme-embed': 384 },
      }),
      edit: labelExperiments('cloudflare.com/tag-model'),
    });
    expect(tagged.facts['acme-idx-experiments']).toMatchObject({
      embeddingModel: 'acme-embed',
      embeddingModelSource: 'tag',
      dimensionsMatchModel: true,
    });
    // with its tag renamed, acme-idx-support's embedding-model tag names nothing
    expect(tagged.facts['acme-idx-support']).not.toHaveProperty(
      'dimensionsMatchModel',
    );
  });

  it('says which model has no configured dimensions, and scores no index on an invalid config', async () => {
    const unknown = await run({
      edit: entities => [
        ...entities.filter(e => e.kind === 'Resource'),
        {
          ...acmeAiAssistant,
          metadata: {
            ...acmeAiAssistant.metadata,
            annotations: {
              ...acmeAiAssistant.metadata.annotations,
              'cloudflare.com/embedding-model': 'acme/private-embedder',
            },
          },
        },
      ],
    });
    expect(unknown.facts['acme-idx-main']).not.toHaveProperty(
      'dimensionsMatchModel',
    );
    expect(unknown.logged).toContain(
      'cf-vectorize-acme-idx-main: no dimensions configured for acme/private-embedder',
    );
    const invalid = await run({
      config: withVectorize({ models: { '@cf/baai/bge-base-en-v1.5': 'big' } }),
    });
    expect(invalid.raw).toEqual([]);
    expect(invalid.logged).toMatch(
      /invalid config, no facts this run .*must be a positive integer/,
    );
  });

  it('gives no write fact to an index whose stats the catalog does not hold yet, and no fact without dimensions either', async () => {
    const { facts } = await run({
      edit: entities =>
        entities.map(e => {
          if (e.kind !== 'Resource') return e;
          const { statsRead: _s, ...rest } = e.spec!.parameters as any;
          if (indexOf(e) === 'acme-idx-docs') delete rest.dimensions;
          return { ...e, spec: { ...e.spec, parameters: rest } };
        }),
    });
    expect(facts['acme-idx-main']).not.toHaveProperty('lastWriteRecent');
    expect(facts['acme-idx-main'].dimensionsMatchModel).toBe(true);
    expect(facts).not.toHaveProperty('acme-idx-docs');
  });

  it('names its SOC 2 criteria', () => {
    expect(
      vectorizeFacts.checks.map(
        c => CLOUDFLARE_TECH_INSIGHTS_CHECKS[c.id].metadata.soc2,
      ),
    ).toEqual([
      {
        control: 'PI1.2',
        title: 'Completeness and accuracy of system inputs',
      },
      { control: 'CC7.2', title: 'System monitoring' },
    ]);
  });
});
