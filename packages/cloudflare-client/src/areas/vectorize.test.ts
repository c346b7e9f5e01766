import { useDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { demoContext } from '../__testUtils__/areaContext';
import { expectNoCanary } from '../__testUtils__/demo';
import { VectorizeApi } from './vectorize';

const INDEXES = 'GET /accounts/:account_id/vectorize/v2/indexes';
const INDEX = `${INDEXES}/:index_name`;

describe('VectorizeApi', () => {
  const demo = useDemoAccount();

  it('lists the indexes in one call, with their configuration and tags', async () => {
    const ctx = demoContext();
    const indexes = await new VectorizeApi(ctx).listIndexes();
    expect(indexes.map(i => i.name)).toEqual([
      'acme-idx-main',
      'acme-idx-docs',
      'acme-idx-support',
      'acme-idx-experiments',
    ]);
    expect(indexes[0]).toEqual({
      name: 'acme-idx-main',
      description: 'Site content embeddings',
      createdOn: expect.any(String),
      modifiedOn: expect.any(String),
      dimensions: 1536,
      metric: 'cosine',
      tags: { 'backstage-owner': 'platform', 'backstage-system': 'acme-org' },
    });
    expect(indexes[1]).toMatchObject({
      dimensions: 768,
      preset: '@cf/baai/bge-base-en-v1.5',
      tags: {},
    });
    expect(indexes[2].tags).toEqual({
      'embedding-model': '@cf/baai/bge-base-en-v1.5',
    });
    expect(ctx.stats().callsByArea).toEqual({ vectorize: 1, tags: 1 });
    expect(demo.state.callCounts()).toEqual({
      [INDEXES]: 1,
      'GET /accounts/:account_id/tags/resources': 1,
    });
  });

  it("reads an index's stats: its own read, info and metadata indexes, never a vector", async () => {
    const ctx = demoContext();
    const stats = await new VectorizeApi(ctx).getStats('acme-idx-support', {
      tags: {},
    });
    const info = demo.state.data.vectorize.indexes[2].info;
    expect(stats).toEqual({
      name: 'acme-idx-support',
      description: 'Support ticket similarity',
      createdOn: expect.any(String),
      modifiedOn: expect.any(String),
      dimensions: 1024,
      metric: 'dot-product',
      tags: {},
      vectorCount: 9_874,
      processedUpToDatetime: info.processedUpToDatetime,
      processedUpToMutation: 'acme-idx-support-mut-2692',
      metadataIndexes: [
        { propertyName: 'priority', indexType: 'number' },
        { propertyName: 'resolved', indexType: 'boolean' },
      ],
    });
    expectNoCanary(stats);
    expect(demo.state.callCounts()).toEqual({
      [INDEX]: 1,
      [`${INDEX}/info`]: 1,
      [`${INDEX}/metadata_index/list`]: 1,
    });
  });

  it('leaves out the last write of an index never written, and answers no metadata index', async () => {
    const stats = await new VectorizeApi(demoContext()).getStats(
      'acme-idx-experiments',
    );
    expect(stats).toMatchObject({ vectorCount: 0, metadataIndexes: [] });
    expect(stats).not.toHaveProperty('processedUpToDatetime');
  });

  it('keeps an index whose info and metadata indexes Cloudflare answers null', async () => {
    const record = demo.state.data.vectorize.indexes[0];
    Object.assign(record, { info: null, metadataIndexes: null });
    const stats = await new VectorizeApi(demoContext()).getStats(
      'acme-idx-main',
      { tags: {} },
    );
    expect(stats).toMatchObject({ dimensions: 1536, metadataIndexes: [] });
    expect(stats).not.toHaveProperty('vectorCount');
  });

  it('drops fields it does not know', async () => {
    Object.assign(demo.state.data.vectorize.indexes[0].index, {
      api_token: 'not-a-field',
    });
    const [main] = await new VectorizeApi(demoContext()).listIndexes({
      tags: {},
    });
    expect(main).not.toHaveProperty('api_token');
  });

  it('fails the list, never answering fewer indexes, when Cloudflare answers no list', async () => {
    demo.state.addFault({
      route: '/vectorize/v2/indexes',
      fault: { kind: 'result-null' },
    });
    await expect(
      new VectorizeApi(demoContext()).listIndexes({ tags: {} }),
    ).rejects.toMatchObject({
      kind: 'bad-response',
      operation: 'vectorize.listIndexes',
    });
  });

  it('maps an index read that answers no index to not-found', async () => {
    demo.state.addFault({
      route: '/vectorize/v2/indexes/acme-idx-main',
      fault: { kind: 'result-null' },
    });
    await expect(
      new VectorizeApi(demoContext()).getStats('acme-idx-main', { tags: {} }),
    ).rejects.toMatchObject({
      kind: 'not-found',
      operation: 'vectorize.getStats',
    });
  });

  it('maps an unknown index to not-found', async () => {
    await expect(
      new VectorizeApi(demoContext()).getStats('nope'),
    ).rejects.toMatchObject({
      kind: 'not-found',
      operation: 'vectorize.getStats',
    });
  });
});
