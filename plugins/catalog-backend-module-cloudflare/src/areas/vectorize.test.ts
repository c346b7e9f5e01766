import { ALL_SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import {
  DEMO_MAP_CONTEXT,
  annotationDependsOn,
  demoClient,
  demoState,
  dependsOnOf,
  runDemoAreas,
} from '../__testUtils__/demo';
import { vectorizeArea } from './vectorize';
import { workersArea } from './workers';

const INDEX = 'GET /accounts/:account_id/vectorize/v2/indexes/:index_name';
const parameters = (e: { spec?: { parameters?: unknown } }) =>
  e.spec!.parameters as Record<string, unknown>;

describe('vectorizeArea', () => {
  it('maps every index with its configuration, tags and stats: the list (1), its tags (1), three reads each', async () => {
    const state = demoState();
    const read = await vectorizeArea.read(demoClient(state), undefined);
    expect(state.callCounts()).toEqual({
      'GET /accounts/:account_id/vectorize/v2/indexes': 1,
      'GET /accounts/:account_id/tags/resources': 1,
      [INDEX]: 4,
      [`${INDEX}/info`]: 4,
      [`${INDEX}/metadata_index/list`]: 4,
    });
    // the run's tag index, as the provider reads it once for every area
    const tags = {
      vectorize_index: Object.fromEntries(
        read.indexes.map(i => [i.name, i.tags ?? {}]),
      ),
    };
    const entities = vectorizeArea
      .map(read, { ...DEMO_MAP_CONTEXT, tags })
      .map(e => e.entity);
    expect(entities.map(e => e.metadata.name)).toEqual([
      'cf-vectorize-acme-idx-main',
      'cf-vectorize-acme-idx-docs',
      'cf-vectorize-acme-idx-support',
      'cf-vectorize-acme-idx-experiments',
    ]);
    const [main, docs, support, experiments] = entities;
    expect(main.metadata).toMatchObject({
      description:
        'Cloudflare Vectorize index acme-idx-main (Site content embeddings)',
      tags: ['cloudflare', 'vectorize', 'ai', 'cosine'],
      labels: {
        'cloudflare.com/tag-backstage-owner': 'platform',
        'cloudflare.com/tag-backstage-system': 'acme-org',
      },
      annotations: { 'cloudflare.com/resource-id': 'acme-idx-main' },
    });
    const mainInfo = state.data.vectorize.indexes[0].info;
    expect(main.spec).toEqual({
      type: 'cloudflare-vectorize',
      owner: 'group:default/platform',
      parameters: {
        accountId: DEMO_MAP_CONTEXT.accountId,
        indexName: 'acme-idx-main',
        dimensions: 1536,
        metric: 'cosine',
        createdOn: expect.any(String),
        modifiedOn: expect.any(String),
        tags: { 'backstage-owner': 'platform', 'backstage-system': 'acme-org' },
        vectorCount: 125_000,
        processedUpToDatetime: mainInfo.processedUpToDatetime,
        processedUpToMutation: mainInfo.processedUpToMutation,
        metadataIndexes: [
          { propertyName: 'url', indexType: 'string' },
          { propertyName: 'locale', indexType: 'string' },
          { propertyName: 'published', indexType: 'boolean' },
        ],
        statsRead: true,
      },
    });
    expect(parameters(docs)).toMatchObject({
      preset: '@cf/baai/bge-base-en-v1.5',
      dimensions: 768,
    });
    // A tag value Backstage refuses as a label ('@', '/') stays in spec.parameters.tags only.
    expect(support.metadata.labels).toBeUndefined();
    expect(parameters(support).tags).toEqual({
      'embedding-model': '@cf/baai/bge-base-en-v1.5',
    });
    expect(parameters(experiments)).toMatchObject({
      vectorCount: 0,
      metadataIndexes: [],
      statsRead: true,
    });
    expect(parameters(experiments)).not.toHaveProperty('processedUpToDatetime');
    const json = JSON.stringify(entities);
    for (const canary of ALL_SECRET_CANARIES)
      expect(json).not.toContain(canary);
    for (const call of Object.keys(state.callCounts()))
      expect(call).not.toMatch(/get_by_ids|\/query$|:index_name\/list$/);
  });

  it('reads no tags when the run has its index', async () => {
    const state = demoState();
    const read = await vectorizeArea.read(demoClient(state), undefined, {
      tags: { vectorize_index: { 'acme-idx-docs': { team: 'docs' } } },
    });
    expect(state.callCounts()).not.toHaveProperty(
      'GET /accounts/:account_id/tags/resources',
    );
    expect(read.indexes[1].tags).toEqual({ team: 'docs' });
  });

  it('leaves out the stats of an index deleted between the list and their read', async () => {
    const state = demoState();
    state.addFault({
      route: '/vectorize/v2/indexes/acme-idx-docs/info',
      fault: { kind: 'server-error', status: 404 },
    });
    const read = await vectorizeArea.read(demoClient(state), undefined);
    expect(read.indexes).toHaveLength(4);
    expect(Object.keys(read.stats)).toEqual([
      'acme-idx-main',
      'acme-idx-support',
      'acme-idx-experiments',
    ]);
  });

  it("relates a Worker's vectorize binding and a Component's cloudflare.com/vectorize annotation to one entity", async () => {
    const [workers, vectorize] = await runDemoAreas({
      workers: workersArea,
      vectorize: vectorizeArea,
    });
    expect(vectorize.entities.map(e => e.entity.metadata.name)).toContain(
      'cf-vectorize-acme-idx-main',
    );
    for (const worker of ['cf-worker-acme-api', 'cf-worker-acme-indexer'])
      expect(dependsOnOf(workers.entities, worker)).toContain(
        'resource:default/cf-vectorize-acme-idx-main',
      );
    expect(
      await annotationDependsOn({
        'cloudflare.com/vectorize': 'acme-idx-main',
      }),
    ).toContain('resource:default/cf-vectorize-acme-idx-main');
  });
});
